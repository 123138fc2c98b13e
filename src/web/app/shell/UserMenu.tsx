import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useCurrentUser, useLogout } from '../../modules/identity/hooks.ts';
import { Icon } from '../../ui/Icon.tsx';

/** "Accedi" for the public; for a signed-in user a disclosure menu with password and logout. */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (user === undefined) return null;

  if (!user) {
    const onLoginPage = location.pathname === '/accedi';
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <div className="it-access-top-wrapper">
        <Link
          className="btn btn-primary btn-sm btn-icon"
          to={onLoginPage ? '/accedi' : `/accedi?next=${next}`}
        >
          <span className="rounded-icon">
            <Icon name="user" color="primary" />
          </span>
          <span className="d-none d-lg-block">{t('auth.login')}</span>
          <span className="visually-hidden d-lg-none">{t('auth.login')}</span>
        </Link>
      </div>
    );
  }

  const onLogout = () => {
    logout.mutate(undefined, { onSettled: () => navigate('/') });
  };

  return (
    <div className="mp-user-menu position-relative" ref={wrapper}>
      <button
        ref={toggle}
        type="button"
        className="btn btn-primary btn-sm btn-icon"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="rounded-icon">
          <Icon name="user" color="primary" />
        </span>
        <span className="visually-hidden">{t('header.userMenu')}: </span>
        {/* On a phone only the icon shows: the name stays in the button's accessible name. */}
        <span className="mp-user-name d-none d-md-inline">{user.name}</span>
        <span className="visually-hidden d-md-none">{user.name}</span>
        <Icon name="expand" color="white" size="sm" className="d-none d-md-inline" />
      </button>
      <div id={menuId} className="mp-user-menu-panel shadow" hidden={!open}>
        <p className="small text-muted px-3 pt-2 mb-1">{t(`roles.${user.role}`)}</p>
        <div className="link-list-wrapper">
          <ul className="link-list">
            <li>
              <Link className="list-item" to="/account/password">
                <span>{t('auth.changePassword')}</span>
              </Link>
            </li>
            <li>
              <button
                type="button"
                className="btn btn-link list-item w-100 text-start"
                onClick={onLogout}
              >
                <span>{t('auth.logout')}</span>
              </button>
            </li>
          </ul>
        </div>
      </div>
    </div>
  );
}
