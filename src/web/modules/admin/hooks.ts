import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../app/api.ts';
import type { Zone } from '../territory/types.ts';
import type {
  AuditEntry,
  AuditQuery,
  OrgUnit,
  OrgUnitChanges,
  OrgUnitDraft,
  User,
  UserChanges,
  UserDraft,
  UsersQuery,
  ZoneChanges,
  ZoneDraft,
} from './types.ts';

export const adminKeys = {
  users: (query: UsersQuery) => ['users', 'list', query] as const,
  orgUnits: (includeArchived: boolean) => ['org-units', { includeArchived }] as const,
  audit: (query: AuditQuery) => ['audit', query] as const,
};

export function useUsers(query: UsersQuery, enabled = true) {
  return useQuery({
    queryKey: adminKeys.users(query),
    queryFn: ({ signal }) => api<Page<User>>('/users', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: UserDraft) =>
      api<{ user: User; temporaryPassword: string }>('/users', { method: 'POST', body: draft }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UserChanges }) =>
      api<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<{ temporaryPassword: string }>(`/users/${encodeURIComponent(id)}/password-reset`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useOrgUnits(includeArchived = false) {
  return useQuery({
    queryKey: adminKeys.orgUnits(includeArchived),
    queryFn: ({ signal }) =>
      api<{ items: OrgUnit[] }>('/org-units', {
        query: includeArchived ? { includeArchived: true } : {},
        signal,
      }),
    select: (data) => data.items,
  });
}

export function useCreateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: OrgUnitDraft) =>
      api<OrgUnit>('/org-units', { method: 'POST', body: draft }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org-units'] }),
  });
}

export function useUpdateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: OrgUnitChanges }) =>
      api<OrgUnit>(`/org-units/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org-units'] }),
  });
}

function useInvalidateTerritory() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['zones'] }),
      queryClient.invalidateQueries({ queryKey: ['metro'] }),
      queryClient.invalidateQueries({ queryKey: ['geo'] }),
      queryClient.invalidateQueries({ queryKey: ['comuni'] }),
    ]);
}

export function useCreateZone() {
  const invalidate = useInvalidateTerritory();
  return useMutation({
    mutationFn: (draft: ZoneDraft) => api<Zone>('/zones', { method: 'POST', body: draft }),
    onSuccess: invalidate,
  });
}

export function useUpdateZone() {
  const invalidate = useInvalidateTerritory();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: ZoneChanges }) =>
      api<Zone>(`/zones/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: invalidate,
  });
}

export function useDeleteZone() {
  const invalidate = useInvalidateTerritory();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<void>(`/zones/${encodeURIComponent(id)}`, { method: 'DELETE', query: { version } }),
    onSuccess: invalidate,
  });
}

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: adminKeys.audit(query),
    queryFn: ({ signal }) => api<Page<AuditEntry>>('/audit', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}
