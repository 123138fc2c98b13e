export const roles = [
  'participant',
  'comune_referent',
  'zone_referent',
  'editor',
  'pnrr_officer',
  'plan_admin',
  'system_admin',
] as const;
export type Role = (typeof roles)[number];

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  comuneCode: string | null;
  zoneId: string | null;
  orgUnitIds: string[];
  mustChangePassword: boolean;
}

export interface Session {
  user: SessionUser | null;
  csrfToken: string;
}

export interface Credentials {
  email: string;
  password: string;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}
