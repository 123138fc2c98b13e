import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { usePlan, useVersion } from './hooks.ts';
import type { Plan, VersionDetail } from './types.ts';
import { versionByNumber } from './versionRules.ts';

export interface VersionContext {
  plan: Plan;
  version: VersionDetail;
}

/** The plan and version named by `/piano/:slug/versioni/:number`. */
export function useVersionRoute() {
  const { slug = '', number } = useParams();
  const plan = usePlan(slug);
  const summary = plan.data ? versionByNumber(plan.data, number) : undefined;
  const version = useVersion(summary?.id);
  return { slug, number, plan, summary, version };
}

/**
 * Loads the version of the URL and hands it to its children, or says why it cannot: a draft is
 * "not found" for the public, as the API answers.
 */
export function VersionGate({ children }: { children: (context: VersionContext) => ReactNode }) {
  const { t } = useTranslation();
  const { slug, number, plan, summary, version } = useVersionRoute();
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!summary) {
    return (
      <div className="callout warning my-4">
        <div className="callout-inner">
          <p>{t('plan.versionNotFound', { number })}</p>
          <Link to={`/piano/${slug}`}>{t('plan.backToPlan', { title: plan.data.title })}</Link>
        </div>
      </div>
    );
  }
  if (version.isPending) return <Loading />;
  if (version.isError)
    return <ErrorState error={version.error} onRetry={() => void version.refetch()} />;
  return <>{children({ plan: plan.data, version: version.data })}</>;
}
