import { isAdmin, type ActorUser } from '../../domain/roles.ts';

export function canReadAuditLog(user: ActorUser): boolean {
  return isAdmin(user);
}
