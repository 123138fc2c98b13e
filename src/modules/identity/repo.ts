import {
  and,
  count,
  eq,
  gt,
  ilike,
  inArray,
  isNull,
  lt,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { sessions, userOrgUnits, users } from '../../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function countUsers(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

/** The new account, or undefined when its e-mail is taken (also by a concurrent insert). */
export async function insertUser(db: Executor, values: NewUserRow): Promise<UserRow | undefined> {
  const [row] = await db.insert(users).values(values).onConflictDoNothing().returning();
  return row;
}

/** Updates only when the row is still at `version`; returns undefined when it is not. */
export async function updateUserAtVersion(
  db: Executor,
  id: string,
  version: number,
  values: Partial<NewUserRow>,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...values, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return row;
}

export async function updateUser(
  db: Executor,
  id: string,
  values: Partial<NewUserRow>,
): Promise<void> {
  await db.update(users).set(values).where(eq(users.id, id));
}

/**
 * Counts a login attempt as failed before its password is checked, unless the account is locked:
 * the count and the lock are one statement, so concurrent guesses cannot all pass the lock (checked
 * first and counted after the slow hash, twenty at once were all tried). The attempt that reaches
 * `maxFailures` locks the account until `lockUntil`. Undefined when the account is locked; a right
 * password clears the count again.
 */
export async function reserveLoginAttempt(
  db: Executor,
  id: string,
  maxFailures: number,
  now: Date,
  lockUntil: Date,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(and(eq(users.id, id), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
    .returning();
  return row;
}

/** Until when the account is locked (a refused attempt says it). */
export function lockOf(db: Executor, id: string) {
  return db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, id));
}

export interface UserFilter {
  q?: string;
  role?: string;
}

function userWhere(f: UserFilter): SQL | undefined {
  const q = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    q ? or(ilike(users.email, q), ilike(users.name, q)) : undefined,
    f.role ? eq(users.role, f.role) : undefined,
  );
}

export async function listUsers(
  db: Executor,
  filter: UserFilter,
  limit: number,
  offset: number,
): Promise<{ rows: UserRow[]; total: number }> {
  const where = userWhere(filter);
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(users.name, users.email)
    .limit(limit)
    .offset(offset);
  const [totalRow] = await db.select({ n: count() }).from(users).where(where);
  return { rows, total: totalRow?.n ?? 0 };
}

export async function orgUnitIdsOfUsers(
  db: Executor,
  userIds: string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return map;
  const rows = await db.select().from(userOrgUnits).where(inArray(userOrgUnits.userId, userIds));
  for (const r of rows) map.get(r.userId)?.push(r.orgUnitId);
  return map;
}

export async function replaceUserOrgUnits(
  db: Executor,
  userId: string,
  orgUnitIds: string[],
): Promise<void> {
  await db.delete(userOrgUnits).where(eq(userOrgUnits.userId, userId));
  if (orgUnitIds.length > 0)
    await db.insert(userOrgUnits).values(orgUnitIds.map((orgUnitId) => ({ userId, orgUnitId })));
}

export async function insertSession(
  db: Executor,
  values: typeof sessions.$inferInsert,
): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findLiveSession(db: Executor, idHash: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)));
  return row;
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
