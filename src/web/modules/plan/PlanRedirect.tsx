import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { usePlan } from './hooks.ts';
import { currentVersionOf, versionPath } from './versionRules.ts';

/** `/piano/:slug` opens the version a reader wants first (see currentVersionOf). */
export default function PlanRedirect() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const plan = usePlan(slug);
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  const version = currentVersionOf(plan.data);
  if (version) return <Navigate to={versionPath(slug, version.number)} replace />;
  return (
    <>
      <h1>{plan.data.title}</h1>
      <EmptyState>{t('plan.plans.noVersions')}</EmptyState>
      <Link to="/piano">{t('plan.plans.back')}</Link>
    </>
  );
}
