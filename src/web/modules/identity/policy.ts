import type { Role, SessionUser } from './types.ts';

/** What the interface offers to whom. The server decides; this only hides what would fail. */
export const adminRoles: readonly Role[] = ['system_admin', 'plan_admin'];

export function isAdmin(user: SessionUser | null | undefined): boolean {
  return !!user && adminRoles.includes(user.role);
}

export function isSystemAdmin(user: SessionUser | null | undefined): boolean {
  return user?.role === 'system_admin';
}

export function canEditComuneContacts(user: SessionUser | null | undefined, code: string): boolean {
  if (!user) return false;
  return isAdmin(user) || (user.role === 'comune_referent' && user.comuneCode === code);
}

export function canChangeComuneZone(user: SessionUser | null | undefined): boolean {
  return isAdmin(user);
}
