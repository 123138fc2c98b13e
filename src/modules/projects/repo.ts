import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  comuni,
  importReleases,
  orgUnits,
  projectIndicators,
  projectPayments,
  projectLocations,
  projects,
  projectSubjects,
} from '../../db/schema/index.ts';
import { searchWords, wordPattern, type SearchWord } from '../../domain/searchWords.ts';

export type ProjectRow = typeof projects.$inferSelect;

export interface ProjectFilter {
  q?: string;
  mission?: string;
  measure?: string;
  comune?: string;
  zone?: string;
  subject?: string;
  orgUnit?: string;
}

export type ProjectSort = 'title' | 'funding' | 'pnrr' | 'updated';

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The projects that have every word of the query in their title, summary or implementer, in any
 * case and with or without accents (see searchWords), or the CUP a word names. The three texts
 * are joined once per row and every word is looked for in them by one `~* ALL`.
 */
function matchingWords(query: string): SQL | undefined {
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  const text = sql`concat_ws(' ', ${projects.title}, ${projects.summary}, ${projects.implementer})`;
  const found = (w: SearchWord) =>
    w.literal ? sql`${text} like ${like(w.text)}` : sql`${text} ~* ${wordPattern(w.text)}`;
  const plain = words.filter((w) => !w.cup && !w.literal).map((w) => sql`${wordPattern(w.text)}`);
  return and(
    plain.length > 0 ? sql`${text} ~* all (array[${sql.join(plain, sql`, `)}])` : undefined,
    ...words.filter((w) => w.literal).map(found),
    ...words.filter((w) => w.cup).map((w) => or(eq(projects.cup, w.cup!), found(w))),
  );
}

function projectWhere(f: ProjectFilter): SQL | undefined {
  const located = (where: SQL) =>
    sql`exists (select 1 from ${projectLocations} l where l.cup = "projects"."cup" and l.local_code = "projects"."local_code" and ${where})`;
  return and(
    f.q ? matchingWords(f.q) : undefined,
    f.mission ? eq(projects.mission, f.mission) : undefined,
    f.measure
      ? or(eq(projects.measureCode, f.measure), eq(projects.subMeasureCode, f.measure))
      : undefined,
    f.comune ? located(sql`l.comune_code = ${f.comune}`) : undefined,
    f.zone
      ? located(
          sql`l.comune_code in (select ${comuni.istatCode} from ${comuni} where ${comuni.zoneId} = ${f.zone})`,
        )
      : undefined,
    f.orgUnit ? eq(projects.orgUnitId, f.orgUnit) : undefined,
    f.subject
      ? sql`exists (select 1 from ${projectSubjects} s where s.cup = "projects"."cup" and s.local_code = "projects"."local_code"
               and (s.tax_code = ${f.subject.trim().toUpperCase()} or ${subjectNamed(f.subject)}))`
      : undefined,
  );
}

/**
 * A subject's name with every word of the query in it, as the search finds words (`lattanzio spa`
 * finds "LATTANZIO KIBS SPA"); a query of punctuation alone is found as it is.
 */
function subjectNamed(query: string): SQL {
  const words = searchWords(query);
  if (words.length === 0 || words.some((w) => w.literal)) return sql`s.name ilike ${like(query)}`;
  const patterns = words.map((w) => sql`${wordPattern(w.text)}`);
  return sql`s.name ~* all (array[${sql.join(patterns, sql`, `)}])`;
}

const sortColumns: Record<ProjectSort, SQL> = {
  title: sql`${projects.title}`,
  funding: sql`${projects.fundingTotal}`,
  pnrr: sql`${projects.fundingPnrr}`,
  updated: sql`${projects.sourceUpdatedAt}`,
};

export async function listProjects(
  db: Executor,
  filter: ProjectFilter,
  sort: { by: ProjectSort; descending: boolean },
  limit: number,
  offset: number,
) {
  const where = projectWhere(filter);
  const order = sort.descending ? desc(sortColumns[sort.by]) : asc(sortColumns[sort.by]);
  // The page's ids first, from the bare rows: the places of a project (two subqueries) are then
  // worked out for the page only, not for every project an offset skips (page 3,900 of 100,000
  // projects took 2.3 s, the first 0.1 s).
  const page = db
    .select({ id: projects.id })
    .from(projects)
    .where(where)
    .orderBy(sql`${order} nulls last`, asc(projects.id))
    .limit(limit)
    .offset(offset)
    .as('page');
  const rows = await db
    .select({
      project: projects,
      comuni: sql<{ code: string; name: string }[]>`coalesce((
        select json_agg(json_build_object('code', c.istat_code, 'name', c.name) order by c.name)
        from (select distinct l.comune_code from ${projectLocations} l
              where l.cup = "projects"."cup" and l.local_code = "projects"."local_code") lc
        join ${comuni} c on c.istat_code = lc.comune_code), '[]'::json)`,
      locations: sql<number>`(select count(*)::int from ${projectLocations} l where l.cup = "projects"."cup" and l.local_code = "projects"."local_code")`,
    })
    .from(projects)
    .innerJoin(page, eq(page.id, projects.id))
    .orderBy(sql`${order} nulls last`, asc(projects.id));
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(projects)
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findProject(db: Executor, id: string) {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row;
}

export async function orgUnitRef(db: Executor, id: string) {
  const [row] = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(eq(orgUnits.id, id));
  return row;
}

export async function locationsOf(db: Executor, cup: string, localCode: string) {
  return db
    .select({ location: projectLocations, comuneName: comuni.name, zoneId: comuni.zoneId })
    .from(projectLocations)
    .leftJoin(comuni, eq(comuni.istatCode, projectLocations.comuneCode))
    .where(and(eq(projectLocations.cup, cup), eq(projectLocations.localCode, localCode)))
    .orderBy(asc(comuni.name));
}

export async function subjectsOf(db: Executor, cup: string, localCode: string) {
  return db
    .select()
    .from(projectSubjects)
    .where(and(eq(projectSubjects.cup, cup), eq(projectSubjects.localCode, localCode)))
    .orderBy(asc(projectSubjects.roleCode), asc(projectSubjects.name));
}

export async function findRelease(db: Executor, id: string) {
  const [row] = await db.select().from(importReleases).where(eq(importReleases.id, id));
  return row;
}

export async function listReleases(db: Executor, limit: number, offset: number) {
  const rows = await db
    .select()
    .from(importReleases)
    .orderBy(desc(importReleases.importedAt))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(importReleases);
  return { rows, total: total?.n ?? 0 };
}

export interface AllocationFilter {
  mission?: string;
  measure?: string;
  cupStatus?: string;
  subject?: string;
}

/**
 * Every location of the projects that match, with the amount to split: one lean row per place,
 * for the allocation rule in domain/allocation.ts. Places outside the comuni keep a key of their
 * own, so they take their part of a project instead of leaving it to the comuni.
 */
export async function allocationRows(db: Executor, f: AllocationFilter, amount: 'pnrr' | 'total') {
  const column = amount === 'pnrr' ? projects.fundingPnrr : projects.fundingTotal;
  return db
    .select({
      projectId: projects.id,
      amount: column,
      key: sql<string>`coalesce(${projectLocations.comuneCode}, 'outside:' || coalesce(${projectLocations.special}, '') || ':' || coalesce(${projectLocations.regionCode}, '') || coalesce(${projectLocations.provinceCode}, ''))`,
      share: projectLocations.share,
    })
    .from(projects)
    .innerJoin(
      projectLocations,
      and(
        eq(projectLocations.cup, projects.cup),
        eq(projectLocations.localCode, projects.localCode),
        or(
          eq(projectLocations.subMeasureCode, projects.subMeasureCode),
          eq(projectLocations.subMeasureCode, ''),
          eq(projects.subMeasureCode, ''),
        ),
      ),
    )
    .where(
      and(
        f.mission ? eq(projects.mission, f.mission) : undefined,
        f.measure
          ? or(eq(projects.measureCode, f.measure), eq(projects.subMeasureCode, f.measure))
          : undefined,
        f.cupStatus ? eq(projects.cupStatus, f.cupStatus) : undefined,
        f.subject
          ? sql`exists (select 1 from ${projectSubjects} s where s.cup = "projects"."cup" and s.local_code = "projects"."local_code" and s.tax_code = ${f.subject.trim().toUpperCase()})`
          : undefined,
      ),
    );
}

/**
 * The rule of domain/allocation.ts (allocateProjects), in the database: each matching project's
 * amount split among its places in whole cents (by the release's shares, evenly where none are
 * given; largest remainders get the cents left over, ties to the place that sorts first), and
 * the project counted by its part in each. One row per place; only the totals cross to Node, not
 * 400,000 locations, and on PostgreSQL the work leaves the server's event loop.
 */
export async function allocationByPlace(
  db: Executor,
  f: AllocationFilter,
  amount: 'pnrr' | 'total',
): Promise<{ place: string; cents: number; projects: number }[]> {
  const column = amount === 'pnrr' ? sql`p.funding_pnrr` : sql`p.funding_total`;
  const where = [
    f.mission ? sql`p.mission = ${f.mission}` : undefined,
    f.measure
      ? sql`(p.measure_code = ${f.measure} or p.sub_measure_code = ${f.measure})`
      : undefined,
    f.cupStatus ? sql`p.cup_status = ${f.cupStatus}` : undefined,
    f.subject
      ? sql`exists (select 1 from ${projectSubjects} s where s.cup = p.cup and s.local_code = p.local_code and s.tax_code = ${f.subject.trim().toUpperCase()})`
      : undefined,
  ].filter((w) => w !== undefined);
  const result = (await db.execute(sql`
    WITH places AS (
      SELECT p.id, round(${column} * 100)::bigint AS total_cents,
        coalesce(l.comune_code, 'outside:' || coalesce(l.special, '') || ':' || coalesce(l.region_code, '') || coalesce(l.province_code, '')) AS place,
        sum(l.share::float8) FILTER (WHERE l.share >= 0) AS share
      FROM ${projects} p
      JOIN ${projectLocations} l ON l.cup = p.cup AND l.local_code = p.local_code
        AND (l.sub_measure_code = p.sub_measure_code OR l.sub_measure_code = '' OR p.sub_measure_code = '')
      ${where.length > 0 ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
      GROUP BY p.id, 2, 3),
    counted AS (
      SELECT *, count(*) OVER project AS n, count(share) OVER project AS given,
        coalesce(sum(share) OVER project, 0) AS given_sum
      FROM places WINDOW project AS (PARTITION BY id)),
    weighed AS (
      SELECT id, total_cents, place,
        CASE WHEN given = 0 OR given_sum = 0 THEN 1.0::float8 / n
          ELSE coalesce(share, CASE WHEN n > given THEN greatest(0, 1 - given_sum) / (n - given) ELSE 0 END)
            / (given_sum + CASE WHEN n > given THEN greatest(0, 1 - given_sum) ELSE 0 END) END AS weight
      FROM counted),
    floored AS (
      SELECT *, floor(abs(total_cents) * weight) AS whole, abs(total_cents) * weight - floor(abs(total_cents) * weight) AS remainder
      FROM weighed),
    cents AS (
      SELECT place, weight, total_cents,
        sign(total_cents) * (whole + CASE WHEN row_number() OVER (PARTITION BY id ORDER BY remainder DESC, place)
          <= abs(total_cents) - sum(whole) OVER (PARTITION BY id) THEN 1 ELSE 0 END) AS cents
      FROM floored)
    SELECT place, coalesce(sum(cents), 0)::bigint::text AS cents, sum(weight) AS projects
    FROM cents GROUP BY place`)) as unknown as {
    rows: { place: string; cents: string; projects: number }[];
  };
  return result.rows.map((r) => ({
    place: r.place,
    cents: Number(r.cents),
    projects: Number(r.projects),
  }));
}

/** Changes whenever an import or an edit changes projects: the analytics cache keys on it. */
export async function projectsRevision(db: Executor): Promise<string> {
  const [row] = await db
    .select({
      r: sql<string>`(select count(*) from ${importReleases})::text || ':' || coalesce((select max(${projects.updatedAt}) from ${projects})::text, '')`,
    })
    .from(sql`(select 1) one`);
  return row?.r ?? '';
}

export async function releasesUsed(db: Executor) {
  return db
    .select({
      fileName: importReleases.fileName,
      kind: importReleases.kind,
      releaseDate: importReleases.releaseDate,
      sha256: importReleases.sha256,
    })
    .from(importReleases)
    .where(
      sql`${importReleases.id} in (select distinct ${projects.releaseId} from ${projects}
              union select distinct ${projectLocations.releaseId} from ${projectLocations})`,
    )
    .orderBy(asc(importReleases.importedAt));
}

/** Payments and indicators of a project (same CUP and local code; the sub-measure when both have one). */
export async function paymentsOf(db: Executor, p: ProjectRow) {
  const [row] = await db
    .select()
    .from(projectPayments)
    .where(
      and(
        eq(projectPayments.cup, p.cup),
        eq(projectPayments.localCode, p.localCode),
        or(
          eq(projectPayments.subMeasureCode, p.subMeasureCode),
          eq(projectPayments.subMeasureCode, ''),
          sql`${p.subMeasureCode} = ''`,
        ),
      ),
    )
    .limit(1);
  return row;
}

export async function indicatorsOf(db: Executor, p: ProjectRow) {
  return db
    .select()
    .from(projectIndicators)
    .where(and(eq(projectIndicators.cup, p.cup), eq(projectIndicators.localCode, p.localCode)))
    .orderBy(asc(projectIndicators.code));
}
