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

/** Who links projects to plan actions: the PNRR unit, the plan office, editors with org units. */
export function canLinkProjects(user: User): boolean {
  return canEnterProjects(user);
}

/** An editor links and unlinks only the actions of their own org units. */
export function canLinkAction(user: User, actionOrgUnitId: string | null): boolean {
  if (canImportProjects(user)) return true;
  return (
    !!user &&
    user.role === 'editor' &&
    actionOrgUnitId !== null &&
    user.orgUnitIds.includes(actionOrgUnitId)
  );
}
