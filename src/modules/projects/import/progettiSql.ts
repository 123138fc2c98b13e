import type { RawSession } from '../../../db/rawSession.ts';
import type { Col, KindResult } from './stage.ts';
import {
  analyseNorm,
  cupExpr,
  cupProblem,
  importedId,
  parsedAmountProblem,
  problemsArray,
  text,
  withIndexesRebuiltIfLarge,
} from './stage.ts';

const amounts = {
  funding_state: ['funding_state', 'Finanziamento - Stato'],
  funding_eu_other: ['funding_eu_other', 'Finanziamento UE (diverso da PNRR)'],
  funding_region: ['funding_region', 'Finanziamento Regione'],
  funding_province: ['funding_province', 'Finanziamento Provincia'],
  funding_comune: ['funding_comune', 'Finanziamento Comune'],
  funding_other_public: ['funding_other_public', 'Finanziamento Altro Pubblico'],
  funding_private: ['funding_private', 'Finanziamento Privato'],
  funding_to_find: ['funding_to_find', 'Finanziamento Da Reperire'],
  funding_pnrr: ['funding_pnrr', 'Finanziamento PNRR'],
  funding_pnc: ['funding_pnc', 'Finanziamento PNC'],
  funding_other: ['funding_other', 'Altri fondi'],
  funding_total: ['funding_total', 'Finanziamento Totale'],
  funding_total_public: ['funding_total_public', 'Finanziamento Totale Pubblico'],
} as const;

/** The columns compared to tell an updated project from an unchanged one. */
const compared = [
  'programme',
  'mission',
  'component',
  'measure_code',
  'title',
  'summary',
  'owner',
  'implementer',
  'implementer_tax_code',
  'cup_status',
  'nature',
  'typology',
  'sector',
  'procedure',
  ...Object.keys(amounts),
  'source_updated_at',
];

/**
 * Progetti: one row per CUP + codice locale progetto + sub-measure. Codes resolve to the
 * canonical PNRR codes through the alias table; amounts and dates are parsed by SQL functions
 * (migration 0005), so the whole file is normalised and upserted in a few statements.
 */
export async function importProgetti(
  s: RawSession,
  col: Col,
  releaseId: string,
  scope: 'all' | 'territory',
): Promise<KindResult> {
  const subRaw = `upper(btrim(coalesce(${col('sub_measure_code')}, ${col('sub_measure_id')}, '')))`;
  const measureRaw = `upper(btrim(coalesce(${col('measure_code')}, ${col('measure_id')}, '')))`;
  const raw = (k: string) => `raw_${k}`;
  const values = ['rn', 'cup', 'local_code', 'sub_measure_code', ...compared];
  // The inner query parses each value once (OFFSET 0 keeps PostgreSQL from merging it into the
  // outer one, which would parse the amounts again); the outer one says what is wrong with a row.
  await s.query(`
    CREATE TEMP TABLE norm ON COMMIT DROP AS
    SELECT ${values.map((v) => `x.${v}`).join(', ')},
      ${problemsArray([
        cupProblem(`x.${raw('cup')}`),
        `CASE WHEN x.local_code = '' THEN 'Codice Locale Progetto is empty' END`,
        `CASE WHEN x.title IS NULL THEN 'Titolo progetto is empty' END`,
        ...Object.values(amounts).map(([k, label]) =>
          parsedAmountProblem(`x.${k}`, `x.${raw(k)}`, label),
        ),
        `CASE WHEN x.source_updated_at IS NULL AND NOT metroplan_blank(x.${raw('updated')})
           THEN 'Data aggiornamento "' || left(x.${raw('updated')}, 40) || '" is not a dd/mm/yyyy date' END`,
      ])} AS problems
    FROM (
      SELECT st.rn,
        ${cupExpr(col('cup'))} AS cup,
        btrim(coalesce(${col('local_code')}, '')) AS local_code,
        coalesce(sa.sub_measure_code, sa.measure_code, metroplan_pnrr_code(${col('sub_measure_code')}), metroplan_pnrr_code(${col('sub_measure_id')}), '') AS sub_measure_code,
        coalesce(nullif(btrim(${col('programme')}), ''), 'PNRR') AS programme,
        nullif(upper(btrim(${col('mission')})), '') AS mission,
        nullif(upper(btrim(${col('component')})), '') AS component,
        coalesce(ma.measure_code, sa.measure_code, metroplan_pnrr_code(${col('measure_code')}), metroplan_pnrr_code(${col('measure_id')})) AS measure_code,
        ${text(col('title'))} AS title, ${text(col('summary'))} AS summary, ${text(col('owner'))} AS owner,
        ${text(col('implementer'))} AS implementer,
        CASE WHEN btrim(${col('implementer_tax_code')}) ~ '^[0-9]{1,11}$' THEN lpad(btrim(${col('implementer_tax_code')}), 11, '0')
             ELSE nullif(upper(btrim(${col('implementer_tax_code')})), '') END AS implementer_tax_code,
        ${text(col('cup_status'))} AS cup_status, ${text(col('nature'))} AS nature, ${text(col('typology'))} AS typology,
        ${text(col('sector'))} AS sector, ${text(col('procedure'))} AS procedure,
        ${Object.keys(amounts)
          .map((k) => `metroplan_it_amount(${col(k)}) AS ${k}, ${col(k)} AS ${raw(k)}`)
          .join(',\n        ')},
        metroplan_it_date(${col('updated')}) AS source_updated_at, ${col('updated')} AS ${raw('updated')},
        ${col('cup')} AS ${raw('cup')}
      FROM stage st
      LEFT JOIN pnrr_code_aliases sa ON sa.alias = nullif(${subRaw}, '')
      LEFT JOIN pnrr_code_aliases ma ON ma.alias = nullif(${measureRaw}, '')
      OFFSET 0
    ) x`);
  await analyseNorm(s);

  // The same key twice in one file: the later row is the release's last word.
  await s.query(`
    UPDATE norm n SET problems = problems || ('same CUP, Codice Locale Progetto and sub-measure as row ' || later.rn || ', which replaces this one')
    FROM (SELECT cup, local_code, sub_measure_code, max(rn) AS rn FROM norm WHERE problems = '{}'
          GROUP BY 1, 2, 3 HAVING count(*) > 1) later
    WHERE n.problems = '{}' AND n.cup = later.cup AND n.local_code = later.local_code
      AND n.sub_measure_code = later.sub_measure_code AND n.rn < later.rn`);

  const outside =
    scope === 'territory'
      ? `AND NOT EXISTS (SELECT 1 FROM project_locations l JOIN comuni c ON c.istat_code = l.comune_code
                         WHERE l.cup = n.cup AND l.local_code = n.local_code)`
      : 'AND false';
  const [skipped] = await s.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM norm n WHERE problems = '{}' ${outside}`,
  );
  if (scope === 'territory') await s.query(`DELETE FROM norm n WHERE problems = '{}' ${outside}`);

  const hash = `md5(row(${compared.map((c) => `n.${c}`).join(', ')})::text)`;
  const changed = await s.query<{
    cup: string;
    local_code: string;
    sub_measure_code: string;
    fields: string[];
  }>(`
    SELECT n.cup, n.local_code, n.sub_measure_code,
      array_remove(ARRAY[${compared.map((c) => `CASE WHEN p.${c} IS DISTINCT FROM n.${c} THEN '${c}' END`).join(', ')}], NULL) AS fields
    FROM norm n JOIN projects p ON (p.cup, p.local_code, p.sub_measure_code) = (n.cup, n.local_code, n.sub_measure_code)
    WHERE n.problems = '{}' AND p.content_hash IS DISTINCT FROM ${hash} AND NOT p.is_manual
    ORDER BY n.rn LIMIT 200`);

  const columns = ['cup', 'local_code', 'sub_measure_code', ...compared];
  const [valid] = await s.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM norm WHERE problems = '{}'`,
  );
  const [counts] = await withIndexesRebuiltIfLarge(
    s,
    'projects',
    valid!.n,
    { keepUnique: true },
    () =>
      s.query<{ created: number; updated: number }>(
        `
    WITH up AS (
      INSERT INTO projects (id, ${columns.join(', ')}, content_hash, release_id)
      SELECT ${importedId('$1', 'row_number() OVER (ORDER BY n.cup, n.local_code, n.sub_measure_code)')},
        ${columns.map((c) => `n.${c}`).join(', ')}, ${hash}, $1::uuid
      FROM norm n WHERE n.problems = '{}'
      ORDER BY n.cup, n.local_code, n.sub_measure_code
      ON CONFLICT (cup, local_code, sub_measure_code) DO UPDATE SET
        ${[...compared, 'content_hash', 'release_id'].map((c) => `${c} = excluded.${c}`).join(', ')},
        version = projects.version + 1, updated_at = now()
      WHERE projects.content_hash IS DISTINCT FROM excluded.content_hash AND NOT projects.is_manual
      RETURNING (xmax = 0) AS inserted)
    SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`,
        [releaseId],
      ),
  );
  return {
    created: counts!.created,
    updated: counts!.updated,
    unchanged: valid!.n - counts!.created - counts!.updated,
    removed: 0,
    skipped: skipped!.n,
    changes: changed.map((c) => ({
      key: `${c.cup} ${c.local_code} ${c.sub_measure_code}`.trim(),
      fields: c.fields,
    })),
  };
}
