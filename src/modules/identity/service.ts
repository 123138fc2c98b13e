import {
  Conflict,
  Forbidden,
  Invalid,
  NotFound,
  StaleVersion,
  Unauthenticated,
} from '../../domain/errors.ts';
import { generatePassword } from '../../domain/password.ts';
import {
  isRole,
  roles,
  systemActor,
  type Actor,
  type ActorUser,
  type Role,
} from '../../domain/roles.ts';
import { recordAudit } from '../audit/service.ts';
import type { Ctx, Page, PageRequest } from '../context.ts';
import { pageWindow } from '../context.ts';
import { missingOrgUnits } from '../organisation/service.ts';
import { comuneExists, zoneExists } from '../territory/service.ts';
import { hashPassword } from './passwordHash.ts';
import { canManageUsers } from './policy.ts';
import { presentUser, type UserView } from './presenters.ts';
import * as repo from './repo.ts';

function requireManager(actor: Actor): ActorUser {
  if (!actor.user) throw Unauthenticated();
  if (!canManageUsers(actor.user)) throw Forbidden('Only system administrators manage accounts.');
  return actor.user;
}

interface Scope {
  role: Role;
  comuneCode?: string | null;
  zoneId?: string | null;
  orgUnitIds?: string[];
}

/**
 * Refuses a scope the request gives for a role that has none of that kind (a zone for a
 * participant): it would be dropped without a word. What a role change leaves of the old scope is
 * cleared instead (`normaliseScope`), as the request does not name it.
 */
function refuseUnusedScope(role: Role, given: Omit<Scope, 'role'>): void {
  const unused: [keyof Omit<Scope, 'role'>, boolean, Role][] = [
    ['comuneCode', Boolean(given.comuneCode), 'comune_referent'],
    ['zoneId', Boolean(given.zoneId), 'zone_referent'],
    ['orgUnitIds', (given.orgUnitIds ?? []).length > 0, 'editor'],
  ];
  for (const [field, present, owner] of unused)
    if (present && role !== owner)
      throw Invalid(`body.${field}`, `is only for the role ${owner}, not ${role}`, 'notForRole', {
        role: owner,
      });
}

/** A role's scope is required where the role is scoped, and cleared where it is not. */
async function normaliseScope(ctx: Ctx, s: Scope) {
  const comuneCode = s.role === 'comune_referent' ? (s.comuneCode ?? null) : null;
  const zoneId = s.role === 'zone_referent' ? (s.zoneId ?? null) : null;
  const orgUnitIds = s.role === 'editor' ? [...new Set(s.orgUnitIds ?? [])] : [];
  if (s.role === 'comune_referent') {
    if (!comuneCode)
      throw Invalid('body.comuneCode', 'is required for a comune referent', 'requiredForRole', {
        role: 'comune_referent',
      });
    if (!(await comuneExists(ctx, comuneCode)))
      throw Invalid('body.comuneCode', `no comune has code ${comuneCode}`, 'unknownComune', {
        code: comuneCode,
      });
  }
  if (s.role === 'zone_referent') {
    if (!zoneId)
      throw Invalid('body.zoneId', 'is required for a zone referent', 'requiredForRole', {
        role: 'zone_referent',
      });
    if (!(await zoneExists(ctx, zoneId)))
      throw Invalid('body.zoneId', `no zone has id ${zoneId}`, 'unknownZone', { id: zoneId });
  }
  if (s.role === 'editor') {
    if (orgUnitIds.length === 0)
      throw Invalid(
        'body.orgUnitIds',
        'an editor needs at least one org unit',
        'editorWithoutOrgUnit',
      );
    const missing = await missingOrgUnits(ctx, orgUnitIds);
    if (missing.length > 0)
      throw Invalid(
        'body.orgUnitIds',
        `unknown or archived org units: ${missing.join(', ')}`,
        'unknownOrgUnits',
        { ids: missing.join(', ') },
      );
  }
  return { comuneCode, zoneId, orgUnitIds };
}

export async function listUsers(
  ctx: Ctx,
  actor: Actor,
  filter: repo.UserFilter & PageRequest,
): Promise<Page<UserView>> {
  requireManager(actor);
  const { page, pageSize, offset } = pageWindow(filter);
  const { rows, total } = await repo.listUsers(ctx.db, filter, pageSize, offset);
  const units = await repo.orgUnitIdsOfUsers(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentUser(r, units.get(r.id) ?? [])), total, page, pageSize };
}

export async function getUser(ctx: Ctx, actor: Actor, id: string): Promise<UserView> {
  requireManager(actor);
  const row = await repo.findUserById(ctx.db, id);
  if (!row) throw NotFound('User', id);
  const units = await repo.orgUnitIdsOfUsers(ctx.db, [id]);
  return presentUser(row, units.get(id) ?? []);
}

export interface NewUser extends Scope {
  email: string;
  name: string;
}

/** A control character (below a space, or DEL): what the API's `Text` schema refuses. */
const controlCharacter = {
  test: (text: string) => [...text].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127),
};

/**
 * The checks of an account's e-mail and name, in the service: the API's schema makes them too,
 * but the command line (`metroplan user add`) comes here without it.
 */
function checkAccountFields(input: { email?: string; name?: string }): void {
  if (input.email !== undefined) {
    const email = input.email.trim();
    if (
      email.length > 254 ||
      controlCharacter.test(email) ||
      !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)
    )
      throw Invalid('body.email', 'must be an e-mail address', 'format', { format: 'email' });
  }
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (name.length < 2)
      throw Invalid('body.name', 'must have at least 2 characters', 'minLength', { count: 2 });
    if (name.length > 120)
      throw Invalid('body.name', 'must have at most 120 characters', 'maxLength', { count: 120 });
    if (controlCharacter.test(name))
      throw Invalid('body.name', 'must not contain control characters', 'pattern', {
        pattern: 'no control characters',
      });
  }
}

/** Creates an account with a one-time password, which the caller shows once and never stores. */
export async function createUser(
  ctx: Ctx,
  actor: Actor,
  input: NewUser,
  options: { password?: string } = {},
): Promise<{ user: UserView; temporaryPassword: string }> {
  requireManager(actor);
  checkAccountFields(input);
  refuseUnusedScope(input.role, input);
  const email = input.email.trim().toLowerCase();
  if (await repo.findUserByEmail(ctx.db, email))
    throw Conflict(`An account for ${email} already exists.`, 'accountExists', { email });
  const scope = await normaliseScope(ctx, input);
  const temporaryPassword = options.password ?? generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertUser(tx, {
      email,
      name: input.name.trim(),
      role: input.role,
      comuneCode: scope.comuneCode,
      zoneId: scope.zoneId,
      passwordHash,
      mustChangePassword: true,
    });
    if (!row) throw Conflict(`An account for ${email} already exists.`, 'accountExists', { email });
    await repo.replaceUserOrgUnits(tx, row.id, scope.orgUnitIds);
    const view = presentUser(row, scope.orgUnitIds);
    await recordAudit(tx, actor, {
      action: 'user.created',
      entityType: 'user',
      entityId: row.id,
      after: view,
    });
    return view;
  });
  return { user, temporaryPassword };
}

export interface UserChanges {
  version: number;
  name?: string;
  role?: Role;
  comuneCode?: string | null;
  zoneId?: string | null;
  orgUnitIds?: string[];
  disabled?: boolean;
}

export async function updateUser(
  ctx: Ctx,
  actor: Actor,
  id: string,
  changes: UserChanges,
): Promise<UserView> {
  const manager = requireManager(actor);
  checkAccountFields({ name: changes.name });
  const before = await getUser(ctx, actor, id);
  if (
    id === manager.id &&
    (changes.disabled === true || (changes.role && changes.role !== before.role))
  )
    throw Invalid(
      'body.role',
      'you cannot disable your own account or change your own role',
      'ownAccount',
    );
  const role = changes.role ?? before.role;
  refuseUnusedScope(role, changes);
  const scope = await normaliseScope(ctx, {
    role,
    comuneCode: changes.comuneCode !== undefined ? changes.comuneCode : before.comuneCode,
    zoneId: changes.zoneId !== undefined ? changes.zoneId : before.zoneId,
    orgUnitIds: changes.orgUnitIds ?? before.orgUnitIds,
  });
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateUserAtVersion(tx, id, changes.version, {
      name: changes.name?.trim() ?? before.name,
      role,
      comuneCode: scope.comuneCode,
      zoneId: scope.zoneId,
      disabledAt: changes.disabled === undefined ? undefined : changes.disabled ? new Date() : null,
    });
    if (!row) throw StaleVersion('User', id);
    await repo.replaceUserOrgUnits(tx, id, scope.orgUnitIds);
    // A disabled account or a changed role must not keep acting through an open session.
    if (changes.disabled || role !== before.role) await repo.deleteSessionsOfUser(tx, id);
    const after = presentUser(row, scope.orgUnitIds);
    await recordAudit(tx, actor, {
      action: 'user.updated',
      entityType: 'user',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function resetPassword(
  ctx: Ctx,
  actor: Actor,
  id: string,
): Promise<{ temporaryPassword: string }> {
  requireManager(actor);
  const row = await repo.findUserById(ctx.db, id);
  if (!row) throw NotFound('User', id);
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser(tx, id, {
      passwordHash,
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
      updatedAt: new Date(),
    });
    await repo.deleteSessionsOfUser(tx, id);
    await recordAudit(tx, actor, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
    });
  });
  return { temporaryPassword };
}

export async function findUserIdByEmail(ctx: Ctx, email: string): Promise<string | null> {
  return (await repo.findUserByEmail(ctx.db, email))?.id ?? null;
}

/**
 * On first start there is nobody to log in: create the system administrator, with the
 * configured password or a one-time one that the caller prints once.
 */
export async function ensureFirstAdmin(
  ctx: Ctx,
  email: string,
  configuredPassword: string | null,
): Promise<{ email: string; password: string; generated: boolean } | null> {
  if ((await repo.countUsers(ctx.db)) > 0) return null;
  const { temporaryPassword } = await createUser(
    ctx,
    systemActor,
    { email, name: 'Amministratore di sistema', role: 'system_admin' },
    configuredPassword ? { password: configuredPassword } : {},
  );
  return { email, password: temporaryPassword, generated: configuredPassword === null };
}

export function parseRole(value: string): Role {
  if (!isRole(value))
    throw Invalid('role', `must be one of the roles, got "${value}"`, 'enum', {
      values: roles.join(', '),
    });
  return value;
}
