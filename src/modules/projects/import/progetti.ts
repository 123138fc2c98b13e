import type { RawSession } from '../../../db/rawSession.ts';
import {
  projectKey,
  blank,
  date,
  empty,
  euro,
  first,
  pnrrCode,
  problems,
  quoted,
  taxCode,
  text,
  trimmed,
  type RowKind,
} from './rows.ts';
import { importedId, keepTerritory, withIndexesRebuiltIfLarge, type KindResult } from './apply.ts';

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

/** The project's dates, as the releases since 2024 give them (column → its name in the file). */
const projectDates = {
  start_planned: 'Data Inizio Progetto Prevista',
  start_actual: 'Data Inizio Progetto Effettiva',
  end_planned: 'Data Fine Progetto Prevista',
  end_actual: 'Data Fine Progetto Effettiva',
} as const;
const dateColumns = Object.keys(projectDates);
const dateLabels = Object.entries(projectDates);

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
  'progress',
  ...dateColumns,
];

const columns = ['cup', 'local_code', 'sub_measure_code', ...compared];
const amountLabels = Object.values(amounts);

/**
 * Progetti: one row per CUP + codice locale progetto + sub-measure. Codes resolve to the
 * canonical PNRR codes through the alias table.
 */
export const progettiRows: RowKind = {
  columns: columns.map(
    (c) =>
      [
        c,
        c in amounts ? 'numeric' : c === 'source_updated_at' || c in projectDates ? 'date' : 'text',
      ] as const,
  ),
  hashed: compared,
  read(raw, codes) {
    const key = projectKey(raw);
    const subRaw = first(raw('sub_measure_code'), raw('sub_measure_id'));
    const sub = pnrrCode(subRaw, codes);
    const measureRaw = first(raw('measure_code'), raw('measure_id'));
    const measure = pnrrCode(measureRaw, codes) ?? sub;
    const title = text(raw('title'));
    const money = amountLabels.map(([k, label]) => euro(raw(k), label));
    const updated = date(raw('updated'));
    const dates = dateLabels.map(([k, label]) => ({ k, label, value: date(raw(k)) }));
    return {
      values: [
        key.cup,
        key.localCode,
        sub ? (sub.subMeasure ?? sub.measure) : trimmed(subRaw).toUpperCase(),
        trimmed(raw('programme')) || 'PNRR',
        trimmed(raw('mission')).toUpperCase() || null,
        trimmed(raw('component')).toUpperCase() || null,
        measure ? measure.measure : trimmed(measureRaw).toUpperCase() || null,
        title,
        text(raw('summary')),
        text(raw('owner')),
        text(raw('implementer')),
        taxCode(raw('implementer_tax_code')),
        text(raw('cup_status')),
        text(raw('nature')),
        text(raw('typology')),
        text(raw('sector')),
        text(raw('procedure')),
        ...money.map((m) => m.value),
        updated,
        text(raw('progress')),
        ...dates.map((d) => d.value),
      ],
      problems: problems(
        ...key.problems,
        title === null && empty('Titolo progetto'),
        ...money.map((m) => m.problem),
        updated === null &&
          !blank(raw('updated')) && {
            code: 'date',
            column: 'Data aggiornamento',
            value: quoted(raw('updated')),
          },
        ...dates.map(
          (d) =>
            d.value === null &&
            !blank(raw(d.k)) && { code: 'date' as const, column: d.label, value: quoted(raw(d.k)) },
        ),
      ),
    };
  },
  // The same key twice in one file: the later row is the release's last word.
  sameThing: {
    key: (v) => `${v[0]}\u001f${v[1]}\u001f${v[2]}`,
    keep: 'last',
    reject: true,
  },
};

export async function importProgetti(
  s: RawSession,
  releaseId: string,
  scope: 'all' | 'territory',
): Promise<KindResult> {
  const skipped = await keepTerritory(s, scope, 'stored');

  const count = async (sql: string, params: unknown[] = []) =>
    (await s.query<{ n: number }>(sql, params))[0]!.n;
  const sameKey = `p.cup = n.cup AND p.local_code = n.local_code AND p.sub_measure_code = n.sub_measure_code`;
  const valid = await count(`SELECT count(*)::int AS n FROM norm`);
  // One join finds the imported projects whose values changed, with the fields that did; they take
  // the release's values. Projects entered by hand keep theirs.
  const [update] = await s.query<{ updated: number; changes: KindResult['changes'] }>(
    `WITH differing AS MATERIALIZED (
      SELECT p.id, n.rn, n.cup || ' ' || n.local_code || ' ' || n.sub_measure_code AS key,
        array_remove(ARRAY[${compared.map((c) => `CASE WHEN p.${c} IS DISTINCT FROM n.${c} THEN '${c}' END`).join(', ')}], NULL) AS fields
      FROM norm n JOIN projects p ON ${sameKey}
      WHERE p.content_hash IS DISTINCT FROM n.row_hash AND NOT p.is_manual),
    up AS (
      UPDATE projects p SET ${compared.map((c) => `${c} = n.${c}`).join(', ')},
        content_hash = n.row_hash, release_id = $1::uuid, version = p.version + 1, updated_at = now()
      FROM differing d JOIN norm n ON n.rn = d.rn
      WHERE p.id = d.id
      RETURNING 1)
    SELECT (SELECT count(*)::int FROM up) AS updated,
      (SELECT coalesce(json_agg(json_build_object('key', btrim(c.key), 'fields', c.fields) ORDER BY c.rn), '[]')
       FROM (SELECT * FROM differing ORDER BY rn LIMIT 200) c) AS changes`,
    [releaseId],
  );
  const updated = update!.updated;
  const absent = await absentProjects(s, scope);
  // The new projects, in file order: their ids increase in that order (importedId).
  const created = await withIndexesRebuiltIfLarge(s, 'projects', valid, () =>
    count(
      `WITH added AS (
      INSERT INTO projects (id, ${columns.join(', ')}, content_hash, release_id)
      SELECT ${importedId('$1', 'n.rn')}, ${columns.map((c) => `n.${c}`).join(', ')}, n.row_hash, $1::uuid
      FROM norm n
      WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE ${sameKey})
      RETURNING 1)
    SELECT count(*)::int AS n FROM added`,
      [releaseId],
    ),
  );
  return {
    created,
    updated,
    unchanged: valid - created - updated,
    removed: 0,
    skipped,
    changes: update!.changes,
    absent,
  };
}

/** How many absent projects a report names. */
export const reportedAbsent = 200;

/**
 * The imported projects the file does not list: in a complete release, projects withdrawn or
 * merged since; in an extract (a region, a city), those outside it. They are kept, and the report
 * says how many, so that a newer release's silence is seen. With scope "territory", only the
 * projects located in the territory count: the others were left out of `norm` on purpose.
 */
async function absentProjects(
  s: RawSession,
  scope: 'all' | 'territory',
): Promise<{ count: number; keys: string[] }> {
  const [row] = await s.query<{ count: number; keys: string[] }>(
    `WITH absent AS (
      SELECT p.cup, p.local_code, p.sub_measure_code FROM projects p
      WHERE NOT p.is_manual
        AND NOT EXISTS (SELECT 1 FROM norm n WHERE n.cup = p.cup AND n.local_code = p.local_code
                          AND n.sub_measure_code = p.sub_measure_code)
        ${
          scope === 'territory'
            ? `AND EXISTS (SELECT 1 FROM project_locations l JOIN comuni c ON c.istat_code = l.comune_code
                 WHERE l.cup = p.cup AND l.local_code = p.local_code)`
            : ''
        })
    SELECT (SELECT count(*)::int FROM absent) AS count,
      ARRAY(SELECT btrim(cup || ' ' || local_code || ' ' || sub_measure_code) FROM absent
            ORDER BY cup, local_code, sub_measure_code LIMIT ${reportedAbsent}) AS keys`,
  );
  return row!;
}
