import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../app/api.ts';
import type {
  Analytics,
  AnalyticsQuery,
  ImportRelease,
  ActionLinkTotals,
  LinkCoverage,
  LinksQuery,
  ManualProjectFields,
  PnrrMeasure,
  Project,
  ProjectChanges,
  ProjectLink,
  ProjectsQuery,
  ProjectSummary,
  SuggestionRun,
} from './types.ts';

export const projectKeys = {
  list: (query: ProjectsQuery) => ['projects', 'list', query] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  analytics: (query: AnalyticsQuery) => ['pnrr-analytics', query] as const,
  measures: (mission: string, q: string) => ['pnrr', 'measures', { mission, q }] as const,
  imports: (page: number) => ['imports', page] as const,
  links: (query: LinksQuery) => ['project-links', 'list', query] as const,
  coverage: ['project-links', 'coverage'] as const,
  totals: (actionKey: string) => ['project-links', 'totals', actionKey] as const,
};

const ONE_HOUR = 60 * 60 * 1000;

export function useProjects(query: ProjectsQuery, enabled = true) {
  return useQuery({
    queryKey: projectKeys.list(query),
    queryFn: ({ signal }) =>
      api<Page<ProjectSummary>>('/projects', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => api<Project>(`/projects/${encodeURIComponent(id)}`, { signal }),
    enabled: id !== '',
  });
}

export function usePnrrAnalytics(query: AnalyticsQuery = {}) {
  return useQuery({
    queryKey: projectKeys.analytics(query),
    queryFn: ({ signal }) => api<Analytics>('/analytics/pnrr', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every page of a list endpoint that caps its pages at 200 items. */
async function allPages<T>(
  path: string,
  query: Record<string, string | undefined>,
  signal: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const batch = await api<Page<T>>(path, { query: { ...query, page, pageSize: 200 }, signal });
    items.push(...batch.items);
    if (batch.items.length === 0 || items.length >= batch.total) return items;
  }
}

/** Measures of the PNRR for a picker: narrowed by mission and by words of the code or title. */
export function usePnrrMeasures(mission: string, q: string) {
  return useQuery({
    queryKey: projectKeys.measures(mission, q),
    queryFn: ({ signal }) =>
      allPages<PnrrMeasure>(
        '/pnrr/measures',
        { mission: mission || undefined, q: q || undefined },
        signal,
      ),
    placeholderData: keepPreviousData,
    staleTime: ONE_HOUR,
  });
}

export function useImports(page: number, enabled = true) {
  return useQuery({
    queryKey: projectKeys.imports(page),
    queryFn: ({ signal }) =>
      api<Page<ImportRelease>>('/imports', { query: { page, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProjectLinks(query: LinksQuery, enabled = true) {
  return useQuery({
    queryKey: projectKeys.links(query),
    queryFn: ({ signal }) =>
      api<Page<ProjectLink>>('/project-links', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** How many projects are accepted for an action, and their PNRR money: all, not one page. */
export function useActionLinkTotals(actionKey: string) {
  return useQuery({
    queryKey: projectKeys.totals(actionKey),
    queryFn: ({ signal }) =>
      api<ActionLinkTotals>('/project-links/totals', { query: { actionKey }, signal }),
  });
}

export function useLinkCoverage() {
  return useQuery({
    queryKey: projectKeys.coverage,
    queryFn: ({ signal }) => api<LinkCoverage>('/project-links/coverage', { signal }),
  });
}

/**
 * After an import every figure may change: lists, pages, analytics, links and the history.
 * Not awaited, as in the plan module: the caller's own onSuccess runs first.
 */
export function useInvalidateProjects() {
  const queryClient = useQueryClient();
  return () => {
    for (const key of ['projects', 'pnrr-analytics', 'project-links', 'imports'])
      void queryClient.invalidateQueries({ queryKey: [key] });
  };
}

export function useCreateProject() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (fields: ManualProjectFields) =>
      api<Project>('/projects', { method: 'POST', body: fields }),
    onSuccess: invalidate,
  });
}

export function useUpdateProject(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (changes: ProjectChanges) =>
      api<Project>(`/projects/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.detail(id), project);
      invalidate();
    },
  });
}

export function useSuggestLinks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) =>
      api<SuggestionRun>(`/plan-versions/${encodeURIComponent(versionId)}/link-suggestions`, {
        method: 'POST',
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['project-links'] }),
  });
}

export function useDecideLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      projectId,
      actionKey,
      versionId,
      status,
    }: {
      projectId: string;
      actionKey: string;
      /** Left out only to remove a link to an action no version holds any more. */
      versionId: string | undefined;
      status: 'accepted' | 'rejected';
    }) =>
      api<ProjectLink>(
        `/projects/${encodeURIComponent(projectId)}/links/${encodeURIComponent(actionKey)}`,
        { method: 'PUT', body: versionId ? { versionId, status } : { status } },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['project-links'] });
      // Accepted links feed the plan's coverage matrix.
      void queryClient.invalidateQueries({ queryKey: ['plan-versions'] });
    },
  });
}
