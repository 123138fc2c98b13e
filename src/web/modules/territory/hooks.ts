import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../app/api.ts';
import type {
  Comune,
  ComuneChanges,
  ComuneFeatureProperties,
  ComuneSummary,
  ComuniQuery,
  FeatureCollection,
  Metro,
  Zone,
  ZoneDetail,
  ZoneFeatureProperties,
} from './types.ts';

export const territoryKeys = {
  metro: ['metro'] as const,
  comuni: (query: ComuniQuery) => ['comuni', 'list', query] as const,
  comune: (code: string) => ['comuni', 'detail', code] as const,
  zones: ['zones', 'list'] as const,
  zone: (id: string) => ['zones', 'detail', id] as const,
  geoComuni: ['geo', 'comuni'] as const,
  geoZones: ['geo', 'zones'] as const,
};

const ONE_HOUR = 60 * 60 * 1000;

export function useMetro() {
  return useQuery({
    queryKey: territoryKeys.metro,
    queryFn: ({ signal }) => api<Metro>('/metro', { signal }),
    staleTime: ONE_HOUR,
  });
}

export function useComuni(query: ComuniQuery) {
  return useQuery({
    queryKey: territoryKeys.comuni(query),
    queryFn: ({ signal }) => api<Page<ComuneSummary>>('/comuni', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useComune(code: string) {
  return useQuery({
    queryKey: territoryKeys.comune(code),
    queryFn: ({ signal }) => api<Comune>(`/comuni/${encodeURIComponent(code)}`, { signal }),
  });
}

export function useUpdateComune(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: ComuneChanges) =>
      api<Comune>(`/comuni/${encodeURIComponent(code)}`, { method: 'PATCH', body: changes }),
    onSuccess: (comune) => {
      queryClient.setQueryData(territoryKeys.comune(code), comune);
      // Zone membership feeds lists, zone totals and the map.
      void queryClient.invalidateQueries({ queryKey: ['comuni', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['zones'] });
      void queryClient.invalidateQueries({ queryKey: ['geo'] });
    },
  });
}

export function useZones() {
  return useQuery({
    queryKey: territoryKeys.zones,
    queryFn: ({ signal }) => api<{ items: Zone[] }>('/zones', { signal }),
    select: (data) => data.items,
  });
}

export function useZone(id: string) {
  return useQuery({
    queryKey: territoryKeys.zone(id),
    queryFn: ({ signal }) => api<ZoneDetail>(`/zones/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useGeoComuni() {
  return useQuery({
    queryKey: territoryKeys.geoComuni,
    queryFn: ({ signal }) =>
      api<FeatureCollection<ComuneFeatureProperties>>('/geo/comuni', { signal }),
    staleTime: ONE_HOUR,
  });
}

export function useGeoZones() {
  return useQuery({
    queryKey: territoryKeys.geoZones,
    queryFn: ({ signal }) =>
      api<FeatureCollection<ZoneFeatureProperties>>('/geo/zones', { signal }),
    staleTime: ONE_HOUR,
  });
}
