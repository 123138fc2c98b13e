import type { ActorUser, Role } from '../../domain/roles.ts';
import type { UserRow } from './repo.ts';

export interface UserView {
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

/** Fields copied one by one: the password hash and the lockout counters never leave the server. */
export function presentUser(row: UserRow, orgUnitIds: string[]): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    comuneCode: row.comuneCode,
    zoneId: row.zoneId,
    orgUnitIds,
    disabled: row.disabledAt !== null,
    mustChangePassword: row.mustChangePassword,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export function toActorUser(row: UserRow, orgUnitIds: string[]): ActorUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    comuneCode: row.comuneCode,
    zoneId: row.zoneId,
    orgUnitIds,
    mustChangePassword: row.mustChangePassword,
  };
}
