import { and, asc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.ts';
import {
  actDocuments,
  acts,
  planItems,
  planVersions,
  planVersionTransitions,
  plans,
} from '../../db/schema/index.ts';

export type PlanRow = typeof plans.$inferSelect;
export type VersionRow = typeof planVersions.$inferSelect;
// The search vector stays in the database: it is for matching, not for reading back.
const { search: _search, ...itemColumns } = getTableColumns(planItems);
export type ItemRow = Omit<typeof planItems.$inferSelect, 'search'>;
export type NewItemRow = typeof planItems.$inferInsert;
export type ActRow = typeof acts.$inferSelect;
export type TransitionRow = typeof planVersionTransitions.$inferSelect;

export async function listPlans(db: Executor): Promise<PlanRow[]> {
  return db.select().from(plans).orderBy(asc(plans.periodStart));
}

export async function findPlan(db: Executor, id: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(plans).where(eq(plans.id, id));
  return row;
}

export async function insertPlan(
  db: Executor,
  values: typeof plans.$inferInsert,
): Promise<PlanRow> {
  const [row] = await db.insert(plans).values(values).returning();
  return row!;
}

export async function listVersions(db: Executor, planIds?: string[]): Promise<VersionRow[]> {
  return db
    .select()
    .from(planVersions)
    .where(planIds ? inArray(planVersions.planId, planIds) : undefined)
    .orderBy(asc(planVersions.planId), asc(planVersions.number));
}

/** Goals and actions of every version, by version id: the sections alone are not content. */
export async function countContentByVersion(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .select({ versionId: planItems.versionId, count: sql<number>`count(*)::int` })
    .from(planItems)
    .where(inArray(planItems.kind, ['goal', 'action']))
    .groupBy(planItems.versionId);
  return new Map(rows.map((row) => [row.versionId, Number(row.count)]));
}

export async function findVersion(db: Executor, id: string): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(planVersions).where(eq(planVersions.id, id));
  return row;
}

export async function insertVersion(
  db: Executor,
  values: typeof planVersions.$inferInsert,
): Promise<VersionRow> {
  const [row] = await db.insert(planVersions).values(values).returning();
  return row!;
}

export async function nextVersionNumber(db: Executor, planId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${planVersions.number}), 0)::int + 1` })
    .from(planVersions)
    .where(eq(planVersions.planId, planId));
  return row?.n ?? 1;
}

export async function setVersionStatusAt(
  db: Executor,
  id: string,
  expectedVersion: number,
  status: string,
  at: Date,
): Promise<VersionRow | undefined> {
  const [row] = await db
    .update(planVersions)
    .set({ status, statusChangedAt: at, version: sql`${planVersions.version} + 1` })
    .where(and(eq(planVersions.id, id), eq(planVersions.version, expectedVersion)))
    .returning();
  return row;
}

/** Every version with its row version: what changes when anything in any plan changes. */
export async function versionsRevision(db: Executor): Promise<string> {
  const [row] = await db
    .select({
      r: sql<string>`coalesce(string_agg(${planVersions.id}::text || '@' || ${planVersions.version}, ',' ORDER BY ${planVersions.id}), '')`,
    })
    .from(planVersions);
  return row?.r ?? '';
}

/** Marks the version as changed, so a client holding an older copy of it gets 409. */
export async function touchVersion(db: Executor, id: string): Promise<void> {
  await db
    .update(planVersions)
    .set({ version: sql`${planVersions.version} + 1` })
    .where(eq(planVersions.id, id));
}

export async function insertAct(db: Executor, values: typeof acts.$inferInsert): Promise<ActRow> {
  const [row] = await db.insert(acts).values(values).returning();
  return row!;
}

export async function listActs(db: Executor, versionIds: string[]): Promise<ActRow[]> {
  if (versionIds.length === 0) return [];
  return db
    .select()
    .from(acts)
    .where(inArray(acts.planVersionId, versionIds))
    .orderBy(asc(acts.date));
}

export async function insertTransition(
  db: Executor,
  values: typeof planVersionTransitions.$inferInsert,
): Promise<void> {
  await db.insert(planVersionTransitions).values(values);
}

export async function listTransitions(db: Executor, versionId: string): Promise<TransitionRow[]> {
  return db
    .select()
    .from(planVersionTransitions)
    .where(eq(planVersionTransitions.planVersionId, versionId))
    .orderBy(asc(planVersionTransitions.at));
}

export async function listItems(db: Executor, versionId: string): Promise<ItemRow[]> {
  return db
    .select(itemColumns)
    .from(planItems)
    .where(eq(planItems.versionId, versionId))
    .orderBy(asc(planItems.sectionCode), asc(planItems.position), asc(planItems.title));
}

/** Keys of the items whose title or description match the words, in Italian (stemmed). */
export async function searchItemKeys(
  db: Executor,
  versionId: string,
  words: string,
): Promise<Set<string>> {
  const rows = await db
    .select({ key: planItems.key })
    .from(planItems)
    .where(
      and(
        eq(planItems.versionId, versionId),
        sql`${planItems.search} @@ plainto_tsquery('italian', ${words})`,
      ),
    );
  return new Set(rows.map((r) => r.key));
}

export async function findItem(
  db: Executor,
  versionId: string,
  key: string,
): Promise<ItemRow | undefined> {
  const [row] = await db
    .select(itemColumns)
    .from(planItems)
    .where(and(eq(planItems.versionId, versionId), eq(planItems.key, key)));
  return row;
}

export async function insertItems(db: Executor, rows: NewItemRow[]): Promise<ItemRow[]> {
  const out: ItemRow[] = [];
  for (let i = 0; i < rows.length; i += 200)
    out.push(
      ...(await db
        .insert(planItems)
        .values(rows.slice(i, i + 200))
        .returning(itemColumns)),
    );
  return out;
}

export async function updateItemAt(
  db: Executor,
  versionId: string,
  key: string,
  rowVersion: number,
  values: Partial<NewItemRow>,
): Promise<ItemRow | undefined> {
  const [row] = await db
    .update(planItems)
    .set({ ...values, rowVersion: sql`${planItems.rowVersion} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(planItems.versionId, versionId),
        eq(planItems.key, key),
        eq(planItems.rowVersion, rowVersion),
      ),
    )
    .returning(itemColumns);
  return row;
}

export async function deleteItemsByKeys(
  db: Executor,
  versionId: string,
  keys: string[],
): Promise<void> {
  if (keys.length === 0) return;
  await db
    .delete(planItems)
    .where(and(eq(planItems.versionId, versionId), inArray(planItems.key, keys)));
}

export async function listExampleItems(db: Executor): Promise<ItemRow[]> {
  return db.select(itemColumns).from(planItems).where(eq(planItems.isExample, true));
}

export async function deleteItemsById(db: Executor, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.delete(planItems).where(inArray(planItems.id, ids));
}

/**
 * Makes the transaction the only one placing items in this version until it ends: reading the last
 * position and writing the next one must not interleave, or siblings created at once share a
 * position. An advisory lock rather than the version row, so that edits, which lock an item and then
 * the version, cannot deadlock with a move, which locks the siblings it renumbers.
 */
export async function lockItemPositions(tx: Tx, versionId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('metroplan.plan_item_positions'), hashtext(${versionId}))`,
  );
}

/** The position after the last sibling: same kind, same parent goal, same section. */
export async function nextPosition(
  db: Executor,
  versionId: string,
  kind: string,
  parentKey: string | null,
  sectionCode: string | null,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${planItems.position}), -1)::int + 1` })
    .from(planItems)
    .where(
      and(
        eq(planItems.versionId, versionId),
        eq(planItems.kind, kind),
        parentKey ? eq(planItems.parentKey, parentKey) : isNull(planItems.parentKey),
        sectionCode ? eq(planItems.sectionCode, sectionCode) : isNull(planItems.sectionCode),
      ),
    );
  return row?.n ?? 0;
}

/** Renumbering siblings is not an edit of their content: their rowVersion stays. */
export async function setItemPosition(db: Executor, id: string, position: number): Promise<void> {
  await db.update(planItems).set({ position }).where(eq(planItems.id, id));
}

export async function setSectionOfActions(
  db: Executor,
  versionId: string,
  goalKey: string,
  sectionCode: string | null,
): Promise<void> {
  await db
    .update(planItems)
    .set({ sectionCode })
    .where(and(eq(planItems.versionId, versionId), eq(planItems.parentKey, goalKey)));
}

export async function removeTagFromItems(
  db: Executor,
  versionId: string,
  key: string,
): Promise<void> {
  await db
    .update(planItems)
    .set({
      pillarKeys: sql`array_remove(${planItems.pillarKeys}, ${key}::uuid)`,
      driverKeys: sql`array_remove(${planItems.driverKeys}, ${key}::uuid)`,
    })
    .where(eq(planItems.versionId, versionId));
}

export async function findAct(db: Executor, id: string): Promise<ActRow | undefined> {
  const [row] = await db.select().from(acts).where(eq(acts.id, id));
  return row;
}

export async function actIdsWithDocument(db: Executor, actIds: string[]): Promise<Set<string>> {
  if (actIds.length === 0) return new Set();
  const rows = await db
    .select({ id: actDocuments.actId })
    .from(actDocuments)
    .where(inArray(actDocuments.actId, actIds));
  return new Set(rows.map((r) => r.id));
}

export async function upsertActDocument(
  db: Executor,
  values: typeof actDocuments.$inferInsert,
): Promise<void> {
  await db
    .insert(actDocuments)
    .values(values)
    .onConflictDoUpdate({ target: actDocuments.actId, set: { ...values, uploadedAt: new Date() } });
}

export async function findActDocument(db: Executor, actId: string) {
  const [row] = await db.select().from(actDocuments).where(eq(actDocuments.actId, actId));
  return row;
}
