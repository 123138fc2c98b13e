import { CsvShapeError, csvRecords } from '../../../domain/csvRecords.ts';
import { Invalid } from '../../../domain/errors.ts';
import { parseItalianDate } from '../../../domain/italianNumbers.ts';
import type { RawSession } from '../../../db/rawSession.ts';
import {
  copyValue,
  decimalSeparator,
  officialConventions,
  problemText,
  rowHashSql,
  type CodeAliases,
  type FileConventions,
  type Problem,
  type RowKind,
} from './rows.ts';

export const maxReportedRejections = 500;

// How a separator is named in a violation's params (the pages say the name: errors.separators).
const separatorNames: Record<string, string> = { ';': 'semicolon', ',': 'comma', '\t': 'tab' };

export interface RejectedRow {
  row: number;
  reasons: string[];
  problems: Problem[];
}

export interface Normalised {
  rowsRead: number;
  rejected: number;
  /** The first rejected rows, in file order, with their reasons in English and as data. */
  rejectedRows: RejectedRow[];
  /** Rows that repeat another row of the file (counted as unchanged). */
  duplicates: number;
  /** The latest update or extraction date the rows give. */
  releaseDate: string | null;
}

async function codeAliases(s: RawSession): Promise<CodeAliases> {
  const rows = await s.query<{ alias: string; measure: string; sub: string | null }>(
    'SELECT alias, measure_code AS measure, sub_measure_code AS sub FROM pnrr_code_aliases',
  );
  return new Map(rows.map((r) => [r.alias, { measure: r.measure, subMeasure: r.sub }]));
}

/**
 * Reads every record of the file in Node (domain/csvRecords.ts, then the kind's `read`) and copies
 * the rows that are right into the temporary table `norm` (rn, the kind's columns, row_hash) as
 * they are read: on PostgreSQL the server stores one chunk while Node reads the next. A record
 * whose fields do not fit the header is a rejected row, as the real national releases have a few;
 * the file is refused whole when more than one record in a hundred does not fit (or more than half
 * of the first thousand: no need to read the rest), or when only its last record is cut short.
 */
export async function loadNorm(
  s: RawSession,
  kind: RowKind,
  file: {
    /** The text, or its pieces in turn (read twice: a first look, then the reading proper). */
    text: () => string | Iterable<string>;
    /** The file's length in bytes, for the progress. */
    size: number;
    separator: string;
    columns: (string | null)[];
  },
  onProgress: (fraction: number) => void = () => undefined,
): Promise<Normalised> {
  const codes = await codeAliases(s);
  const index = new Map<string, number>();
  file.columns.forEach((c, i) => c !== null && !index.has(c) && index.set(c, i));
  let fields: string[] = [];
  const raw = (canonical: string) => {
    const i = index.get(canonical);
    return i === undefined ? null : fields[i]!;
  };
  const width = file.columns.length;
  const conventions = fileConventions(kind, file, index);
  const dates = new Set<string>();
  const rejected: RejectedRow[] = [];
  const reject = (row: number, problems: Problem[]) =>
    rejected.push({ row, reasons: problems.map(problemText), problems });
  let rejectedCount = 0;
  let rowsRead = 0;
  // Rows that describe the same thing (the kind's `sameThing`): the first stands, or the last.
  const rule = kind.sameThing;
  const seen = new Map<string, number>();
  const superseded: { row: number; key: string }[] = [];
  let duplicates = 0;
  // Records whose fields do not fit the header: rejected one by one while they are few.
  let misfits = 0;
  let firstMisfit: { number: number; fields: number } | null = null;
  let last: { number: number; fields: number } | null = null;

  const tooManyMisfits = () =>
    new CsvShapeError(
      `record ${firstMisfit!.number} has ${firstMisfit!.fields} fields, the header has ${width}, and ${misfits} of ${rowsRead} records do not fit the header`,
      firstMisfit!.number,
      'fileFieldCount',
      { fields: firstMisfit!.fields, width, misfits, records: rowsRead },
    );

  function* chunks(): Generator<string> {
    let chunk = '';
    let size = 0;
    for (const record of csvRecords(file.text(), file.separator)) {
      // A turn every 1,024 records, kept or not: a long run of repeated or rejected rows still
      // lets the server answer (and say how far it is) meanwhile. The chunk may be empty.
      if (size === 1024) {
        onProgress(Math.min(1, record.end / file.size));
        yield chunk;
        chunk = '';
        size = 0;
      }
      size++;
      rowsRead = record.number;
      fields = record.fields;
      last = { number: record.number, fields: fields.length };
      if (fields.length !== width) {
        misfits++;
        firstMisfit ??= last;
        // Most records so far do not fit: the file is not read right, whatever follows.
        if (rowsRead >= 1000 && misfits * 2 > rowsRead) throw tooManyMisfits();
        const problem: Problem = { code: 'fieldCount', fields: fields.length, width };
        if (rejectedCount++ < maxReportedRejections) reject(record.number, [problem]);
        continue;
      }
      // The extraction is the release's date; the files without one give the date of validation.
      const date = raw('extracted') || raw('updated');
      if (date) dates.add(date);
      const reading = kind.read(raw, codes, conventions);
      if (reading.problems.length > 0) {
        if (rejectedCount++ < maxReportedRejections) reject(record.number, reading.problems);
        continue;
      }
      if (rule) {
        const key = rule.key(reading.values);
        const before = seen.get(key);
        if (before !== undefined && rule.keep === 'first') {
          duplicates++;
          continue;
        }
        if (before !== undefined) superseded.push({ row: before, key });
        seen.set(key, record.number);
      }
      // Values come from the record's fields (or from codes): a plain record needs no escaping.
      const values = record.plain
        ? reading.values.map((v) => v ?? '\\N')
        : reading.values.map(copyValue);
      chunk += `${record.number}\t${values.join('\t')}\n`;
    }
    // A last record cut short, among records that fit, is a file cut short; records that do not
    // fit, past one in a hundred, are a file that is not read right (a separator inside unquoted
    // text throughout, a header with a column more). Either refuses the file: throwing here
    // cancels the COPY, and nothing is written.
    if (last && last.fields < width && (misfits - 1) * 100 <= rowsRead)
      throw new CsvShapeError(
        `the last record (${last.number}) has ${last.fields} fields, the header has ${width}: the file looks cut short`,
        last.number,
        'fileTruncated',
        { fields: last.fields, width },
      );
    if (misfits * 100 > rowsRead) throw tooManyMisfits();
    if (chunk) yield chunk;
  }

  const columns = kind.columns.map(([name]) => name);
  // Text compared byte by byte, as the codes of the tables it goes to (migration 0015): its keys
  // sort and join without strcoll.
  const typed = (t: string) => (t === 'text' ? 'text COLLATE "C"' : t);
  await s.query(
    `CREATE TEMP TABLE norm (rn int, ${kind.columns.map(([n, t]) => `${n} ${typed(t)}`).join(', ')},
       row_hash text COLLATE "C" GENERATED ALWAYS AS (${rowHashSql(kind)}) STORED) ON COMMIT DROP`,
  );
  try {
    await s.copyText('norm', ['rn', ...columns], chunks());
  } catch (error) {
    if (!(error instanceof CsvShapeError)) throw error;
    throw Invalid(
      'file',
      `the file cannot be read as a ${JSON.stringify(file.separator)}-separated CSV: ${error.message}`,
      error.code,
      {
        ...error.params,
        record: error.record,
        separator: separatorNames[file.separator] ?? file.separator,
      },
    );
  }
  if (superseded.length > 0)
    await s.query('DELETE FROM norm WHERE rn = ANY($1::int[])', [superseded.map((r) => r.row)]);
  if (rule?.reject) {
    for (const { row, key } of superseded) reject(row, [{ code: 'replaced', row: seen.get(key)! }]);
    rejectedCount += superseded.length;
    rejected.sort((a, b) => a.row - b.row);
  } else duplicates += superseded.length;
  // Statistics for the planner: without them it once compared 32,000 rows with 32,000 rows one
  // pair at a time. A small sample is enough for row counts and distinct keys.
  await s.query('SET LOCAL default_statistics_target = 10');
  await s.query('ANALYZE norm');
  await s.query('RESET default_statistics_target');
  return {
    rowsRead,
    rejected: rejectedCount,
    rejectedRows: rejected.slice(0, maxReportedRejections),
    duplicates,
    releaseDate: latestDate(dates),
  };
}

/** How many records `fileConventions` looks at. */
const conventionSample = 2000;

/** The conventions of the file, from the values of its first records (see FileConventions). */
function fileConventions(
  kind: RowKind,
  file: { text: () => string | Iterable<string>; separator: string; columns: unknown[] },
  index: Map<string, number>,
): FileConventions {
  const at = (kind.decimalsDecidedBy ?? []).map((c) => index.get(c)).filter((i) => i !== undefined);
  if (at.length === 0) return officialConventions;
  const samples: string[] = [];
  try {
    for (const record of csvRecords(file.text(), file.separator)) {
      if (record.number > conventionSample) break;
      // A record that does not fit the header is rejected: its shifted values decide nothing.
      if (record.fields.length !== file.columns.length) continue;
      for (const i of at) samples.push(record.fields[i] ?? '');
    }
  } catch (error) {
    // A file that cannot be read is refused by the reading proper, with the record.
    if (!(error instanceof CsvShapeError)) throw error;
  }
  return { decimal: decimalSeparator(samples) };
}

function latestDate(raws: Set<string>): string | null {
  let latest: string | null = null;
  for (const raw of raws) {
    const date = parseItalianDate(raw);
    if (date && (latest === null || date > latest)) latest = date;
  }
  return latest;
}
