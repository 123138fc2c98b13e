import type { ActorUser } from '../../domain/roles.ts';

/** Accounts are managed by system administrators only. */
export function canManageUsers(user: ActorUser): boolean {
  return user.role === 'system_admin';
}
