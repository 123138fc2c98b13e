import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { cx } from '../../ui/classNames.ts';

/** The two public views of the projects: the list and the money on the map. */
export function ProjectsNav() {
  const { t } = useTranslation();
  const links = [
    { to: '/progetti', label: t('projects.nav.explorer') },
    { to: '/pnrr', label: t('projects.nav.territory') },
  ];
  return (
    <nav aria-label={t('projects.nav.label')} className="mb-4">
      <ul className="nav nav-tabs mp-projects-tabs">
        {links.map((link) => (
          <li className="nav-item" key={link.to}>
            <NavLink
              to={link.to}
              end
              className={({ isActive }) => cx('nav-link', isActive && 'active')}
            >
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
