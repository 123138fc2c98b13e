import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { useSearchState } from '../../app/searchState.ts';
import { EmptyState, ErrorState, Loading } from '../../ui/QueryStates.tsx';
import { useTree } from './hooks.ts';
import { usePlanLabels } from './labels.ts';
import { PlanTree } from './PlanTree.tsx';
import { isEditableStatus } from './policy.ts';
import { hasFilters, missionsOf, treeDefaults, TreeFilters } from './TreeFilters.tsx';
import type { TreeQuery } from './types.ts';
import type { VersionContext } from './versionRoute.tsx';

/** The version's goals and actions, filtered from the URL (`?mission=M3&section=1`). */
export default function TreeTab() {
  const { t } = useTranslation();
  const { plan, version } = useOutletContext<VersionContext>();
  const labels = usePlanLabels();
  const [filters, setFilters] = useSearchState(treeDefaults);
  const q = filters.q.trim();
  const query: TreeQuery = {
    missions: missionsOf(filters),
    sdg: Number(filters.sdg) || undefined,
    zone: filters.zone || undefined,
    comune: filters.comune || undefined,
    orgUnit: filters.orgUnit || undefined,
    // The API searches from two characters on.
    q: q.length >= 2 ? q : undefined,
    hideExamples: filters.examples === 'hide',
  };
  const tree = useTree(version.id, query);
  const sections = (tree.data?.sections ?? []).filter(
    (section) => !filters.section || section.sectionCode === filters.section,
  );
  const goals = sections.reduce((n, section) => n + section.goals.length, 0);
  const actions = sections.reduce(
    (n, section) => n + section.goals.reduce((m, goal) => m + goal.actions.length, 0),
    0,
  );
  const filtered = hasFilters(filters);

  return (
    <section aria-labelledby="tree-title">
      <h2 id="tree-title" className="h3">
        {t('plan.tabs.tree')}
      </h2>
      <TreeFilters filters={filters} onChange={setFilters} labels={labels} />
      <div aria-live="polite" className="my-3">
        {tree.data ? (
          <p className="fw-semibold mb-0" data-testid="tree-count">
            {filtered
              ? t('plan.tree.resultCount', {
                  goals: t('plan.tree.goalCount', { count: goals }),
                  actions: t('plan.tree.actionCount', { count: actions }),
                })
              : t('plan.tree.totalCount', {
                  goals: t('plan.tree.goalCount', { count: goals }),
                  actions: t('plan.tree.actionCount', { count: actions }),
                })}
          </p>
        ) : null}
      </div>
      {tree.isPending ? <Loading /> : null}
      {tree.isError ? <ErrorState error={tree.error} onRetry={() => void tree.refetch()} /> : null}
      {tree.data && filtered && goals === 0 ? (
        <EmptyState>{t('plan.tree.empty')}</EmptyState>
      ) : null}
      {tree.data && (!filtered || goals > 0) ? (
        <PlanTree
          // A new filter starts from a new tree: results open, the whole plan folded.
          key={JSON.stringify(filters)}
          plan={plan}
          version={version}
          sections={sections}
          labels={labels}
          defaultExpanded={filtered}
          canReorder={!filtered && isEditableStatus(version.status)}
        />
      ) : null}
    </section>
  );
}
