import { isAdmin } from '../identity/policy.ts';
import type { SessionUser } from '../identity/types.ts';
import type { VersionStatus } from './types.ts';

type User = SessionUser | null | undefined;

/** What the plan pages offer to whom. The server decides; this only hides what would fail. */
export function canManageVersions(user: User): boolean {
  return isAdmin(user);
}

/** Only drafts and versions in consultation change; adopted and superseded ones are history. */
export function isEditableStatus(status: VersionStatus): boolean {
  return status === 'draft' || status === 'consultation';
}

/** Goals and actions: the plan office, or an editor for items of their own org units. */
export function canEditPlanItem(user: User, orgUnitId: string | null): boolean {
  if (!user) return false;
  if (isAdmin(user)) return true;
  return user.role === 'editor' && orgUnitId !== null && user.orgUnitIds.includes(orgUnitId);
}

/** Whoever can own a new goal or action: the plan office, or an editor with an org unit. */
export function canAddPlanItems(user: User): boolean {
  if (!user) return false;
  return isAdmin(user) || (user.role === 'editor' && user.orgUnitIds.length > 0);
}
