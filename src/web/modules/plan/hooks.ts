import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type {
  Changelog,
  Diff,
  ItemCreate,
  ItemDetail,
  ItemMove,
  ItemPatch,
  Matrix,
  Plan,
  PlanItem,
  PnrrMission,
  Sdg,
  TransitionInput,
  Tree,
  TreeQuery,
  VersionDetail,
} from './types.ts';

export const planKeys = {
  plans: ['plans', 'list'] as const,
  plan: (slug: string) => ['plans', 'detail', slug] as const,
  version: (id: string) => ['plan-versions', id, 'detail'] as const,
  tree: (id: string, query: TreeQuery) => ['plan-versions', id, 'tree', query] as const,
  matrix: (id: string) => ['plan-versions', id, 'matrix'] as const,
  changelog: (id: string) => ['plan-versions', id, 'changelog'] as const,
  item: (id: string, key: string) => ['plan-versions', id, 'items', key] as const,
  diff: (from: string, to: string) => ['plan-diff', from, to] as const,
  missions: ['pnrr', 'missions'] as const,
  sdgs: ['sdgs'] as const,
};

const ONE_HOUR = 60 * 60 * 1000;
const versionPath = (id: string) => `/plan-versions/${encodeURIComponent(id)}`;

export function usePlans() {
  return useQuery({
    queryKey: planKeys.plans,
    queryFn: ({ signal }) => api<{ items: Plan[] }>('/plans', { signal }),
    select: (data) => data.items,
  });
}

export function usePlan(slug: string) {
  return useQuery({
    queryKey: planKeys.plan(slug),
    queryFn: ({ signal }) => api<Plan>(`/plans/${encodeURIComponent(slug)}`, { signal }),
    enabled: slug !== '',
  });
}

export function useVersion(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.version(id ?? ''),
    queryFn: ({ signal }) => api<VersionDetail>(versionPath(id!), { signal }),
    enabled: !!id,
  });
}

/** The tree filters as the API takes them: missions and SDGs repeat their parameter. */
function treeSearch(query: TreeQuery): string {
  const params = new URLSearchParams();
  for (const mission of query.missions ?? []) params.append('mission', mission);
  if (query.sdg) params.append('sdg', String(query.sdg));
  if (query.zone) params.set('zone', query.zone);
  if (query.comune) params.set('comune', query.comune);
  if (query.orgUnit) params.set('orgUnit', query.orgUnit);
  if (query.q) params.set('q', query.q);
  if (query.hideExamples) params.set('examples', 'false');
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function useTree(id: string | undefined, query: TreeQuery = {}) {
  return useQuery({
    queryKey: planKeys.tree(id ?? '', query),
    queryFn: ({ signal }) => api<Tree>(`${versionPath(id!)}/tree${treeSearch(query)}`, { signal }),
    enabled: !!id,
    // While a new filter loads, keep the last tree of the same version (never another version's).
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === id ? previous : undefined,
  });
}

export function useMatrix(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.matrix(id ?? ''),
    queryFn: ({ signal }) => api<Matrix>(`${versionPath(id!)}/matrix`, { signal }),
    enabled: !!id,
  });
}

export function useChangelog(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.changelog(id ?? ''),
    queryFn: ({ signal }) => api<Changelog>(`${versionPath(id!)}/changelog`, { signal }),
    enabled: !!id,
  });
}

export function useItem(id: string | undefined, key: string) {
  return useQuery({
    queryKey: planKeys.item(id ?? '', key),
    queryFn: ({ signal }) =>
      api<ItemDetail>(`${versionPath(id!)}/items/${encodeURIComponent(key)}`, { signal }),
    enabled: !!id && key !== '',
  });
}

export function useDiff(from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: planKeys.diff(from ?? '', to ?? ''),
    queryFn: ({ signal }) => api<Diff>('/plan-versions/diff', { query: { from, to }, signal }),
    enabled: !!from && !!to && from !== to,
  });
}

export function usePnrrMissions() {
  return useQuery({
    queryKey: planKeys.missions,
    queryFn: ({ signal }) => api<{ items: PnrrMission[] }>('/pnrr/missions', { signal }),
    select: (data) => data.items,
    staleTime: ONE_HOUR,
  });
}

/** Titles of PNRR measures by code, for the codes an item cites (unknown codes stay bare). */
export function useMeasureTitles(codes: string[]): Map<string, string> {
  const results = useQueries({
    queries: codes.map((code) => ({
      queryKey: ['pnrr', 'measure', code],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<{ code: string; title: string }>(`/pnrr/measures/${encodeURIComponent(code)}`, {
          signal,
        }),
      staleTime: ONE_HOUR,
      retry: false,
    })),
  });
  const titles = new Map<string, string>();
  results.forEach((result, index) => {
    if (result.data) titles.set(codes[index]!, result.data.title);
  });
  return titles;
}

export function useSdgs() {
  return useQuery({
    queryKey: planKeys.sdgs,
    queryFn: ({ signal }) => api<{ items: Sdg[] }>('/sdgs', { signal }),
    select: (data) => data.items,
    staleTime: ONE_HOUR,
  });
}

/**
 * After any write to a version: its tree, matrix, items, counts and every diff may change.
 * The refetch is not awaited: a write often ends by leaving the page (a deleted item, a saved
 * form), and the caller's onSuccess must run before fresh data could unmount the caller.
 */
function useInvalidateVersion() {
  const queryClient = useQueryClient();
  return (versionId: string) => {
    void queryClient.invalidateQueries({ queryKey: ['plan-versions', versionId] });
    void queryClient.invalidateQueries({ queryKey: ['plan-diff'] });
  };
}

export function useCreateItem(versionId: string) {
  const invalidate = useInvalidateVersion();
  return useMutation({
    mutationFn: (draft: ItemCreate) =>
      api<PlanItem>(`${versionPath(versionId)}/items`, { method: 'POST', body: draft }),
    onSuccess: () => invalidate(versionId),
  });
}

export function useUpdateItem(versionId: string) {
  const invalidate = useInvalidateVersion();
  return useMutation({
    mutationFn: ({ key, changes }: { key: string; changes: ItemPatch }) =>
      api<PlanItem>(`${versionPath(versionId)}/items/${encodeURIComponent(key)}`, {
        method: 'PATCH',
        body: changes,
      }),
    onSuccess: () => invalidate(versionId),
  });
}

export function useMoveItem(versionId: string) {
  const invalidate = useInvalidateVersion();
  return useMutation({
    mutationFn: ({ key, move }: { key: string; move: ItemMove }) =>
      api<PlanItem>(`${versionPath(versionId)}/items/${encodeURIComponent(key)}/move`, {
        method: 'POST',
        body: move,
      }),
    onSuccess: () => invalidate(versionId),
  });
}

export function useDeleteItem(versionId: string) {
  const invalidate = useInvalidateVersion();
  return useMutation({
    mutationFn: ({ key, rowVersion }: { key: string; rowVersion: number }) =>
      api<{ deleted: number }>(`${versionPath(versionId)}/items/${encodeURIComponent(key)}`, {
        method: 'DELETE',
        query: { rowVersion },
      }),
    onSuccess: () => invalidate(versionId),
  });
}

/**
 * Status changes touch the plan list, every version of the plan (one may be superseded) and
 * diffs. Not awaited, for the same reason as useInvalidateVersion.
 */
function useInvalidatePlans() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['plans'] });
    void queryClient.invalidateQueries({ queryKey: ['plan-versions'] });
    void queryClient.invalidateQueries({ queryKey: ['plan-diff'] });
  };
}

export function useTransitionVersion(versionId: string) {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: TransitionInput) =>
      api<VersionDetail>(`${versionPath(versionId)}/transitions`, { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useStartAnnualUpdate() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ planId, label }: { planId: string; label: string }) =>
      api<VersionDetail>(`/plans/${encodeURIComponent(planId)}/updates`, {
        method: 'POST',
        body: { label },
      }),
    onSuccess: invalidate,
  });
}

/** "Ricarica": fetch the version's tree, matrix and items again after a refused write. */
export function useReloadVersion(versionId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['plan-versions', versionId] });
}
