/**
 * Reading the files of releases whose form changes: headers renamed between releases
 * (`Codice Univoco Submisura` in one, `Codice Univoco submisura` in the next,
 * `codice_univoco_submisura` once converted), `;` or `,`, UTF-8 with or without BOM, or
 * windows-1252 from a spreadsheet.
 */

import { isUtf8 } from 'node:buffer';

/**
 * How headers are compared: without BOM, accents and case, and with every run of characters
 * that are not letters or digits read as one space. Besides `_`, `-` and spaces that covers
 * the brackets and dots that snake_case conversions drop ("Finanziamento UE (diverso da PNRR)"
 * is `finanziamento_ue_diverso_da_pnrr`).
 */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export interface HeaderMapping<C extends string> {
  /** The canonical name of each column, in file order; null for a column not mapped. */
  columns: (C | null)[];
  /** Canonical names no column maps to. */
  missing: C[];
  /** Headers that match no canonical name (empty headers are left out). */
  unknown: string[];
  /** Headers that match a canonical name an earlier column already took. */
  duplicated: string[];
}

// A typo is tolerated only in long names: among short ones a letter makes another word
// (missione / missioni, anno / anni).
const typoMinLength = 9;

function synonymIndex<C extends string>(synonyms: Readonly<Record<C, readonly string[]>>) {
  const index = new Map<string, C>();
  for (const canonical of Object.keys(synonyms) as C[])
    for (const name of synonyms[canonical]) {
      const key = normaliseHeader(name);
      const other = index.get(key);
      if (other !== undefined && other !== canonical)
        throw new RangeError(`"${name}" is a synonym of both ${other} and ${canonical}`);
      if (key !== '') index.set(key, canonical);
    }
  return index;
}

/** The one canonical name within one typo of `name`; null when none or several are. */
function closeMatch<C extends string>(name: string, index: ReadonlyMap<string, C>): C | null {
  if (name.length < typoMinLength) return null;
  const near = new Set<C>();
  for (const [synonym, canonical] of index)
    if (
      synonym.length >= typoMinLength &&
      Math.abs(synonym.length - name.length) <= 1 &&
      levenshtein(synonym, name) <= 1
    )
      near.add(canonical);
  return near.size === 1 ? [...near][0]! : null;
}

/**
 * Maps a file's headers to canonical names. A header matches a canonical name when it equals
 * one of its synonyms once both are normalised ({@link normaliseHeader}); failing that, when it
 * is one typo away (Levenshtein distance 1) from a synonym, if both are longer than 8 characters
 * and no other canonical name is as close. The first column to match a name takes it. The same
 * synonym under two canonical names is a mistake in the table: a RangeError.
 */
export function mapHeaders<C extends string>(
  headers: readonly string[],
  synonyms: Readonly<Record<C, readonly string[]>>,
): HeaderMapping<C> {
  const index = synonymIndex(synonyms);
  const names = headers.map(normaliseHeader);
  const columns: (C | null)[] = names.map((name) => index.get(name) ?? null);
  const taken = new Set<C>();
  const duplicates = new Set<number>();
  columns.forEach((canonical, i) => {
    if (canonical === null) return;
    if (taken.has(canonical)) {
      columns[i] = null;
      duplicates.add(i);
    } else taken.add(canonical);
  });

  const unknown: string[] = [];
  names.forEach((name, i) => {
    if (columns[i] !== null || name === '' || duplicates.has(i)) return;
    const close = closeMatch(name, index);
    // A near name whose canonical is already taken is another column, not a typo of it.
    if (close !== null && !taken.has(close)) {
      columns[i] = close;
      taken.add(close);
    } else unknown.push(readable(headers[i]!));
  });

  const missing = (Object.keys(synonyms) as C[]).filter((c) => !taken.has(c));
  const duplicated = [...duplicates].map((i) => readable(headers[i]!));
  return { columns, missing, unknown, duplicated };
}

const readable = (header: string): string => header.replace(/^\uFEFF/, '').trim();

/**
 * The field separator of a CSV file from its header line: the one of `;`, `\t`, `,` that occurs
 * most often outside double quotes; null when none does. On a tie `;` wins, then tab: in Italian
 * files a comma is more often inside a value than between two.
 */
export function detectSeparator(firstLine: string): ';' | ',' | '\t' | null {
  const counts = { ';': 0, '\t': 0, ',': 0 };
  let quoted = false;
  for (const char of firstLine.replace(/^\uFEFF/, '')) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ';' || char === '\t' || char === ',')) counts[char]++;
  }
  const best = (Object.keys(counts) as (keyof typeof counts)[]).reduce((a, b) =>
    counts[b] > counts[a] ? b : a,
  );
  return counts[best] > 0 ? best : null;
}

const sniffLength = 64 * 1024;

/** A format a release is sometimes sent in instead of CSV, told by its first bytes. */
export type NotCsvFormat = 'XLSX' | 'ODS' | 'XLS' | 'ZIP' | 'GZIP' | 'PDF';

const startsWith = (bytes: Uint8Array, ...prefix: number[]) =>
  prefix.every((byte, i) => bytes[i] === byte);

/**
 * What a binary file is, when it is one a user may send by mistake: a spreadsheet (XLSX, ODS,
 * XLS), an archive (ZIP, GZIP), a PDF. An XLSX or ODS is a ZIP whose first entries name the
 * workbook ("xl/…") or the OpenDocument spreadsheet type. Null for anything else.
 */
export function notCsvFormat(bytes: Uint8Array): NotCsvFormat | null {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'PDF';
  if (startsWith(bytes, 0x1f, 0x8b)) return 'GZIP';
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'XLS';
  if (!startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return null;
  const names = new TextDecoder('latin1').decode(bytes.subarray(0, sniffLength));
  if (names.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ODS';
  if (/xl\/(workbook|worksheets|styles|sharedStrings)/.test(names)) return 'XLSX';
  return 'ZIP';
}

/**
 * Whether bytes look like something other than text (a spreadsheet, a PDF, a zip): a NUL byte,
 * or more than one control character in ten, in the first 64 KB. Tab, line feed, form feed and
 * carriage return are text. UTF-16 text has NULs, so it reads as binary too.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, sniffLength);
  if (sample.length === 0) return false;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if ((byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(byte)) || byte === 0x7f) control++;
  }
  return control / sample.length > 0.1;
}

// WHATWG windows-1252 for bytes 0x80–0x9F. Node from 20.18.3 / 22.13.0 decodes windows-1252 as
// Latin-1, leaving these bytes as C1 controls (nodejs/node#60888): 0x80 must be €, 0x92 ’.
const windows1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => windows1252High[c.charCodeAt(0) - 0x80]!);
}

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

/**
 * How a file's bytes are encoded: UTF-8 (with or without its byte order mark) when they are valid
 * UTF-8, windows-1252 otherwise; `body` is the bytes without the mark.
 */
export function textEncoding(bytes: Uint8Array): { encoding: TextEncoding; body: Uint8Array } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const encoding = isUtf8(body) ? (bom ? 'utf-8-bom' : 'utf-8') : 'windows-1252';
  return { encoding, body };
}

/** Bytes (a whole file, or a piece cut at a line end) as text in the encoding of their file. */
export function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  return encoding === 'windows-1252'
    ? decodeWindows1252(bytes)
    : new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** The text of a file (see `textEncoding`), without its byte order mark. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const { encoding, body } = textEncoding(bytes);
  return { text: decodeAs(body, encoding), encoding };
}
