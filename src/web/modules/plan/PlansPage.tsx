import { Breadcrumb, BreadcrumbItem } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../app/title.ts';
import { cx } from '../../ui/classNames.ts';
import { EmptyState, ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useCurrentUser } from '../identity/hooks.ts';
import { AnnualUpdateButton } from './AnnualUpdateButton.tsx';
import { StatusBadge } from './Badges.tsx';
import { usePlans } from './hooks.ts';
import { canManageVersions } from './policy.ts';
import type { Plan } from './types.ts';
import {
  canStartUpdate,
  currentPlanOf,
  currentVersionOf,
  versionPath,
  versionsNewestFirst,
} from './versionRules.ts';
import './plan.css';

export default function PlansPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('plan.plans.title'));
  const plans = usePlans();
  const current = plans.data ? currentPlanOf(plans.data) : undefined;
  // The plan in force comes first, then the others newest first.
  const newestFirst = [...(plans.data ?? [])].sort(
    (a, b) =>
      Number(b.id === current?.id) - Number(a.id === current?.id) ||
      b.periodStart - a.periodStart ||
      b.periodEnd - a.periodEnd,
  );

  return (
    <>
      <Breadcrumb aria-label={t('breadcrumb.label')}>
        <BreadcrumbItem>
          <Link to="/">{t('nav.home')}</Link>
          <span className="separator">/</span>
        </BreadcrumbItem>
        <BreadcrumbItem active aria-current="page">
          {t('nav.plan')}
        </BreadcrumbItem>
      </Breadcrumb>
      <h1>{t('plan.plans.title')}</h1>
      <p className="lead">{t('plan.plans.lead')}</p>
      {plans.isPending ? <Loading /> : null}
      {plans.isError ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : null}
      {plans.data && plans.data.length === 0 ? (
        <EmptyState>{t('plan.plans.empty')}</EmptyState>
      ) : null}
      {newestFirst.length > 0 ? (
        <ul className="row g-4 list-unstyled">
          {newestFirst.map((plan) => (
            <li key={plan.id} className="col-12 col-lg-6">
              <PlanCard plan={plan} current={plan.id === current?.id} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function PlanCard({ plan, current }: { plan: Plan; current: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const shown = currentVersionOf(plan);
  const titleId = `plan-${plan.slug}`;
  return (
    <article
      className={cx('card card-bg no-after h-100 mx-0 mp-plan-card', current && 'mp-plan-current')}
      aria-labelledby={titleId}
    >
      <div className="card-body">
        <div className="d-flex flex-wrap gap-2 mb-2">
          {current ? (
            <span className="badge mp-badge-current">{t('plan.plans.current')}</span>
          ) : null}
          {shown ? <StatusBadge status={shown.status} /> : null}
        </div>
        <h2 id={titleId} className="h4 card-title">
          <Link to={`/piano/${plan.slug}`}>{plan.title}</Link>
        </h2>
        {plan.subtitle ? <p className="fst-italic mb-2">{plan.subtitle}</p> : null}
        <p className="mb-2">
          <span className="fw-semibold">{t('plan.period')}:</span>{' '}
          {t('plan.periodRange', { start: plan.periodStart, end: plan.periodEnd })}
        </p>
        {plan.notes ? <p className="small text-muted">{plan.notes}</p> : null}
        <h3 className="h6 mt-3">{t('plan.versions')}</h3>
        {plan.versions.length === 0 ? (
          <p className="small">{t('plan.plans.noVersions')}</p>
        ) : (
          <ul className="list-unstyled mp-version-list">
            {versionsNewestFirst(plan).map((version) => (
              <li key={version.id}>
                <Link to={versionPath(plan.slug, version.number)}>
                  {t('plan.versionName', { number: version.number, label: version.label })}
                </Link>{' '}
                <StatusBadge status={version.status} />
              </li>
            ))}
          </ul>
        )}
        {plan.versions.length > 1 ? (
          <p className="mb-2">
            <Link to={`/piano/${plan.slug}/confronta`}>{t('plan.compare.link')}</Link>
          </p>
        ) : null}
        {canManageVersions(user) && canStartUpdate(plan) ? (
          <AnnualUpdateButton plan={plan} />
        ) : null}
      </div>
    </article>
  );
}
