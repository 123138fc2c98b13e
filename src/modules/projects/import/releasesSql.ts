import type { RawSession } from '../../../db/rawSession.ts';
import type { Col, KindResult } from './stage.ts';
import { analyseNorm, cupExpr, cupProblem, dropDuplicates, problemsArray, text } from './stage.ts';

const subMeasure = (col: Col) =>
  `coalesce(sa.sub_measure_code, sa.measure_code, metroplan_pnrr_code(${col('sub_measure_code')}), '')`;
const aliasJoin = (col: Col) =>
  `LEFT JOIN pnrr_code_aliases sa ON sa.alias = nullif(upper(btrim(coalesce(${col('sub_measure_code')}, ''))), '')`;

/** Replaces rows by key: unchanged when the hash is already there, created otherwise. */
async function replaceRows(
  s: RawSession,
  table: string,
  key: string[],
  columns: string[],
  releaseId: string,
): Promise<KindResult> {
  const duplicates = await dropDuplicates(
    s,
    `(${key.map((k) => `n.${k}`).join(', ')}) = (${key.map((k) => `m.${k}`).join(', ')})`,
    'last',
  );
  const same = `${key.map((k) => `t.${k} = n.${k}`).join(' AND ')} AND t.row_hash = n.row_hash`;
  const [unchanged] = await s.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM norm n WHERE problems = '{}' AND EXISTS (SELECT 1 FROM ${table} t WHERE ${same})`,
  );
  const [updated] = await s.query<{ n: number }>(`
    WITH gone AS (DELETE FROM ${table} t USING norm n WHERE n.problems = '{}'
      AND (${key.map((k) => `t.${k}`).join(', ')}) = (${key.map((k) => `n.${k}`).join(', ')}) AND t.row_hash <> n.row_hash RETURNING 1)
    SELECT count(*)::int AS n FROM gone`);
  const [inserted] = await s.query<{ n: number }>(
    `WITH added AS (
      INSERT INTO ${table} (${columns.join(', ')}, row_hash, release_id)
      SELECT ${columns.join(', ')}, row_hash, $1::uuid FROM norm n
      WHERE problems = '{}' AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE ${same})
      RETURNING 1)
    SELECT count(*)::int AS n FROM added`,
    [releaseId],
  );
  return {
    created: inserted!.n - updated!.n,
    updated: updated!.n,
    unchanged: unchanged!.n + duplicates,
    removed: 0,
    skipped: 0,
    changes: [],
  };
}

const paidColumns = [
  'funding_total',
  'funding_pnrr',
  'paid_total',
  'paid_pnrr',
  'paid_state',
  'paid_eu_other',
  'paid_region',
  'paid_province',
  'paid_comune',
  'paid_other_public',
  'paid_private',
  'paid_pnc',
  'paid_other',
];

/** Pagamenti (2025): amounts with a decimal point, one row per project. */
export async function importPagamenti(
  s: RawSession,
  col: Col,
  releaseId: string,
): Promise<KindResult> {
  await s.query(`
    CREATE TEMP TABLE norm ON COMMIT DROP AS
    SELECT x.*, md5(row(${['cup', 'local_code', 'sub_measure_code', ...paidColumns, 'extracted_on'].map((c) => `x.${c}`).join(', ')})::text) AS row_hash
    FROM (
      SELECT st.rn, ${cupExpr(col('cup'))} AS cup, btrim(coalesce(${col('local_code')}, '')) AS local_code,
        ${subMeasure(col)} AS sub_measure_code,
        ${paidColumns.map((c) => `metroplan_dot_amount(${col(c)}) AS ${c}`).join(', ')},
        metroplan_iso_date(${col('extracted')}) AS extracted_on,
        ${problemsArray([
          cupProblem(col('cup')),
          `CASE WHEN btrim(coalesce(${col('local_code')}, '')) = '' THEN 'Codice Locale Progetto is empty' END`,
          ...paidColumns.map(
            (c) =>
              `CASE WHEN NOT metroplan_dot_amount_ok(${col(c)}) THEN '${c} "' || left(${col(c)}, 40) || '" is not an amount with a decimal point' END`,
          ),
        ])} AS problems
      FROM stage st ${aliasJoin(col)}
    ) x`);
  await analyseNorm(s);
  return replaceRows(
    s,
    'project_payments',
    ['cup', 'local_code', 'sub_measure_code'],
    ['cup', 'local_code', 'sub_measure_code', ...paidColumns, 'extracted_on'],
    releaseId,
  );
}

/** Indicatori (2025): planned and achieved values, decimal comma. */
export async function importIndicatori(
  s: RawSession,
  col: Col,
  releaseId: string,
): Promise<KindResult> {
  await s.query(`
    CREATE TEMP TABLE norm ON COMMIT DROP AS
    SELECT x.*, md5(row(x.cup, x.local_code, x.sub_measure_code, x.code, x.description, x.unit, x.kind, x.achieved, x.planned, x.month, x.year, x.extracted_on)::text) AS row_hash
    FROM (
      SELECT st.rn, ${cupExpr(col('cup'))} AS cup, btrim(coalesce(${col('local_code')}, '')) AS local_code,
        ${subMeasure(col)} AS sub_measure_code,
        upper(btrim(coalesce(${col('code')}, ''))) AS code,
        coalesce(${text(col('description'))}, '') AS description,
        ${text(col('unit'))} AS unit, ${text(col('kind'))} AS kind,
        metroplan_it_amount(${col('achieved')}) AS achieved, metroplan_it_amount(${col('planned')}) AS planned,
        ${text(col('month'))} AS month,
        CASE WHEN btrim(coalesce(${col('year')}, '')) ~ '^[0-9]{4}$' THEN btrim(${col('year')})::int END AS year,
        metroplan_iso_date(${col('extracted')}) AS extracted_on,
        ${problemsArray([
          cupProblem(col('cup')),
          `CASE WHEN btrim(coalesce(${col('local_code')}, '')) = '' THEN 'Codice Locale Progetto is empty' END`,
          `CASE WHEN btrim(coalesce(${col('code')}, '')) = '' THEN 'Codice Indicatore is empty' END`,
          `CASE WHEN NOT metroplan_it_amount_ok(${col('achieved')}) THEN 'Valore realizzato "' || left(${col('achieved')}, 40) || '" is not a number' END`,
          `CASE WHEN NOT metroplan_it_amount_ok(${col('planned')}) THEN 'Valore programmato "' || left(${col('planned')}, 40) || '" is not a number' END`,
        ])} AS problems
      FROM stage st ${aliasJoin(col)}
    ) x`);
  await analyseNorm(s);
  return replaceRows(
    s,
    'project_indicators',
    ['cup', 'local_code', 'sub_measure_code', 'code'],
    [
      'cup',
      'local_code',
      'sub_measure_code',
      'code',
      'description',
      'unit',
      'kind',
      'achieved',
      'planned',
      'month',
      'year',
      'extracted_on',
    ],
    releaseId,
  );
}
