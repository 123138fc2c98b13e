import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { cx } from '../../ui/classNames.ts';
import { Figures } from '../../ui/Figures.tsx';
import { useCurrentUser } from '../identity/hooks.ts';
import { StatusBadge } from './Badges.tsx';
import { VersionToolbar } from './VersionToolbar.tsx';
import { canAddPlanItems, isEditableStatus } from './policy.ts';
import { ExampleBanner } from './ExampleBanner.tsx';
import { PlanBreadcrumb } from './PlanBreadcrumb.tsx';
import type { Plan, VersionDetail } from './types.ts';
import { VersionGate, type VersionContext } from './versionRoute.tsx';
import { versionPath } from './versionRules.ts';
import { VersionSelect } from './VersionSelect.tsx';
import { VersionWorkflow } from './VersionWorkflow.tsx';
import './plan.css';

/** `/piano/:slug/versioni/:number`: the version's header, then its tabs (tree, matrix, acts, changes). */
export default function VersionPage() {
  return <VersionGate>{(context) => <VersionLayout {...context} />}</VersionGate>;
}

function VersionLayout({ plan, version }: VersionContext) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const versionName = t('plan.versionName', { number: version.number, label: version.label });
  const base = versionPath(plan.slug, version.number);
  const tabs = [
    { to: base, label: t('plan.tabs.tree'), end: true },
    { to: `${base}/matrice`, label: t('plan.tabs.matrix'), end: false },
    { to: `${base}/atti`, label: t('plan.tabs.acts'), end: false },
    { to: `${base}/modifiche`, label: t('plan.tabs.changes'), end: false },
  ];
  // Each tab is a page of its own: its name leads the window title, as it would a heading.
  const current = tabs.find((tab) =>
    tab.end ? pathname.replace(/\/$/, '') === tab.to : pathname.startsWith(tab.to),
  );
  useDocumentTitle([current?.label, plan.title, versionName].filter(Boolean).join(' — '));
  return (
    <>
      <PlanBreadcrumb
        current={versionName}
        trail={[{ to: `/piano/${plan.slug}`, label: plan.title }]}
      />
      <VersionHeader plan={plan} version={version} />
      <nav aria-label={t('plan.tabs.label')} className="mp-tabs mp-no-print">
        <ul className="nav nav-tabs">
          {tabs.map((tab) => (
            <li className="nav-item" key={tab.to}>
              <NavLink
                to={tab.to}
                end={tab.end}
                className={({ isActive }) => cx('nav-link', isActive && 'active')}
              >
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="pt-4">
        <Outlet context={{ plan, version } satisfies VersionContext} />
      </div>
    </>
  );
}

function VersionHeader({ plan, version }: { plan: Plan; version: VersionDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const editable = isEditableStatus(version.status);
  return (
    <header className="mb-4">
      <div className="row g-3 align-items-end">
        <div className="col-12 col-lg-8">
          <p className="mb-1">
            <StatusBadge status={version.status} className="fs-6" />{' '}
            <span className="small">
              {t('plan.statusSince', { date: format.date(version.statusChangedAt) })}
            </span>
          </p>
          <h1 className="mb-1">{plan.title}</h1>
          {plan.subtitle ? <p className="lead fst-italic mb-1">{plan.subtitle}</p> : null}
          <p className="mb-0">
            {t('plan.versionName', { number: version.number, label: version.label })} ·{' '}
            {t('plan.periodRange', { start: plan.periodStart, end: plan.periodEnd })}
          </p>
        </div>
        <div className="col-12 col-lg-4 mp-no-print">
          <VersionSelect plan={plan} current={version} />
        </div>
      </div>
      {version.counts.examples > 0 ? <ExampleBanner count={version.counts.examples} /> : null}
      {editable && canAddPlanItems(user) ? (
        <p className="small mt-3 mb-0 mp-no-print">{t('plan.editHint')}</p>
      ) : null}
      <div className="mt-3">
        <Figures
          items={[
            { label: t('plan.counts.goals'), value: format.integer(version.counts.goals) },
            { label: t('plan.counts.actions'), value: format.integer(version.counts.actions) },
            { label: t('plan.counts.acts'), value: format.integer(version.acts.length) },
            {
              label: t('plan.period'),
              value: t('plan.periodRange', { start: plan.periodStart, end: plan.periodEnd }),
            },
          ]}
        />
      </div>
      <VersionToolbar plan={plan} version={version} />
      <VersionWorkflow plan={plan} version={version} />
    </header>
  );
}
