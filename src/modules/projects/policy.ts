import type { ActorUser } from '../../domain/roles.ts';

const importers = new Set(['pnrr_officer', 'plan_admin', 'system_admin']);

/** Releases of the PNRR open data are loaded by the PNRR unit and the plan office. */
export function canImportProjects(user: ActorUser): boolean {
  return importers.has(user.role);
}
