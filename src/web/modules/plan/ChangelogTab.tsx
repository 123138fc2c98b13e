import { useTranslation } from 'react-i18next';
import { Link, useOutletContext } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { namesOf } from './diffValues.ts';
import { DiffView } from './DiffView.tsx';
import { useChangelog, useTree } from './hooks.ts';
import { usePlanLabels } from './labels.ts';
import type { VersionContext } from './versionRoute.tsx';
import { versionPath } from './versionRules.ts';

/** The changelog: what this update changed from the version it started from (the status history is on the acts tab). */
export default function ChangelogTab() {
  const { t } = useTranslation();
  const { plan, version } = useOutletContext<VersionContext>();
  const labels = usePlanLabels();
  const changelog = useChangelog(version.id);
  const baseTree = useTree(changelog.data?.basedOn?.id);
  const tree = useTree(version.id);
  if (changelog.isPending) return <Loading />;
  if (changelog.isError)
    return <ErrorState error={changelog.error} onRetry={() => void changelog.refetch()} />;
  const { basedOn, diff } = changelog.data;
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title" className="h3">
        {basedOn
          ? t('plan.changelog.fromBase', { number: basedOn.number, label: basedOn.label })
          : t('plan.changelog.title')}
      </h2>
      {/* The status history lives once, on the acts tab. */}
      <p>
        <Link to={`${versionPath(plan.slug, version.number)}/atti`}>
          {t('plan.changelog.historyLink')}
        </Link>
      </p>
      {diff ? (
        <>
          <p>
            <Link to={`/piano/${plan.slug}/confronta?da=${diff.from.number}&a=${diff.to.number}`}>
              {t('plan.changelog.openCompare')}
            </Link>
          </p>
          <DiffView
            diff={diff}
            slug={plan.slug}
            labels={labels}
            names={namesOf(baseTree.data, tree.data)}
          />
        </>
      ) : (
        <EmptyState>{t('plan.changelog.noBase')}</EmptyState>
      )}
    </section>
  );
}
