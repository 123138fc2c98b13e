import { isAdmin, type ActorUser } from '../../domain/roles.ts';

/** Zones and the membership of comuni are decided by the plan office (Consiglio decisions). */
export function canManageZones(user: ActorUser): boolean {
  return isAdmin(user);
}

/** A comune's contact details: the administrators, or the referent bound to that comune. */
export function canEditComuneContacts(user: ActorUser, istatCode: string): boolean {
  return isAdmin(user) || (user.role === 'comune_referent' && user.comuneCode === istatCode);
}
