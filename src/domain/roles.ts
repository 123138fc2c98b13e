/** DESIGN.md §5. The anonymous public has no account, so it is not a role here. */
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

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** What the service functions know of whoever is calling: a signed-in user or the public. */
export interface Actor {
  user: ActorUser | null;
  ip: string | null;
}

export interface ActorUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  comuneCode: string | null;
  zoneId: string | null;
  orgUnitIds: string[];
  mustChangePassword: boolean;
}

export const anonymous: Actor = { user: null, ip: null };

/** The command line acts as the system itself: every write is still audited, with this label. */
export const systemActor: Actor = {
  user: {
    id: '00000000-0000-0000-0000-000000000000',
    email: 'system',
    name: 'metroplan CLI',
    role: 'system_admin',
    comuneCode: null,
    zoneId: null,
    orgUnitIds: [],
    mustChangePassword: false,
  },
  ip: null,
};

export function isAdmin(user: ActorUser | null): boolean {
  return user?.role === 'system_admin' || user?.role === 'plan_admin';
}
