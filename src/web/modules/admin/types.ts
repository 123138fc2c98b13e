import type { Role } from '../identity/types.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  comuneCode: string | null;
  zoneId: string | null;
  orgUnitIds: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
}

export interface UserDraft {
  email: string;
  name: string;
  role: Role;
  comuneCode?: string | null;
  zoneId?: string | null;
  orgUnitIds?: string[];
}

export interface UserChanges {
  version: number;
  name?: string;
  role?: Role;
  comuneCode?: string | null;
  zoneId?: string | null;
  orgUnitIds?: string[];
  disabled?: boolean;
}

export const orgUnitKinds = ['direzione', 'settore', 'unita_progetto'] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

export interface OrgUnit {
  id: string;
  kind: OrgUnitKind;
  name: string;
  code: string | null;
  parentId: string | null;
  archived: boolean;
  version: number;
}

export interface OrgUnitDraft {
  kind: OrgUnitKind;
  name: string;
  code?: string | null;
  parentId?: string | null;
}

export interface OrgUnitChanges extends Partial<OrgUnitDraft> {
  version: number;
  archived?: boolean;
}

export interface ZoneDraft {
  id: string;
  name: string;
  vision?: string | null;
}

export interface ZoneChanges {
  version: number;
  name?: string;
  vision?: string | null;
}

export interface AuditEntry {
  id: string | number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface UsersQuery {
  q?: string;
  role?: Role | '';
  page?: number;
  pageSize?: number;
}
