/** Builders of the SQL that normalises a staged file; column expressions, never user values. */
export type Col = (canonical: string) => string;

export interface KindResult {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  skipped: number;
  changes: { key: string; fields: string[] }[];
}

const quoted = (expr: string) => `coalesce(${expr}, '')`;

/** Trimmed text, NULL when empty or N/D. */
export const text = (expr: string) => `nullif(nullif(nullif(btrim(${expr}), ''), 'N/D'), 'N/A')`;

export const cupExpr = (expr: string) => `upper(btrim(${quoted(expr)}))`;

// CUP: 15 letters and digits (DIPE, Codice Unico di Progetto); upper-cased, since some releases
// write it in lower case.
export const cupProblem = (expr: string) =>
  `CASE WHEN ${cupExpr(expr)} !~ '^[A-Z0-9]{15}$' THEN 'CUP "' || left(${quoted(expr)}, 40) || '" is not 15 letters and digits' END`;

export const amountProblem = (expr: string, label: string) =>
  `CASE WHEN NOT metroplan_it_amount_ok(${expr}) THEN '${label} "' || left(${expr}, 40) || '" is not an amount' END`;

export const dateProblem = (expr: string, label: string) =>
  `CASE WHEN nullif(btrim(${quoted(expr)}), '') IS NOT NULL AND upper(btrim(${expr})) NOT IN ('N/D', 'N/A') AND metroplan_it_date(${expr}) IS NULL
        THEN '${label} "' || left(${expr}, 40) || '" is not a dd/mm/yyyy date' END`;

export const problemsArray = (checks: string[]) =>
  `array_remove(ARRAY[${checks.join(',\n        ')}]::text[], NULL)`;

/** A numeric code whose leading zeros come and go: "15" and "015" are the same province. */
export const paddedCode = (expr: string, width: number) =>
  `CASE WHEN btrim(${quoted(expr)}) ~ '^[0-9]+$' THEN lpad(btrim(${expr}), ${width}, '0') ELSE nullif(btrim(${expr}), '') END`;

/**
 * A release lists all the rows of each project it names (its places, its subjects): those rows
 * replace the project's previous ones. Rows seen before (same hash) are unchanged, the others are
 * created, and the project's rows the release no longer lists are removed.
 */
export async function replaceProjectRows(
  s: { query<T>(sql: string, params?: unknown[]): Promise<T[]> },
  table: string,
  columns: string[],
  releaseId: string,
  duplicates: number,
  skipped: number,
): Promise<KindResult> {
  const count = async (sql: string, params: unknown[] = []) =>
    (await s.query<{ n: number }>(sql, params))[0]!.n;
  const unchanged = await count(`
    SELECT count(*)::int AS n FROM norm n
    WHERE problems = '{}' AND EXISTS (SELECT 1 FROM ${table} t WHERE t.row_hash = n.row_hash)`);
  const removed = await count(`
    WITH gone AS (
      DELETE FROM ${table} t
      WHERE (t.cup, t.local_code) IN (SELECT cup, local_code FROM norm WHERE problems = '{}')
        AND t.row_hash NOT IN (SELECT row_hash FROM norm WHERE problems = '{}')
      RETURNING 1)
    SELECT count(*)::int AS n FROM gone`);
  const created = await count(
    `WITH added AS (
      INSERT INTO ${table} (${columns.join(', ')}, row_hash, release_id)
      SELECT ${columns.join(', ')}, row_hash, $1::uuid FROM norm n
      WHERE problems = '{}' AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.row_hash = n.row_hash)
      RETURNING 1)
    SELECT count(*)::int AS n FROM added`,
    [releaseId],
  );
  return { created, updated: 0, unchanged: unchanged + duplicates, removed, skipped, changes: [] };
}

/** Keeps, among rows that describe the same thing, only the one `keep` picks (earliest, latest). */
export async function dropDuplicates(
  s: { query<T>(sql: string, params?: unknown[]): Promise<T[]> },
  sameness: string,
  keep: 'first' | 'last',
): Promise<number> {
  const [row] = await s.query<{ n: number }>(`
    WITH gone AS (DELETE FROM norm n USING norm m
      WHERE n.problems = '{}' AND m.problems = '{}' AND ${sameness} AND n.rn ${keep === 'first' ? '>' : '<'} m.rn
      RETURNING 1)
    SELECT count(*)::int AS n FROM gone`);
  return row!.n;
}

/**
 * With scope "territory": drop the projects none of whose places is a comune of the tenant
 * (`located` tells, for a norm row n, whether its project has one).
 */
export async function keepTerritory(
  s: { query<T>(sql: string, params?: unknown[]): Promise<T[]> },
  located: string,
): Promise<number> {
  const [row] = await s.query<{ n: number }>(`
    WITH gone AS (DELETE FROM norm n WHERE problems = '{}' AND NOT EXISTS (${located}) RETURNING 1)
    SELECT count(*)::int AS n FROM gone`);
  return row!.n;
}
