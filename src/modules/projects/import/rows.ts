import { normalisePnrrCode } from '../../../domain/pnrrCode.ts';
import {
  isMissingValue,
  parseItalianDate,
  readDecimalPointAmount,
  readItalianAmount,
  roundDecimal,
} from '../../../domain/italianNumbers.ts';

/**
 * How one kind of file becomes rows of the database: each record of the file is read in Node
 * into typed values (or the reasons it is rejected), and the values are copied into a temporary
 * table `norm` for the set-based steps (what is new, changed, gone) that follow in SQL.
 */

/** The raw value of a column of the current record; null when the file has no such column. */
export type Raw = (canonical: string) => string | null;

/** A value as the database writes it as text (`1234.50`, `2023-02-24`), or null. */
export type Value = string | null;

/**
 * Why a row is rejected, as data: the web page says it in the reader's language, the report and
 * the CLI in English (`problemText`). `column` is the file's own column name, `value` what the row
 * had there (cut to 40 characters).
 */
export type Problem =
  | { code: 'cup'; value: string }
  | { code: 'empty'; column: string }
  | {
      code: 'amount' | 'pointAmount' | 'number' | 'tooLarge' | 'date';
      column: string;
      value: string;
    }
  | { code: 'region' | 'province' | 'comune'; column: string; value: string }
  | { code: 'taxCodeMasked' }
  | { code: 'taxCode'; value: string }
  | { code: 'replaced'; row: number }
  | { code: 'fieldCount'; fields: number; width: number };

/** A problem in English, as import reports have always said it. */
export function problemText(p: Problem): string {
  switch (p.code) {
    case 'cup':
      return `CUP "${p.value}" is not 15 letters and digits`;
    case 'empty':
      return `${p.column} is empty`;
    case 'amount':
      return `${p.column} "${p.value}" is not an amount`;
    case 'pointAmount':
      return `${p.column} "${p.value}" is not an amount with a decimal point`;
    case 'number':
      return `${p.column} "${p.value}" is not a number`;
    case 'tooLarge':
      return `${p.column} "${p.value}" is too large`;
    case 'date':
      return `${p.column} "${p.value}" is not a dd/mm/yyyy date`;
    case 'region':
    case 'province':
    case 'comune':
      return `${p.column} "${p.value}" is not a ${p.code === 'comune' ? 'municipality' : p.code} code`;
    case 'taxCodeMasked':
      return 'Codice fiscale is masked in the release (a natural person): the subject cannot be identified';
    case 'taxCode':
      return `Codice fiscale "${p.value}" is neither 11 digits nor 16 characters`;
    case 'replaced':
      return `same CUP, Codice Locale Progetto and sub-measure as row ${p.row}, which replaces this one`;
    case 'fieldCount':
      return `the row has ${p.fields} fields, the header has ${p.width}`;
  }
}

/** A column the row leaves empty. */
export const empty = (column: string): Problem => ({ code: 'empty', column });

/** What a row held, as a problem quotes it. */
export const quoted = (raw: string | null, length = 40) => (raw ?? '').slice(0, length);

export interface RowReading {
  values: Value[];
  problems: Problem[];
}

/**
 * What releases of one kind write in different ways and one file writes in one way, decided from
 * the file's first records before its rows are read (`decimalSeparator`).
 */
export interface FileConventions {
  /** The decimal separator of the amounts of `RowKind.decimalsDecidedBy`. */
  decimal: 'comma' | 'point';
}

export const officialConventions: FileConventions = { decimal: 'comma' };

export interface RowKind {
  /** The columns of `norm` after `rn`, with their SQL types, in the order `read` gives values. */
  columns: readonly (readonly [name: string, type: string])[];
  /** The columns whose values make the row's hash (all of them when absent). */
  hashed?: readonly string[];
  /**
   * Amount columns whose decimal separator changes between releases (the payments: a comma in
   * the official files, a point in a converted copy): their values decide `FileConventions`.
   */
  decimalsDecidedBy?: readonly string[];
  read(raw: Raw, codes: CodeAliases, file: FileConventions): RowReading;
  /**
   * Rows of one file that describe the same thing: the key, and which row stands. With `reject`,
   * the others are rejected with that reason; otherwise they are counted as unchanged.
   */
  sameThing?: {
    key(values: Value[]): string;
    keep: 'first' | 'last';
    reject?: boolean;
  };
}

/**
 * PNRR codes as the releases write them → canonical codes (table pnrr_code_aliases), and the codes
 * of the file being read as they are resolved (null: not a PNRR code).
 */
export type CodeAliases = Map<string, { measure: string; subMeasure: string | null } | null>;

/**
 * The SQL that hashes a row: md5 of its values as text, joined by U+001F, U+001E for a null, a
 * date as its days from 2000-01-01 (a date's text depends on DateStyle, its number does not).
 * Immutable, so `norm` computes it as a generated column while the rows are copied in; migration
 * 0008 wrote the same over the stored rows.
 */
export function rowHashSql(kind: RowKind, prefix = ''): string {
  const types = new Map(kind.columns);
  const parts = (kind.hashed ?? kind.columns.map(([name]) => name)).map((name) => {
    const value =
      types.get(name) === 'date'
        ? `(${prefix}${name} - DATE '2000-01-01')::text`
        : `${prefix}${name}::text`;
    return `coalesce(${value}, E'\\x1e')`;
  });
  return `md5(${parts.join(` || E'\\x1f' || `)})`;
}

const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value for COPY's text format. */
export function copyValue(value: Value): string {
  if (value === null) return '\\N';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 92 || c === 9 || c === 10 || c === 13)
      return value.replace(/[\\\t\n\r]/g, (e) => escapes[e]!);
  }
  return value;
}

/**
 * The decimal separator amounts are written with, from a sample of them: a comma anywhere, or
 * nothing telling (integers, `1.234.567`), is the official Italian way; a point that cannot be a
 * thousands separator (`1360004.74`, `12.5`) is a decimal point.
 */
export function decimalSeparator(samples: Iterable<string>): FileConventions['decimal'] {
  let point = false;
  for (const raw of samples) {
    const t = raw.trim();
    if (t.includes(',')) return 'comma';
    if (/^[+-]?\d+\.\d+$/.test(t) && !/^[+-]?\d{1,3}(\.\d{3})+$/.test(t)) point = true;
  }
  return point ? 'point' : 'comma';
}

// ——— readers of the values of the releases, each with the problem it reports ———

export const trimmed = (raw: string | null) => (raw ?? '').trim();

/** Trimmed text; null when empty or N/D, N/A. */
export function text(raw: string | null): Value {
  const t = trimmed(raw);
  return t === '' || t === 'N/D' || t === 'N/A' ? null : t;
}

/** CUP: upper-cased, since some releases write it in lower case. */
export const cup = (raw: string | null) => trimmed(raw).toUpperCase();

// 15 letters and digits (DIPE, Codice Unico di Progetto).
export const cupProblem = (raw: string | null): Problem | null =>
  /^[A-Z0-9]{15}$/.test(cup(raw)) ? null : { code: 'cup', value: quoted(raw) };

/**
 * What every release row starts from: the project's CUP and codice locale progetto, with what is
 * wrong with them.
 */
export function projectKey(raw: Raw): { cup: string; localCode: string; problems: Problem[] } {
  const localCode = trimmed(raw('local_code'));
  return {
    cup: cup(raw('cup')),
    localCode,
    problems: problems(cupProblem(raw('cup')), localCode === '' && empty('Codice Locale Progetto')),
  };
}

/** A numeric code whose leading zeros come and go: "15" and "015" are the same province. */
export function paddedCode(raw: string | null, width: number): Value {
  const t = trimmed(raw);
  if (t === '') return null;
  return /^[0-9]+$/.test(t) ? t.padStart(width, '0') : t;
}

/** Tax codes: a company's 11 digits lose leading zeros in spreadsheets; people's are 16 characters. */
export function taxCode(raw: string | null): Value {
  const t = trimmed(raw);
  if (t === '') return null;
  return /^[0-9]{1,11}$/.test(t) ? t.padStart(11, '0') : t.toUpperCase();
}

type Amount = { value: Value; problem: Problem | null };
const noAmount: Amount = { value: null, problem: null };

function amount(
  read: typeof readItalianAmount,
  raw: string | null,
  column: string,
  scale: number,
  precision: number,
  code: 'amount' | 'pointAmount' | 'number',
): Amount {
  if (raw === null || raw === '') return noAmount;
  const parsed = read(raw);
  if (parsed.value === null)
    return {
      value: null,
      problem: parsed.problem ? { code, column, value: quoted(raw) } : null,
    };
  const value = roundDecimal(parsed.value, scale, precision);
  return value === null
    ? { value, problem: { code: 'tooLarge', column, value: quoted(raw) } }
    : { value, problem: null };
}

/** An amount in euro as the 2023 releases write it (`1.234,56`), for numeric(16,2). */
export const euro = (raw: string | null, column: string) =>
  amount(readItalianAmount, raw, column, 2, 16, 'amount');

/** An amount with a decimal point (the 2025 payments), for numeric(16,2). */
export const pointEuro = (raw: string | null, column: string) =>
  amount(readDecimalPointAmount, raw, column, 2, 16, 'pointAmount');

/** A quantity with a decimal comma (indicator values), for numeric(20,4). */
export const quantity = (raw: string | null, column: string) =>
  amount(readItalianAmount, raw, column, 4, 20, 'number');

const dates = new Map<string, Value>();

/**
 * A date written dd/mm/yyyy (or yyyy-mm-dd); null when missing or not a day of the calendar. A
 * release has few distinct dates over its rows: each is read once and remembered.
 */
export function date(raw: string | null): Value {
  if (raw === null) return null;
  let value = dates.get(raw);
  if (value === undefined) {
    if (dates.size > 10_000) dates.clear();
    value = parseItalianDate(raw);
    dates.set(raw, value);
  }
  return value;
}

export const blank = (raw: string | null) => isMissingValue(raw);

/**
 * A PNRR code as canonical codes: the alias table built from the official framework first (codes
 * that follow no rule), then the rule of domain/pnrrCode.ts. Null for a blank code or one that
 * is not shaped like a PNRR code.
 */
export function pnrrCode(
  raw: string | null,
  codes: CodeAliases,
): { measure: string; subMeasure: string | null } | null {
  if (raw === null || raw === '') return null;
  // A release repeats a few hundred codes over its rows: each is resolved once, then remembered.
  const known = codes.get(raw);
  if (known !== undefined) return known;
  const t = raw.trim().toUpperCase();
  const ref = normalisePnrrCode(t);
  const resolved =
    t === ''
      ? null
      : (codes.get(t) ?? (ref && { measure: ref.measureCode, subMeasure: ref.subMeasureCode }));
  codes.set(raw, resolved);
  return resolved;
}

/**
 * The code of a sub-measure column: canonical when it is a PNRR code (the measure's own code when
 * it names the measure), the text upper-cased when it is not, '' when blank.
 */
export function subMeasureCode(raw: string | null, codes: CodeAliases): string {
  const ref = pnrrCode(raw, codes);
  return ref ? (ref.subMeasure ?? ref.measure) : trimmed(raw).toUpperCase();
}

/** The first value the file gives (an empty field is no value). */
export const first = (...raws: (string | null)[]): string | null =>
  raws.find((r) => r !== null && r !== '') ?? null;

/** The problems of a row: the checks that found one. */
export const problems = (...checks: (Problem | null | undefined | false)[]): Problem[] =>
  checks.filter((c): c is Problem => typeof c === 'object' && c !== null);
