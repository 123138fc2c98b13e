import { and, asc, count, desc, eq, gte, like, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { comuni, metro, zones } from '../../db/schema/index.ts';

export type MetroRow = typeof metro.$inferSelect;
export type ZoneRow = typeof zones.$inferSelect;
export type ComuneRow = typeof comuni.$inferSelect;

export async function findMetro(db: Executor): Promise<MetroRow | undefined> {
  const [row] = await db.select().from(metro).where(eq(metro.id, 1));
  return row;
}

export async function territoryRevision(db: Executor): Promise<number> {
  const [row] = await db.select({ r: metro.territoryRevision }).from(metro).where(eq(metro.id, 1));
  return row?.r ?? 0;
}

export async function bumpTerritoryRevision(db: Executor): Promise<void> {
  await db
    .update(metro)
    .set({ territoryRevision: sql`${metro.territoryRevision} + 1` })
    .where(eq(metro.id, 1));
}

export async function insertMetro(db: Executor, values: typeof metro.$inferInsert): Promise<void> {
  await db.insert(metro).values({ ...values, id: 1 });
}

export async function insertZones(
  db: Executor,
  rows: (typeof zones.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await db.insert(zones).values(rows);
}

export async function insertComuni(
  db: Executor,
  rows: (typeof comuni.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await db.insert(comuni).values(rows.slice(i, i + 100));
}

export async function metroTotals(db: Executor) {
  const [row] = await db
    .select({
      comuniCount: count(),
      population: sql<number>`coalesce(sum(${comuni.population}), 0)::float8`,
      areaKm2: sql<number>`coalesce(sum(${comuni.areaKm2}), 0)::float8`,
    })
    .from(comuni);
  const [z] = await db.select({ n: count() }).from(zones);
  return { ...row!, zonesCount: z?.n ?? 0 };
}

export interface ComuneFilter {
  q?: string;
  zoneId?: string;
  populationMin?: number;
  populationMax?: number;
}

export type ComuneSort = 'name' | 'population' | 'area' | 'density';

const densityExpr = sql`${comuni.population}::float8 / nullif(${comuni.areaKm2}, 0)`;

const sortColumns: Record<ComuneSort, SQL> = {
  name: sql`${comuni.nameSearch}`,
  population: sql`${comuni.population}`,
  area: sql`${comuni.areaKm2}`,
  density: densityExpr,
};

function comuneWhere(f: ComuneFilter): SQL | undefined {
  return and(
    f.q ? like(comuni.nameSearch, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    f.zoneId ? eq(comuni.zoneId, f.zoneId) : undefined,
    f.populationMin !== undefined ? gte(comuni.population, f.populationMin) : undefined,
    f.populationMax !== undefined ? lte(comuni.population, f.populationMax) : undefined,
  );
}

const summaryColumns = {
  istatCode: comuni.istatCode,
  name: comuni.name,
  population: comuni.population,
  populationYear: comuni.populationYear,
  areaKm2: comuni.areaKm2,
  zoneId: comuni.zoneId,
  zoneName: zones.name,
  zoneConfidence: comuni.zoneConfidence,
  isCapoluogo: comuni.isCapoluogo,
};

export type ComuneSummaryRow = {
  istatCode: string;
  name: string;
  population: number | null;
  populationYear: number | null;
  areaKm2: number | null;
  zoneId: string | null;
  zoneName: string | null;
  zoneConfidence: string | null;
  isCapoluogo: boolean;
};

export async function listComuni(
  db: Executor,
  filter: ComuneFilter,
  sort: { by: ComuneSort; descending: boolean },
  limit: number,
  offset: number,
): Promise<{ rows: ComuneSummaryRow[]; total: number }> {
  const where = comuneWhere(filter);
  const order = sort.descending ? desc(sortColumns[sort.by]) : asc(sortColumns[sort.by]);
  const rows = await db
    .select(summaryColumns)
    .from(comuni)
    .leftJoin(zones, eq(zones.id, comuni.zoneId))
    .where(where)
    .orderBy(sql`${order} nulls last`, asc(comuni.istatCode))
    .limit(limit)
    .offset(offset);
  const [totalRow] = await db.select({ n: count() }).from(comuni).where(where);
  return { rows, total: totalRow?.n ?? 0 };
}

export async function listComuniOfZone(db: Executor, zoneId: string): Promise<ComuneSummaryRow[]> {
  return db
    .select(summaryColumns)
    .from(comuni)
    .leftJoin(zones, eq(zones.id, comuni.zoneId))
    .where(eq(comuni.zoneId, zoneId))
    .orderBy(asc(comuni.nameSearch));
}

export async function findComune(db: Executor, code: string) {
  const [row] = await db
    .select({ comune: comuni, zoneName: zones.name })
    .from(comuni)
    .leftJoin(zones, eq(zones.id, comuni.zoneId))
    .where(eq(comuni.istatCode, code));
  return row;
}

export async function comuneCodeExists(db: Executor, code: string): Promise<boolean> {
  const [row] = await db
    .select({ c: comuni.istatCode })
    .from(comuni)
    .where(eq(comuni.istatCode, code));
  return row !== undefined;
}

export async function updateComuneAtVersion(
  db: Executor,
  code: string,
  version: number,
  values: Partial<typeof comuni.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(comuni)
    .set({ ...values, version: sql`${comuni.version} + 1`, updatedAt: new Date() })
    .where(and(eq(comuni.istatCode, code), eq(comuni.version, version)))
    .returning({ c: comuni.istatCode });
  return rows.length === 1;
}

export async function listZonesWithTotals(db: Executor) {
  return db
    .select({
      zone: zones,
      comuniCount: sql<number>`count(${comuni.istatCode})::int`,
      population: sql<number>`coalesce(sum(${comuni.population}), 0)::float8`,
      areaKm2: sql<number>`coalesce(sum(${comuni.areaKm2}), 0)::float8`,
    })
    .from(zones)
    .leftJoin(comuni, eq(comuni.zoneId, zones.id))
    .groupBy(zones.id)
    .orderBy(asc(zones.position), asc(zones.name));
}

export async function findZone(db: Executor, id: string): Promise<ZoneRow | undefined> {
  const [row] = await db.select().from(zones).where(eq(zones.id, id));
  return row;
}

/** The zone with this name, whatever its case and spaces, other than `exceptId`. */
export async function zoneNamed(
  db: Executor,
  name: string,
  exceptId?: string,
): Promise<ZoneRow | undefined> {
  const [row] = await db
    .select()
    .from(zones)
    .where(
      and(
        sql`lower(btrim(${zones.name})) = lower(btrim(${name}))`,
        exceptId ? ne(zones.id, exceptId) : undefined,
      ),
    );
  return row;
}

/** False when a zone with this id exists, also one inserted by a concurrent request. */
export async function insertZone(
  db: Executor,
  values: typeof zones.$inferInsert,
): Promise<boolean> {
  const rows = await db
    .insert(zones)
    .values(values)
    .onConflictDoNothing({ target: zones.id })
    .returning({ id: zones.id });
  return rows.length === 1;
}

export async function updateZoneAtVersion(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof zones.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(zones)
    .set({ ...values, version: sql`${zones.version} + 1`, updatedAt: new Date() })
    .where(and(eq(zones.id, id), eq(zones.version, version)))
    .returning({ id: zones.id });
  return rows.length === 1;
}

export async function deleteZoneAtVersion(
  db: Executor,
  id: string,
  version: number,
): Promise<boolean> {
  const rows = await db
    .delete(zones)
    .where(and(eq(zones.id, id), eq(zones.version, version)))
    .returning({ id: zones.id });
  return rows.length === 1;
}

export async function maxZonePosition(db: Executor): Promise<number> {
  const [row] = await db
    .select({ m: sql<number>`coalesce(max(${zones.position}), -1)::int` })
    .from(zones);
  return row?.m ?? -1;
}

export async function listComuneShapes(db: Executor) {
  return db
    .select({
      istatCode: comuni.istatCode,
      name: comuni.name,
      population: comuni.population,
      areaKm2: comuni.areaKm2,
      zoneId: comuni.zoneId,
      zoneName: zones.name,
      geometry: comuni.geometry,
    })
    .from(comuni)
    .leftJoin(zones, eq(zones.id, comuni.zoneId))
    .orderBy(asc(comuni.istatCode));
}

export async function updateZoneGeometry(
  db: Executor,
  id: string,
  geometry: unknown,
): Promise<void> {
  await db.update(zones).set({ geometry }).where(eq(zones.id, id));
}

export async function listZoneShapes(db: Executor) {
  return db.select({ id: zones.id, geometry: zones.geometry }).from(zones);
}
