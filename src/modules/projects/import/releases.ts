import type { RawSession } from '../../../db/rawSession.ts';
import {
  projectKey,
  date,
  empty,
  euro,
  pointEuro,
  problems,
  quantity,
  subMeasureCode,
  text,
  trimmed,
  type RowKind,
} from './rows.ts';
import type { KindResult } from './apply.ts';

/** Replaces rows by key: unchanged when the hash is already there, created otherwise. */
async function replaceRows(
  s: RawSession,
  table: string,
  key: string[],
  columns: string[],
  releaseId: string,
  duplicates: number,
): Promise<KindResult> {
  const same = `${key.map((k) => `t.${k} = n.${k}`).join(' AND ')} AND t.row_hash = n.row_hash`;
  const [valid] = await s.query<{ n: number }>(`SELECT count(*)::int AS n FROM norm`);
  const [updated] = await s.query<{ n: number }>(`
    WITH gone AS (DELETE FROM ${table} t USING norm n
      WHERE (${key.map((k) => `t.${k}`).join(', ')}) = (${key.map((k) => `n.${k}`).join(', ')}) AND t.row_hash <> n.row_hash RETURNING 1)
    SELECT count(*)::int AS n FROM gone`);
  const [inserted] = await s.query<{ n: number }>(
    `WITH added AS (
      INSERT INTO ${table} (${columns.join(', ')}, row_hash, release_id)
      SELECT ${columns.join(', ')}, row_hash, $1::uuid FROM norm n
      WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE ${same})
      RETURNING 1)
    SELECT count(*)::int AS n FROM added`,
    [releaseId],
  );
  return {
    created: inserted!.n - updated!.n,
    updated: updated!.n,
    // The rows of the release that were there already are the ones not inserted.
    unchanged: valid!.n - inserted!.n + duplicates,
    removed: 0,
    skipped: 0,
    changes: [],
  };
}

/** The import of a kind whose rows replace those of the same key (no territory to keep). */
const replacing =
  (table: string, key: string[], rows: RowKind) =>
  (s: RawSession, releaseId: string, _scope: 'all' | 'territory', duplicates: number) =>
    replaceRows(
      s,
      table,
      key,
      rows.columns.map(([name]) => name),
      releaseId,
      duplicates,
    );

const keyColumns = [
  ['cup', 'text'],
  ['local_code', 'text'],
  ['sub_measure_code', 'text'],
] as const;

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

const key = (v: (string | null)[], size: number) => v.slice(0, size).join('\u001f');

/**
 * Pagamenti: funding and payments, one row per project. The official files write amounts with a
 * decimal comma (`2738869489,5`), ondata's 2025 conversion with a point (`1360004.74`): the file's
 * own amounts decide which (`decimalSeparator`), since `1.234` alone could be either.
 */
export const pagamentiRows: RowKind = {
  columns: [
    ...keyColumns,
    ...paidColumns.map((c) => [c, 'numeric'] as const),
    ['extracted_on', 'date'],
  ],
  decimalsDecidedBy: paidColumns,
  read(raw, codes, file) {
    const key = projectKey(raw);
    const amount = file.decimal === 'point' ? pointEuro : euro;
    const paid = paidColumns.map((c) => amount(raw(c), c));
    return {
      values: [
        key.cup,
        key.localCode,
        subMeasureCode(raw('sub_measure_code'), codes),
        ...paid.map((p) => p.value),
        date(raw('extracted')),
      ],
      problems: problems(...key.problems, ...paid.map((p) => p.problem)),
    };
  },
  sameThing: { key: (v) => key(v, 3), keep: 'last' },
};

export const importPagamenti = replacing(
  'project_payments',
  ['cup', 'local_code', 'sub_measure_code'],
  pagamentiRows,
);

/** Indicatori (2025): planned and achieved values, decimal comma. */
export const indicatoriRows: RowKind = {
  columns: [
    ...keyColumns,
    ['code', 'text'],
    ['description', 'text'],
    ['unit', 'text'],
    ['kind', 'text'],
    ['achieved', 'numeric'],
    ['planned', 'numeric'],
    ['month', 'text'],
    ['year', 'int'],
    ['extracted_on', 'date'],
  ],
  read(raw, codes) {
    const key = projectKey(raw);
    const code = trimmed(raw('code')).toUpperCase();
    const achieved = quantity(raw('achieved'), 'Valore realizzato');
    const planned = quantity(raw('planned'), 'Valore programmato');
    const year = trimmed(raw('year'));
    return {
      values: [
        key.cup,
        key.localCode,
        subMeasureCode(raw('sub_measure_code'), codes),
        code,
        text(raw('description')) ?? '',
        text(raw('unit')),
        text(raw('kind')),
        achieved.value,
        planned.value,
        text(raw('month')),
        /^[0-9]{4}$/.test(year) ? String(Number(year)) : null,
        date(raw('extracted')),
      ],
      problems: problems(
        ...key.problems,
        code === '' && empty('Codice Indicatore'),
        achieved.problem,
        planned.problem,
      ),
    };
  },
  sameThing: { key: (v) => key(v, 4), keep: 'last' },
};

export const importIndicatori = replacing(
  'project_indicators',
  ['cup', 'local_code', 'sub_measure_code', 'code'],
  indicatoriRows,
);
