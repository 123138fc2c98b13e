/**
 * The records of a CSV text as PostgreSQL's `COPY … (FORMAT csv)` reads them: a `"` anywhere in a
 * field opens a quoted part, `""` inside it is one quote, and a quoted part may hold separators
 * and line ends. Lines end with `\n` or `\r\n`; blank lines are no records. Most lines of the
 * official files have no quote at all and are split natively; only quoted ones are walked.
 */

/** Why a text cannot be read as CSV, with the record where reading stopped. */
export class CsvShapeError extends Error {
  constructor(
    message: string,
    readonly record: number,
    readonly code: 'fileFieldCount' | 'fileUnclosedQuote' | 'fileTruncated',
    readonly params: Record<string, number> = {},
  ) {
    super(message);
  }
}

/** One record: its 1-based number among the data records, and its fields. */
export interface CsvRecord {
  number: number;
  fields: string[];
  /** No field holds a backslash, tab or line break (text that needs no escaping downstream). */
  plain: boolean;
  /** Where in the text (all the pieces before it counted) the record ends: how far reading has come. */
  end: number;
}

/**
 * The data records after the header (the first line): of one text, or of the pieces of a large
 * file (domain/csvPieces.ts) in turn, each ending with a whole record. Records are numbered, and
 * their `end` counted, across the pieces.
 */
export function* csvRecords(
  source: string | Iterable<string>,
  separator: string,
): Generator<CsvRecord> {
  let number = 0;
  let offset = 0;
  let header = true;
  for (const text of typeof source === 'string' ? [source] : source) {
    number = yield* pieceRecords(text, separator, header, number, offset);
    header = false;
    offset += text.length;
  }
}

/** The records of one text, numbered after `numberBefore`; returns the last number. */
function* pieceRecords(
  text: string,
  separator: string,
  header: boolean,
  numberBefore: number,
  offset: number,
): Generator<CsvRecord, number> {
  const length = text.length;
  const firstEnd = header ? text.indexOf('\n') : -1;
  let at = header ? (firstEnd === -1 ? length : firstEnd + 1) : 0;
  let number = numberBefore;
  while (at < length) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = length;
    let line = text.slice(at, end);
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    if (line.indexOf('"') === -1) {
      at = end + 1;
      if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '')) continue;
      yield {
        number: ++number,
        fields: line.split(separator),
        plain: !(separator === '\t' ? /[\\\r]/ : /[\\\t\r]/).test(line),
        end: offset + Math.min(at, length),
      };
      continue;
    }
    const quoted = readQuoted(text, at, separator, number + 1);
    at = quoted.next;
    yield { number: ++number, fields: quoted.fields, plain: false, end: offset + at };
  }
  return number;
}

/** A record with quotes, from `start` to its end (which may be lines further on). */
function readQuoted(text: string, start: number, separator: string, number: number) {
  const fields: string[] = [];
  let field = '';
  let at = start;
  let segment = start;
  for (;;) {
    const c = text.charCodeAt(at);
    if (at >= text.length || c === 10 || (c === 13 && text.charCodeAt(at + 1) === 10)) {
      fields.push(field + text.slice(segment, at));
      return { fields, next: at >= text.length ? at : at + (c === 13 ? 2 : 1) };
    }
    if (text[at] === separator) {
      fields.push(field + text.slice(segment, at));
      field = '';
      segment = ++at;
      continue;
    }
    if (c !== 34) {
      at++;
      continue;
    }
    // A quoted part: up to the quote that is not doubled.
    field += text.slice(segment, at);
    let inside = at + 1;
    for (;;) {
      const close = text.indexOf('"', inside);
      if (close === -1)
        throw new CsvShapeError(
          `record ${number} opens a quoted field that is never closed (a truncated file?)`,
          number,
          'fileUnclosedQuote',
        );
      field += text.slice(inside, close);
      if (text.charCodeAt(close + 1) === 34) {
        field += '"';
        inside = close + 2;
        continue;
      }
      at = segment = close + 1;
      break;
    }
  }
}
