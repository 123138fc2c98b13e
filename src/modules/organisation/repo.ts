import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/index.ts';

export type OrgUnitRow = typeof orgUnits.$inferSelect;
export type NewOrgUnitRow = typeof orgUnits.$inferInsert;

export async function listOrgUnits(db: Executor, includeArchived: boolean): Promise<OrgUnitRow[]> {
  return db
    .select()
    .from(orgUnits)
    .where(includeArchived ? undefined : isNull(orgUnits.archivedAt))
    .orderBy(asc(orgUnits.kind), asc(orgUnits.name));
}

export async function findOrgUnit(db: Executor, id: string): Promise<OrgUnitRow | undefined> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  return row;
}

export async function findActiveOrgUnitIds(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(inArray(orgUnits.id, ids), isNull(orgUnits.archivedAt)));
  return rows.map((r) => r.id);
}

/**
 * An active org unit that another one would be confused with: the same code, or the same name
 * under the same parent (whatever the case and spaces), other than `exceptId`.
 */
export async function clashingOrgUnit(
  db: Executor,
  unit: { name: string; code: string | null; parentId: string | null },
  exceptId?: string,
): Promise<OrgUnitRow | undefined> {
  const same = (column: typeof orgUnits.name | typeof orgUnits.code, value: string) =>
    sql`lower(btrim(${column})) = lower(btrim(${value}))`;
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(
      and(
        isNull(orgUnits.archivedAt),
        exceptId ? ne(orgUnits.id, exceptId) : undefined,
        or(
          unit.code ? same(orgUnits.code, unit.code) : undefined,
          and(
            same(orgUnits.name, unit.name),
            unit.parentId ? eq(orgUnits.parentId, unit.parentId) : isNull(orgUnits.parentId),
          ),
        ),
      ),
    )
    .limit(1);
  return row;
}

export async function insertOrgUnit(db: Executor, values: NewOrgUnitRow): Promise<OrgUnitRow> {
  const [row] = await db.insert(orgUnits).values(values).returning();
  return row!;
}

export async function updateOrgUnitAtVersion(
  db: Executor,
  id: string,
  version: number,
  values: Partial<NewOrgUnitRow>,
): Promise<OrgUnitRow | undefined> {
  const [row] = await db
    .update(orgUnits)
    .set({ ...values, version: sql`${orgUnits.version} + 1`, updatedAt: new Date() })
    .where(and(eq(orgUnits.id, id), eq(orgUnits.version, version)))
    .returning();
  return row;
}
