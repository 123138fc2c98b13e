import type { ActorUser } from '../../domain/roles.ts';

const importers = new Set(['pnrr_officer', 'plan_admin', 'system_admin']);

/** Releases of the PNRR open data are loaded by the PNRR unit and the plan office. */
export function canImportProjects(user: ActorUser): boolean {
  return importers.has(user.role);
}

/** Who links projects to plan actions at all: the PNRR unit, the plan office, editors of a unit. */
export function canLinkProjects(user: ActorUser): boolean {
  return canImportProjects(user) || (user.role === 'editor' && user.orgUnitIds.length > 0);
}

/** An editor links and unlinks only the actions of their own org units. */
export function canLinkAction(user: ActorUser, actionOrgUnitId: string | null): boolean {
  if (canImportProjects(user)) return true;
  return (
    user.role === 'editor' && actionOrgUnitId !== null && user.orgUnitIds.includes(actionOrgUnitId)
  );
}
