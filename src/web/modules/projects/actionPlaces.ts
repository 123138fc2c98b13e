import { useQueries } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { planKeys, usePlans } from '../plan/hooks.ts';
import type { Tree } from '../plan/types.ts';
import { currentVersionOf } from '../plan/versionRules.ts';

export interface ActionPlace {
  slug: string;
  number: number;
  planTitle: string;
}

/**
 * Where the page of a plan action is, by its key. A link names only the action's key (which
 * survives annual updates), not its plan: the key is looked up in the version of each plan a
 * reader sees first.
 */
export function useActionPlaces(enabled: boolean): Map<string, ActionPlace> {
  const plans = usePlans();
  const shown = (enabled ? (plans.data ?? []) : []).flatMap((plan) => {
    const version = currentVersionOf(plan);
    return version ? [{ plan, version }] : [];
  });
  const trees = useQueries({
    queries: shown.map(({ version }) => ({
      queryKey: planKeys.tree(version.id, {}),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<Tree>(`/plan-versions/${encodeURIComponent(version.id)}/tree`, { signal }),
      retry: false,
    })),
  });
  const places = new Map<string, ActionPlace>();
  trees.forEach((tree, index) => {
    const entry = shown[index];
    if (!tree.data || !entry) return;
    for (const section of tree.data.sections)
      for (const goal of section.goals)
        for (const action of goal.actions)
          places.set(action.key, {
            slug: entry.plan.slug,
            number: entry.version.number,
            planTitle: entry.plan.title,
          });
  });
  return places;
}
