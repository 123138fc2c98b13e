/**
 * Numbers, dates and codes as the PNRR open-data releases write them (reference-data/SOURCES.md
 * §3). Two conventions for amounts live side by side, and a parser must be picked per column:
 *
 * - decimal comma, dot for thousands — `parseItalianAmount`: the 2023 ReGiS files
 *   (PNRR_Progetti_*, `Finanziamento …`: `121992,00`), the 2025 quadro finanziario
 *   `importo_totale` (` 600.000.000,00 `, `900000000,00`), the indicator and milestone values
 *   (`valore_programmato` `1.107.107,00`), the 2023 QuadroFin `Importo Totale`;
 * - decimal point, no thousands separator — `parseDecimalPointAmount`: the 2025 payments file
 *   (pnrr_pagamenti_progetti_*, every amount: `1360004.74`), the 2025 quadro finanziario
 *   `importo_progetti_in_essere` / `importo_progetti_nuovi`, the climate/digital tagging amounts.
 *
 * The two cannot be told apart value by value: `1.234` is 1234 € in the first, 1.234 € in the
 * second.
 */

export interface Parsed<T> {
  /** null when the value is missing or unreadable; `problem` tells which. */
  value: T | null;
  /** Why the value could not be read, in English for an import report; null when it could. */
  problem: string | null;
}

// How the releases and the spreadsheets they pass through write "no value".
const missingMarkers = new Set(['', '-', '–', '—', 'n/d', 'n/a', 'n.d.', 'n.a.', 'nd', 'na']);

/** Empty, `N/D`, `N/A`, `n.d.`, `-`: no value (which is not zero). */
export function isMissingValue(raw: string | null | undefined): boolean {
  return missingMarkers.has((raw ?? '').trim().toLowerCase());
}

const missing: Parsed<never> = { value: null, problem: null };
const unreadable = (problem: string): Parsed<never> => ({ value: null, problem });

/** `-0,00` is zero. */
function toNumber(text: string): number {
  const value = Number(text);
  return value === 0 ? 0 : value;
}

// Thousands in groups of three (1.234.567) or no grouping at all (1234567), then a decimal comma.
const italianShape = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;

/** `114.000.000`, `67100,00`, ` 600.000.000,00 `, `1.234,5`, `-12,30` → their value in euro. */
export function parseItalianAmount(raw: string | null | undefined): Parsed<number> {
  return asNumber(readItalianAmount(raw));
}

/**
 * The same reading as exact decimal text (`114.000.000` → `114000000.0`, `-12,30` → `-12.30`),
 * for the database: no binary fraction on the way.
 */
export function readItalianAmount(raw: string | null | undefined): Parsed<string> {
  const text = (raw ?? '').trim();
  const plain = plainDecimal(text);
  if (plain !== null) return { value: plain, problem: null };
  const match = italianShape.exec(text);
  if (match) {
    const [, sign, whole, decimals] = match;
    return { value: `${sign}${whole!.replace(/\./g, '')}.${decimals ?? '0'}`, problem: null };
  }
  if (isMissingValue(text)) return missing;
  if (/^[+-]?\d+\.\d+$/.test(text))
    return unreadable(
      `"${text}" is not an Italian amount: the dot separates thousands in groups of three ` +
        '(is this a decimal point?)',
    );
  if ((text.match(/,/g) ?? []).length > 1)
    return unreadable(`"${text}" is not an amount: it has more than one decimal comma`);
  return unreadable(`"${text}" is not an amount`);
}

/**
 * The shape most amounts of a release have, digits with an optional decimal comma and no sign or
 * grouping (`67100,00`, `0`), read as `italianShape` reads it without a regular expression: the
 * national files have millions of them. Null for any other shape.
 */
function plainDecimal(text: string): string | null {
  let comma = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c !== 44 || comma !== -1 || i === 0) return null;
    comma = i;
  }
  if (text.length === 0 || comma === text.length - 1) return null;
  return comma === -1 ? `${text}.0` : `${text.slice(0, comma)}.${text.slice(comma + 1)}`;
}

const decimalPointShape = /^[+-]?\d+(?:\.\d+)?$/;

/** `3300000`, `1360004.74`, `-12.3` (the 2025 payments file) → their value in euro. */
export function parseDecimalPointAmount(raw: string | null | undefined): Parsed<number> {
  return asNumber(readDecimalPointAmount(raw));
}

/** The same reading as exact decimal text. */
export function readDecimalPointAmount(raw: string | null | undefined): Parsed<string> {
  const text = (raw ?? '').trim();
  if (isMissingValue(text)) return missing;
  if (decimalPointShape.test(text)) return { value: text, problem: null };
  if (text.includes(','))
    return unreadable(`"${text}" is not an amount with a decimal point: it has a comma`);
  return unreadable(`"${text}" is not an amount`);
}

function asNumber(parsed: Parsed<string>): Parsed<number> {
  return parsed.value === null
    ? { value: null, problem: parsed.problem }
    : { value: toNumber(parsed.value), problem: null };
}

/**
 * Decimal text (`-1234.5678`) rounded to `scale` digits after the point, half away from zero, as
 * PostgreSQL rounds into `numeric(precision, scale)`: `1234.57` for scale 2. Null when the
 * number has more whole digits than the column holds.
 */
export function roundDecimal(text: string, scale: number, precision: number): string | null {
  const negative = text.charCodeAt(0) === 45;
  const start = negative || text.charCodeAt(0) === 43 ? 1 : 0;
  const point = text.indexOf('.', start);
  const whole = point === -1 ? text.slice(start) : text.slice(start, point);
  const fraction = point === -1 ? '' : text.slice(point + 1);
  // Most amounts need no rounding: padded with zeros, as they are.
  if (
    fraction.length <= scale &&
    whole.length > 0 &&
    whole.length <= precision - scale &&
    (whole.charCodeAt(0) !== 48 || whole.length === 1)
  ) {
    const digits = scale === 0 ? whole : `${whole}.${fraction.padEnd(scale, '0')}`;
    return negative && !(whole === '0' && !/[1-9]/.test(fraction)) ? `-${digits}` : digits;
  }
  const digits = (fraction + '0'.repeat(scale + 1)).slice(0, scale + 1);
  let units = BigInt(`${whole || '0'}${digits.slice(0, scale)}`);
  if (digits.charCodeAt(scale) >= 53) units += 1n;
  const written = units.toString().padStart(scale + 1, '0');
  const integer = written.slice(0, written.length - scale);
  if (integer.length > precision - scale && integer !== '0') return null;
  const sign = negative && units !== 0n ? '-' : '';
  return scale === 0 ? `${sign}${integer}` : `${sign}${integer}.${written.slice(-scale)}`;
}

/** Decimal text divided by 100, exactly (`50` → `0.50`): a percentage as a share. */
export function hundredth(text: string): string {
  const negative = text.startsWith('-') ? '-' : '';
  const [whole = '', fraction = ''] = text.replace(/^[+-]/, '').split('.');
  const padded = whole.padStart(3, '0');
  return `${negative}${padded.slice(0, -2)}.${padded.slice(-2)}${fraction}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function readDate(raw: string | null | undefined): Parsed<string> {
  const text = (raw ?? '').trim();
  if (isMissingValue(text)) return missing;
  // dd/mm/yyyy in the ReGiS files; yyyy-mm-dd in the 2025 tables (`data_di_estrazione`).
  const italian = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [day, month, year] = italian
    ? [italian[1], italian[2], italian[3]]
    : iso
      ? [iso[3], iso[2], iso[1]]
      : [];
  if (day === undefined || month === undefined || year === undefined)
    return unreadable(`"${text}" is not a date written dd/mm/yyyy`);
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m))
    return unreadable(`"${text}" is not a day of the calendar`);
  return { value: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`, problem: null };
}

/** `21/02/2023` → `2023-02-21`; null when missing (`N/D`) or not a real day (`31/02/2023`). */
export function parseItalianDate(raw: string | null | undefined): string | null {
  return readDate(raw).value;
}

/** Why a date cannot be read, for an import report; null when it can or is simply missing. */
export function italianDateProblem(raw: string | null | undefined): string | null {
  return readDate(raw).problem;
}

/**
 * Codes whose leading zeros come and go between releases (`CUP Codice Natura` 2 vs 02, comune
 * 15 vs 015): digits are padded to `width`, never cut; other codes are kept as written.
 */
export function padCode(raw: string | null | undefined, width: number): string | null {
  const text = (raw ?? '').trim();
  if (isMissingValue(text)) return null;
  return /^\d+$/.test(text) ? text.padStart(width, '0') : text;
}
