import type { RawSession } from '../../../db/rawSession.ts';
import type { RowKind } from './rows.ts';

/** The set-based steps of an import, on the normalised rows in the temporary table `norm`. */

export interface KindResult {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  skipped: number;
  changes: { key: string; fields: string[] }[];
  /**
   * Projects: those stored from earlier releases that this file does not list (kept as they are:
   * a file may be an extract), and the first of their keys.
   */
  absent?: { count: number; keys: string[] };
}

/**
 * The id of an imported project: the release's id with the row's number in the file as its last
 * 12 hex digits. Unique (one release, distinct numbers), cheap, and increasing in the order rows
 * are inserted, so the primary key's index grows at one end instead of at random places (a random
 * UUID a row made the national import seconds slower).
 */
export const importedId = (releaseParam: string, rowNumber: string) =>
  `(left(replace(${releaseParam}::text, '-', ''), 20) || lpad(to_hex(${rowNumber}), 12, '0'))::uuid`;

/**
 * The import of a kind whose rows belong to projects (places, subjects): with scope "territory",
 * only the projects with a place in the territory, then `replaceProjectRows`.
 */
export const projectRowsImport =
  (table: string, rows: RowKind, places: 'stored' | 'release') =>
  async (
    s: RawSession,
    releaseId: string,
    scope: 'all' | 'territory',
    duplicates: number,
  ): Promise<KindResult> => {
    const skipped = await keepTerritory(s, scope, places);
    return replaceProjectRows(
      s,
      table,
      rows.columns.map(([name]) => name),
      releaseId,
      duplicates,
      skipped,
    );
  };

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
  const same = `t.cup = n.cup AND t.local_code = n.local_code AND t.row_hash = n.row_hash`;
  // A first load names projects the table does not have: nothing can be removed, and one join
  // tells (a second on 400,000 rows when it is not so).
  const [{ overlap } = { overlap: false }] = await s.query<{ overlap: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM norm n JOIN ${table} t ON t.cup = n.cup AND t.local_code = n.local_code) AS overlap`,
  );
  // One join of the table with the release's projects, each with the hashes it lists: no
  // anti-join for the planner to run as a loop over 400,000 staged rows per table row.
  const removed = overlap
    ? await count(`
    WITH listed AS (
      SELECT cup, local_code, array_agg(row_hash) AS hashes FROM norm GROUP BY 1, 2),
    gone AS (
      DELETE FROM ${table} t USING listed l
      WHERE t.cup = l.cup AND t.local_code = l.local_code AND t.row_hash <> ALL (l.hashes)
      RETURNING 1)
    SELECT count(*)::int AS n FROM gone`)
    : 0;
  const valid = await count(`SELECT count(*)::int AS n FROM norm`);
  const created = await withIndexesRebuiltIfLarge(s, table, valid, (indexed) =>
    count(
      `WITH added AS (
      INSERT INTO ${table} (${columns.join(', ')}, row_hash, release_id)
      SELECT ${columns.join(', ')}, row_hash, $1::uuid FROM norm n
      ${overlap ? `WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE ${same})` : ''}
      ${indexed ? 'ORDER BY n.cup, n.local_code' : ''}
      RETURNING 1)
    SELECT count(*)::int AS n FROM added`,
      [releaseId],
    ),
  );
  // The rows of the release that were there already are the ones not inserted.
  return {
    created,
    updated: 0,
    unchanged: valid - created + duplicates,
    removed,
    skipped,
    changes: [],
  };
}

/**
 * With scope "territory": drop the projects none of whose places is a comune of the tenant. The
 * places are those already stored (projects, subjects: the locations file comes first) or those of
 * the release itself (locations). Returns how many rows were dropped.
 */
export async function keepTerritory(
  s: { query<T>(sql: string, params?: unknown[]): Promise<T[]> },
  scope: 'all' | 'territory',
  places: 'stored' | 'release',
): Promise<number> {
  if (scope !== 'territory') return 0;
  const [row] = await s.query<{ n: number }>(`
    WITH gone AS (DELETE FROM norm n WHERE NOT EXISTS (
      SELECT 1 FROM ${places === 'stored' ? 'project_locations' : 'norm'} l
      JOIN comuni c ON c.istat_code = l.comune_code
      WHERE l.cup = n.cup AND l.local_code = n.local_code) RETURNING 1)
    SELECT count(*)::int AS n FROM gone`);
  return row!.n;
}

type Query = { query<T>(sql: string, params?: unknown[]): Promise<T[]> };

/**
 * Runs `insert` with the table's indexes dropped and built again afterwards, when the rows coming
 * in are many against those already there (a first national load): building an index over sorted
 * rows takes a fraction of the time of adding 400,000 entries one by one. The definitions are read
 * from the catalogue, so they cannot drift from the migrations. Keys that other tables reference
 * stay. `insert` is told whether the indexes are there (rows sorted by key then fill an index's
 * pages in order; without indexes, sorting is wasted work). Dropping an index locks
 * the table until the import commits, so only an import that more than triples the table (20,000
 * rows at least) does it; the others add to the indexes as they go.
 */
export async function withIndexesRebuiltIfLarge<T>(
  s: Query,
  table: string,
  incoming: number,
  insert: (indexed: boolean) => Promise<T>,
): Promise<T> {
  const [size] = await s.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  if (incoming < 20_000 || incoming <= 2 * size!.n) return insert(true);
  const constraints = await s.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
     WHERE conrelid = $1::regclass AND contype IN ('p', 'u')
       AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = $1::regclass)`,
    [table],
  );
  const indexes = await s.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
`,
    [table],
  );
  for (const c of constraints) await s.query(`ALTER TABLE ${table} DROP CONSTRAINT "${c.name}"`);
  for (const i of indexes) await s.query(`DROP INDEX "${i.name}"`);
  const result = await insert(false);
  for (const c of constraints)
    await s.query(`ALTER TABLE ${table} ADD CONSTRAINT "${c.name}" ${c.definition}`);
  for (const i of indexes) await s.query(i.definition);
  return result;
}

/**
 * Settings of an import's transaction: room for the sorts and hashes of a national file, and no
 * JIT compilation, which spent seconds compiling the long normalising expressions on PostgreSQL
 * 15 to run them once.
 */
export async function bulkSettings(s: Query): Promise<void> {
  // One import at a time: two releases applied at once would both insert the same new projects.
  await s.query(`SELECT pg_advisory_xact_lock(hashtext('metroplan.pnrr-import'))`);
  await s.query(`SET LOCAL work_mem = '64MB'`);
  await s.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  await s.query(`SET LOCAL jit = off`);
}
