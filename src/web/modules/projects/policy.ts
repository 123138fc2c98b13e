import { adminRoles, isAdmin } from '../identity/policy.ts';
import type { Role, SessionUser } from '../identity/types.ts';

type User = SessionUser | null | undefined;

/** The PNRR unit and the plan office: they import releases, link projects and manage them. */
export const pnrrRoles: readonly Role[] = ['pnrr_officer', 'plan_admin', 'system_admin'];

/** What the project pages offer to whom. The server decides; this only hides what would fail. */
export function canImportProjects(user: User): boolean {
  return !!user && pnrrRoles.includes(user.role);
}

/** Projects outside the releases are entered by the PNRR unit, the plan office or an editor. */
export function canEnterProjects(user: User): boolean {
  if (!user) return false;
  return canImportProjects(user) || (user.role === 'editor' && user.orgUnitIds.length > 0);
}

/** The reserved area opens to the plan office and to the PNRR unit (for imports and links). */
export const reservedAreaRoles: readonly Role[] = [...adminRoles, 'pnrr_officer'];

export function canUseReservedArea(user: User): boolean {
  return isAdmin(user) || canImportProjects(user);
}
