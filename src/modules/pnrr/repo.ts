import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  inArray,
  like,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import {
  pnrrCodeAliases,
  pnrrComponents,
  pnrrMeasureSdgs,
  pnrrMeasures,
  pnrrMissions,
  pnrrSubMeasures,
  pnrrTaxonomy,
  sdgs,
} from '../../db/schema/index.ts';
import type { Taxonomy, TaxonomyTotals } from './taxonomy.ts';

export type MissionRow = typeof pnrrMissions.$inferSelect;
export type ComponentRow = typeof pnrrComponents.$inferSelect;
export type MeasureRow = typeof pnrrMeasures.$inferSelect;
export type SubMeasureRow = typeof pnrrSubMeasures.$inferSelect;
export type SdgRow = typeof sdgs.$inferSelect;
export type CodeAliasRow = typeof pnrrCodeAliases.$inferSelect;

// ---- loading -------------------------------------------------------------------------------

export async function findTaxonomySource(db: Executor) {
  const [row] = await db.select().from(pnrrTaxonomy).where(eq(pnrrTaxonomy.id, 1));
  return row;
}

/** Serialises loads across processes until the end of the transaction. */
export async function lockTaxonomy(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('metroplan.pnrr_taxonomy'))`);
}

export async function taxonomyRevision(db: Executor): Promise<number> {
  const [row] = await db
    .select({ r: pnrrTaxonomy.revision })
    .from(pnrrTaxonomy)
    .where(eq(pnrrTaxonomy.id, 1));
  return row?.r ?? 0;
}

export async function saveTaxonomySource(db: Executor, fingerprint: string): Promise<void> {
  await db
    .insert(pnrrTaxonomy)
    .values({ id: 1, sourceFingerprint: fingerprint })
    .onConflictDoUpdate({
      target: pnrrTaxonomy.id,
      set: {
        sourceFingerprint: fingerprint,
        revision: sql`${pnrrTaxonomy.revision} + 1`,
        loadedAt: new Date(),
      },
    });
}

/** `set` of an upsert: every column but the key takes the proposed value. */
function excludedValues(table: PgTable, key: string): Record<string, SQL> {
  return Object.fromEntries(
    Object.entries(getTableColumns(table))
      .filter(([name]) => name !== key)
      .map(([name, column]) => [name, sql.raw(`excluded."${column.name}"`)]),
  );
}

async function upsertAll<T extends PgTable>(
  db: Executor,
  table: T,
  key: string,
  rows: T['$inferInsert'][],
): Promise<void> {
  const target = getTableColumns(table)[key]!;
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insert(table)
      .values(rows.slice(i, i + 100))
      .onConflictDoUpdate({ target, set: excludedValues(table, key) });
}

/** Replaces the taxonomy with `t`: derived rows are rebuilt, the others upserted by code. */
export async function writeTaxonomy(db: Executor, t: Taxonomy): Promise<void> {
  await db.delete(pnrrMeasureSdgs);
  await db.delete(pnrrCodeAliases);
  // Rows the files no longer have go first, children first; a reference from another module's
  // table to one of them stops the load (and the start) with the database's error.
  const codes = (rows: { code: string }[]) => rows.map((r) => r.code);
  await db.delete(pnrrSubMeasures).where(notInArray(pnrrSubMeasures.code, codes(t.subMeasures)));
  await db.delete(pnrrMeasures).where(notInArray(pnrrMeasures.code, codes(t.measures)));
  await db.delete(pnrrComponents).where(notInArray(pnrrComponents.code, codes(t.components)));
  await db.delete(pnrrMissions).where(notInArray(pnrrMissions.code, codes(t.missions)));
  const goals = t.sdgs.map((s) => s.goal);
  await db.delete(sdgs).where(notInArray(sdgs.goal, goals));
  await upsertAll(db, pnrrMissions, 'code', t.missions);
  await upsertAll(db, pnrrComponents, 'code', t.components);
  await upsertAll(db, pnrrMeasures, 'code', t.measures);
  await upsertAll(db, pnrrSubMeasures, 'code', t.subMeasures);
  await upsertAll(db, sdgs, 'goal', t.sdgs);
  for (let i = 0; i < t.aliases.length; i += 200)
    await db.insert(pnrrCodeAliases).values(
      t.aliases.slice(i, i + 200).map((a) => ({
        alias: a.alias,
        measureCode: a.measureCode,
        subMeasureCode: a.subMeasureCode,
        source: a.source,
      })),
    );
  for (let i = 0; i < t.measureSdgs.length; i += 200)
    await db.insert(pnrrMeasureSdgs).values(t.measureSdgs.slice(i, i + 200));
}

const cents = (column: SQL) => sql<number>`round(coalesce(sum(${column}), 0) * 100)::float8`;

/** What the tables hold, in the terms of `expectedTotals`. */
export async function loadedTotals(db: Executor): Promise<TaxonomyTotals> {
  const [measures] = await db
    .select({ n: count(), c: cents(sql`${pnrrMeasures.allocationEur}`) })
    .from(pnrrMeasures);
  const [components] = await db
    .select({ n: count(), c: cents(sql`${pnrrComponents.allocationEur}`) })
    .from(pnrrComponents);
  const [missions] = await db
    .select({ n: count(), c: cents(sql`${pnrrMissions.allocationEur}`) })
    .from(pnrrMissions);
  const [subMeasures] = await db.select({ n: count() }).from(pnrrSubMeasures);
  const [missionsOff] = await db
    .select({ n: count() })
    .from(pnrrMissions)
    .where(
      sql`${pnrrMissions.allocationEur} <> (select coalesce(sum(${pnrrMeasures.allocationEur}), 0)
        from ${pnrrMeasures} where ${pnrrMeasures.missionCode} = ${pnrrMissions.code})`,
    );
  const [componentsOff] = await db
    .select({ n: count() })
    .from(pnrrComponents)
    .where(
      sql`${pnrrComponents.allocationEur} <> (select coalesce(sum(${pnrrMeasures.allocationEur}), 0)
        from ${pnrrMeasures} where ${pnrrMeasures.componentCode} = ${pnrrComponents.code})`,
    );
  return {
    missions: missions!.n,
    components: components!.n,
    measures: measures!.n,
    subMeasures: subMeasures!.n,
    measuresCents: measures!.c,
    componentsCents: components!.c,
    missionsCents: missions!.c,
    missionsNotAddingUp: missionsOff!.n,
    componentsNotAddingUp: componentsOff!.n,
  };
}

// ---- reading -------------------------------------------------------------------------------

const measureCounts = {
  measuresCount: sql<number>`count(${pnrrMeasures.code})::int`,
  investmentsCount: sql<number>`count(${pnrrMeasures.code}) filter (where ${pnrrMeasures.kind} = 'investimento')::int`,
  reformsCount: sql<number>`count(${pnrrMeasures.code}) filter (where ${pnrrMeasures.kind} = 'riforma')::int`,
};

export type MeasureCounts = {
  measuresCount: number;
  investmentsCount: number;
  reformsCount: number;
};

export async function listMissionsWithCounts(db: Executor) {
  return db
    .select({ mission: pnrrMissions, ...measureCounts })
    .from(pnrrMissions)
    .leftJoin(pnrrMeasures, eq(pnrrMeasures.missionCode, pnrrMissions.code))
    .groupBy(pnrrMissions.code)
    .orderBy(asc(pnrrMissions.position));
}

export async function listComponentsWithCounts(db: Executor) {
  return db
    .select({ component: pnrrComponents, ...measureCounts })
    .from(pnrrComponents)
    .leftJoin(pnrrMeasures, eq(pnrrMeasures.componentCode, pnrrComponents.code))
    .groupBy(pnrrComponents.code)
    .orderBy(asc(pnrrComponents.position));
}

export async function listMissionCodes(db: Executor): Promise<string[]> {
  const rows = await db
    .select({ code: pnrrMissions.code })
    .from(pnrrMissions)
    .orderBy(asc(pnrrMissions.position));
  return rows.map((r) => r.code);
}

export interface MeasureFilter {
  missionCode?: string;
  componentCode?: string;
  kind?: 'investimento' | 'riforma';
  /** Folded text, matched anywhere in the title or a sub-measure's title. */
  text?: string;
  /** Cleaned code, matched as the start of the short or the padded code. */
  codePrefix?: string;
  sdgGoal?: number;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

function measureWhere(f: MeasureFilter): SQL | undefined {
  return and(
    f.missionCode ? eq(pnrrMeasures.missionCode, f.missionCode) : undefined,
    f.componentCode ? eq(pnrrMeasures.componentCode, f.componentCode) : undefined,
    f.kind ? eq(pnrrMeasures.kind, f.kind) : undefined,
    f.text || f.codePrefix
      ? or(
          f.text ? like(pnrrMeasures.searchText, `%${escapeLike(f.text)}%`) : undefined,
          f.codePrefix ? like(pnrrMeasures.code, `${escapeLike(f.codePrefix)}%`) : undefined,
          f.codePrefix ? like(pnrrMeasures.uniqueCode, `${escapeLike(f.codePrefix)}%`) : undefined,
        )
      : undefined,
    f.sdgGoal !== undefined
      ? sql`${pnrrMeasures.code} in (select ${pnrrMeasureSdgs.measureCode} from ${pnrrMeasureSdgs}
          where ${pnrrMeasureSdgs.goal} = ${f.sdgGoal})`
      : undefined,
  );
}

export async function listMeasures(
  db: Executor,
  filter: MeasureFilter,
  limit: number,
  offset: number,
): Promise<{ rows: MeasureRow[]; total: number }> {
  const where = measureWhere(filter);
  const rows = await db
    .select()
    .from(pnrrMeasures)
    .where(where)
    .orderBy(asc(pnrrMeasures.uniqueCode))
    .limit(limit)
    .offset(offset);
  const [totalRow] = await db.select({ n: count() }).from(pnrrMeasures).where(where);
  return { rows, total: totalRow?.n ?? 0 };
}

export async function findMeasure(db: Executor, code: string): Promise<MeasureRow | undefined> {
  const [row] = await db.select().from(pnrrMeasures).where(eq(pnrrMeasures.code, code));
  return row;
}

export async function findMeasureContext(db: Executor, code: string) {
  const [row] = await db
    .select({ missionTitle: pnrrMissions.title, componentTitle: pnrrComponents.title })
    .from(pnrrMeasures)
    .innerJoin(pnrrMissions, eq(pnrrMissions.code, pnrrMeasures.missionCode))
    .innerJoin(pnrrComponents, eq(pnrrComponents.code, pnrrMeasures.componentCode))
    .where(eq(pnrrMeasures.code, code));
  return row;
}

export async function listSubMeasuresOf(
  db: Executor,
  measureCodes: string[],
): Promise<SubMeasureRow[]> {
  if (measureCodes.length === 0) return [];
  return db
    .select()
    .from(pnrrSubMeasures)
    .where(inArray(pnrrSubMeasures.measureCode, measureCodes))
    .orderBy(asc(pnrrSubMeasures.uniqueCode));
}

export async function listSdgsOfMeasures(db: Executor, measureCodes: string[]) {
  if (measureCodes.length === 0) return [];
  return db
    .select({
      measureCode: pnrrMeasureSdgs.measureCode,
      prevalent: pnrrMeasureSdgs.prevalent,
      sdg: sdgs,
    })
    .from(pnrrMeasureSdgs)
    .innerJoin(sdgs, eq(sdgs.goal, pnrrMeasureSdgs.goal))
    .where(inArray(pnrrMeasureSdgs.measureCode, measureCodes))
    .orderBy(asc(pnrrMeasureSdgs.measureCode), asc(sdgs.goal));
}

export async function findCodeAlias(
  db: Executor,
  alias: string,
): Promise<CodeAliasRow | undefined> {
  const [row] = await db.select().from(pnrrCodeAliases).where(eq(pnrrCodeAliases.alias, alias));
  return row;
}

export async function findSubMeasure(
  db: Executor,
  code: string,
): Promise<SubMeasureRow | undefined> {
  const [row] = await db.select().from(pnrrSubMeasures).where(eq(pnrrSubMeasures.code, code));
  return row;
}

export async function existingMeasureCodes(db: Executor, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ code: pnrrMeasures.code })
    .from(pnrrMeasures)
    .where(inArray(pnrrMeasures.code, codes));
  return rows.map((r) => r.code);
}

export async function listSdgsWithCounts(db: Executor) {
  return db
    .select({
      sdg: sdgs,
      measuresCount: sql<number>`count(${pnrrMeasureSdgs.measureCode})::int`,
      prevalentCount: sql<number>`count(${pnrrMeasureSdgs.measureCode}) filter (where ${pnrrMeasureSdgs.prevalent})::int`,
    })
    .from(sdgs)
    .leftJoin(pnrrMeasureSdgs, eq(pnrrMeasureSdgs.goal, sdgs.goal))
    .groupBy(sdgs.goal)
    .orderBy(asc(sdgs.goal));
}

export async function listSdgGoals(db: Executor): Promise<number[]> {
  const rows = await db.select({ goal: sdgs.goal }).from(sdgs).orderBy(asc(sdgs.goal));
  return rows.map((r) => r.goal);
}
