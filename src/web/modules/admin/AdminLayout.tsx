import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { cx } from '../../ui/classNames.ts';
import { useCurrentUser } from '../identity/hooks.ts';
import { isAdmin, isSystemAdmin } from '../identity/policy.ts';
import { canImportProjects } from '../projects/policy.ts';

/** The reserved area: a section menu beside the current admin page. */
export default function AdminLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const links = [
    ...(isSystemAdmin(user) ? [{ to: '/admin/utenti', label: t('admin.nav.users') }] : []),
    ...(isAdmin(user)
      ? [
          { to: '/admin/unita-organizzative', label: t('admin.nav.orgUnits') },
          { to: '/admin/zone', label: t('admin.nav.zones') },
          { to: '/admin/registro-attivita', label: t('admin.nav.audit') },
        ]
      : []),
    ...(canImportProjects(user)
      ? [
          { to: '/admin/importazioni', label: t('admin.nav.imports') },
          { to: '/admin/collegamenti', label: t('admin.nav.links') },
        ]
      : []),
  ];
  return (
    <div className="row g-4">
      <div className="col-12 col-lg-3">
        <nav className="mp-admin-nav" aria-label={t('admin.nav.label')}>
          <p className="fw-semibold text-uppercase small mb-2">{t('nav.admin')}</p>
          <div className="link-list-wrapper">
            <ul className="link-list">
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink
                    to={link.to}
                    className={({ isActive }) => cx('list-item', isActive && 'active fw-semibold')}
                  >
                    <span>{link.label}</span>
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      </div>
      <div className="col-12 col-lg-9">
        <Outlet />
      </div>
    </div>
  );
}
