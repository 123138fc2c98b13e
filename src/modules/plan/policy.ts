import { isAdmin, type ActorUser } from '../../domain/roles.ts';

const staff = new Set(['editor', 'pnrr_officer', 'plan_admin', 'system_admin']);

/** Drafts are work in progress: the public and the territory's referents see published versions. */
export function canSeeDrafts(user: ActorUser | null): boolean {
  return user !== null && staff.has(user.role);
}

/** Status changes (consultation, adoption) and annual updates belong to the plan office. */
export function canManageVersions(user: ActorUser): boolean {
  return isAdmin(user);
}

/** Sections, pillars and drivers frame the whole plan: the plan office keeps them. */
export function canEditFramework(user: ActorUser): boolean {
  return isAdmin(user);
}

/** Goals and actions: the plan office, or an editor for items of the org units they belong to. */
export function canEditItem(user: ActorUser, orgUnitId: string | null): boolean {
  if (isAdmin(user)) return true;
  return user.role === 'editor' && orgUnitId !== null && user.orgUnitIds.includes(orgUnitId);
}
