import { Header, HeaderContent, HeaderRightZone, Headers } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { useCurrentUser } from '../../modules/identity/hooks.ts';
import { canUseReservedArea } from '../../modules/projects/policy.ts';
import { useMetro } from '../../modules/territory/hooks.ts';
import { cx } from '../../ui/classNames.ts';
import { Icon } from '../../ui/Icon.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Designers Italia header: slim (institution, language, account), centre (app), navbar. */
export function SiteHeader() {
  const { t } = useTranslation();
  const metro = useMetro();
  const institution = metro.data?.name ?? t('app.institution');
  return (
    <Headers>
      <Header type="slim">
        <HeaderContent>
          <Link className="navbar-brand" to="/">
            {institution}
          </Link>
          <HeaderRightZone>
            <LanguageSwitch />
            <UserMenu />
          </HeaderRightZone>
        </HeaderContent>
      </Header>
      <div className="it-nav-wrapper">
        <Header type="center">
          <HeaderContent>
            <div className="it-brand-wrapper">
              <Link to="/">
                <Icon name="pa" />
                <div className="it-brand-text">
                  <div className="it-brand-title">{t('app.name')}</div>
                  <div className="it-brand-tagline d-none d-md-block">{institution}</div>
                </div>
              </Link>
            </div>
          </HeaderContent>
        </Header>
        <MainNav />
      </div>
    </Headers>
  );
}

function MainNav() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const [expanded, setExpanded] = useState(false);
  const toggler = useRef<HTMLButtonElement>(null);
  const closer = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => setExpanded(false), [location.pathname]);

  // On small screens the menu is an off-canvas panel over the page: focus goes in and stays in
  // (Tab from its last link comes back to its close button), Escape closes it.
  useEffect(() => {
    if (!expanded) return;
    closer.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
      if (event.key === 'Tab' && panel.current) keepFocusIn(panel.current, event);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [expanded]);

  function close() {
    setExpanded(false);
    toggler.current?.focus();
  }

  const items = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/piano', label: t('nav.plan'), end: false },
    { to: '/comuni', label: t('nav.comuni'), end: false },
    { to: '/zone', label: t('nav.zones'), end: false },
    { to: '/progetti', label: t('nav.projects'), end: false, also: '/pnrr' },
    ...(canUseReservedArea(user) ? [{ to: '/admin', label: t('nav.admin'), end: false }] : []),
  ];

  return (
    <Header type="navbar" theme="">
      <div className="container-xxl">
        <div className="row">
          <div className="col-12">
            <nav className="navbar navbar-expand-lg" aria-label={t('nav.label')}>
              <button
                ref={toggler}
                className="custom-navbar-toggler"
                type="button"
                aria-controls="main-nav"
                aria-expanded={expanded}
                onClick={() => setExpanded(true)}
              >
                <Icon name="burger" />
                <span className="visually-hidden">{t('nav.toggle')}</span>
              </button>
              <div
                ref={panel}
                id="main-nav"
                className={cx('navbar-collapsable', expanded && 'expanded')}
                style={expanded ? { display: 'block' } : undefined}
              >
                <div
                  className="overlay"
                  style={expanded ? { display: 'block' } : undefined}
                  onClick={close}
                />
                <div className="close-div">
                  <button ref={closer} className="btn close-menu" type="button" onClick={close}>
                    <span className="visually-hidden">{t('nav.close')}</span>
                    <Icon name="close-big" />
                  </button>
                </div>
                <div className="menu-wrapper">
                  <ul className="navbar-nav">
                    {items.map((item) => (
                      <li className="nav-item" key={item.to}>
                        <NavLink
                          to={item.to}
                          end={item.end}
                          className={({ isActive }) =>
                            cx(
                              'nav-link',
                              (isActive ||
                                (item.also !== undefined &&
                                  location.pathname.startsWith(item.also))) &&
                                'active',
                            )
                          }
                        >
                          <span>{item.label}</span>
                        </NavLink>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </nav>
          </div>
        </div>
      </div>
    </Header>
  );
}

/** Tab past the last control of a dialog-like panel wraps to its first, Shift+Tab the other way. */
function keepFocusIn(container: HTMLElement, event: KeyboardEvent) {
  const controls = [...container.querySelectorAll<HTMLElement>('a[href], button')];
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  const wrapTo = event.shiftKey
    ? document.activeElement === first && last
    : document.activeElement === last && first;
  if (wrapTo) {
    event.preventDefault();
    wrapTo.focus();
  }
}
