import { createHash, randomBytes } from 'node:crypto';
import { Forbidden, Invalid, TooMany, Unauthenticated } from '../../domain/errors.ts';
import { passwordWeakness } from '../../domain/password.ts';
import type { Actor, ActorUser } from '../../domain/roles.ts';
import { recordAudit } from '../audit/service.ts';
import type { Ctx } from '../context.ts';
import { burnVerification, hashPassword, verifyPassword } from './passwordHash.ts';
import { toActorUser } from './presenters.ts';
import * as repo from './repo.ts';

export const lockout = { maxFailures: 5, minutes: 15 };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The CSRF token of a session: derived from its secret cookie, so it needs no storage. */
export function csrfTokenOf(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');
}

/**
 * What stands for a session in the server's memory (whose upload a progress is): derived from its
 * secret cookie, like the CSRF token, and neither the cookie nor what the database keeps.
 */
export function sessionKeyOf(sessionToken: string): string {
  return createHash('sha256').update(`memory:${sessionToken}`).digest('base64url');
}

export interface LoginInput {
  email: string;
  password: string;
  /** The session the browser had before, if any: it is ended, never reused (no fixation). */
  previousToken?: string;
  userAgent?: string;
  ttlHours: number;
}

export async function logIn(
  ctx: Ctx,
  actor: Actor,
  input: LoginInput,
): Promise<{ token: string; user: ActorUser; expiresAt: Date }> {
  const now = new Date();
  const row = await repo.findUserByEmail(ctx.db, input.email);
  if (!row) {
    await burnVerification(input.password);
    throw Unauthenticated('Wrong e-mail or password.');
  }
  const lockUntil = new Date(now.getTime() + lockout.minutes * 60_000);
  const attempt =
    row.lockedUntil && row.lockedUntil > now
      ? undefined
      : await repo.reserveLoginAttempt(ctx.db, row.id, lockout.maxFailures, now, lockUntil);
  if (!attempt) {
    const [current] = await repo.lockOf(ctx.db, row.id);
    throw TooMany(
      `Too many wrong passwords: the account is locked until ${(current?.lockedUntil ?? lockUntil).toISOString()}.`,
    );
  }
  const ok = await verifyPassword(input.password, row.passwordHash);
  if (!ok) {
    await recordAudit(
      ctx.db,
      { user: null, ip: actor.ip },
      {
        action: attempt.lockedUntil && attempt.lockedUntil > now ? 'user.locked' : 'session.failed',
        entityType: 'user',
        entityId: row.id,
        after: { failedLogins: attempt.failedLogins },
      },
    );
    throw Unauthenticated('Wrong e-mail or password.');
  }
  // Said only to who knows the password: a wrong one is told no more than for an unknown e-mail.
  if (row.disabledAt) {
    // The right password: the attempt reserved above is no failure, or a holder who keeps trying
    // would end up locked out, and stay so once the account is enabled again.
    await repo.updateUser(ctx.db, row.id, { failedLogins: 0, lockedUntil: null });
    throw Forbidden(
      'This account is disabled: ask the system administrator to enable it.',
      'accountDisabled',
    );
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + input.ttlHours * 3_600_000);
  const orgUnits = (await repo.orgUnitIdsOfUsers(ctx.db, [row.id])).get(row.id) ?? [];
  const user = toActorUser(row, orgUnits);
  await ctx.db.transaction(async (tx) => {
    if (input.previousToken) await repo.deleteSession(tx, hashToken(input.previousToken));
    await repo.deleteExpiredSessions(tx, now);
    await repo.insertSession(tx, {
      idHash: hashToken(token),
      userId: row.id,
      expiresAt,
      ip: actor.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await repo.updateUser(tx, row.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    await recordAudit(
      tx,
      { user, ip: actor.ip },
      {
        action: 'session.login',
        entityType: 'user',
        entityId: row.id,
      },
    );
  });
  return { token, user, expiresAt };
}

export async function logOut(ctx: Ctx, actor: Actor, token: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSession(tx, hashToken(token));
    if (actor.user)
      await recordAudit(tx, actor, {
        action: 'session.logout',
        entityType: 'user',
        entityId: actor.user.id,
      });
  });
}

/** The user behind a session cookie, or null when the session is unknown, expired or disabled. */
export async function resolveSession(ctx: Ctx, token: string): Promise<ActorUser | null> {
  if (token.length > 100) return null;
  const found = await repo.findLiveSession(ctx.db, hashToken(token), new Date());
  if (!found || found.user.disabledAt) return null;
  const orgUnits = (await repo.orgUnitIdsOfUsers(ctx.db, [found.user.id])).get(found.user.id) ?? [];
  return toActorUser(found.user, orgUnits);
}

export async function changeOwnPassword(
  ctx: Ctx,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (!actor.user) throw Unauthenticated();
  const row = await repo.findUserById(ctx.db, actor.user.id);
  if (!row) throw Unauthenticated();
  if (!(await verifyPassword(input.currentPassword, row.passwordHash)))
    throw Invalid('body.currentPassword', 'is not your current password', 'wrongPassword');
  const weakness = passwordWeakness(input.newPassword, row.email);
  if (weakness) throw Invalid('body.newPassword', weakness.reason, weakness.code, weakness.params);
  if (input.newPassword === input.currentPassword)
    throw Invalid('body.newPassword', 'must differ from the current password', 'passwordUnchanged');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser(tx, row.id, {
      passwordHash,
      mustChangePassword: false,
      updatedAt: new Date(),
    });
    await recordAudit(tx, actor, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: row.id,
    });
  });
}
