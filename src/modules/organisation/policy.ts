import { isAdmin, type ActorUser } from '../../domain/roles.ts';

/** The organisation chart is kept by the plan office and the system administrators. */
export function canManageOrgUnits(user: ActorUser): boolean {
  return isAdmin(user);
}
