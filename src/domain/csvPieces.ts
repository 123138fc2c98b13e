import { decodeAs, textEncoding, type TextEncoding } from './csvHeaders.ts';

/**
 * A CSV file too large to be one string: V8 holds at most about 512 million characters in one,
 * and the national PNRR_Soggetti release is 674 MB. The bytes are cut into pieces that each end
 * with a whole record (at a line end outside any quoted part), and each piece is decoded only when
 * it is read, so that the whole text never sits in memory at once.
 */
export interface CsvPieces {
  encoding: TextEncoding;
  /** The number of pieces (1 for any file up to `pieceBytes`). */
  count: number;
  /** The decoded text of each piece in turn; the first begins with the header. */
  texts(): Generator<string>;
}

/** 64 MiB: a piece's text (up to twice that in UTF-16) is cheap to hold, and few pieces are cut. */
export const defaultPieceBytes = 64 * 1024 * 1024;

const newline = 0x0a;
const quote = 0x22;

/**
 * Where the pieces of `bytes` end: at the first line end past every `pieceBytes` where an even
 * number of quotes precede it (COPY's reading of CSV: every quote opens or closes a quoted part,
 * a doubled quote closes and opens again). The last piece ends at the end of the bytes. When a
 * quote is never closed (a truncated file) the rest is cut at any line end: reading then stops at
 * the record that opened it, with that record's number, and no piece outgrows a string.
 */
export function pieceEnds(bytes: Uint8Array, pieceBytes = defaultPieceBytes): number[] {
  const ends: number[] = [];
  let start = 0;
  let unclosed = false;
  while (bytes.length - start > pieceBytes) {
    const past = start + pieceBytes;
    let cut = unclosed ? -1 : evenCut(bytes, start, past);
    if (cut === -1) {
      // A quote never closed: the rest is cut at line ends, whatever the quotes.
      unclosed = true;
      const lineEnd = bytes.indexOf(newline, past);
      cut = lineEnd === -1 ? -1 : lineEnd + 1;
    }
    if (cut === -1 || cut >= bytes.length) break;
    ends.push(cut);
    start = cut;
  }
  ends.push(bytes.length);
  return ends;
}

/**
 * Just past the first line end at or after `past` with an even number of quotes since `start`,
 * or -1 when there is none (a quote is never closed). Each byte is looked at once.
 */
function evenCut(bytes: Uint8Array, start: number, past: number): number {
  let inside = quotesBetween(bytes, start, past) % 2 === 1;
  for (let at = past; ;) {
    const lineEnd = bytes.indexOf(newline, at);
    if (lineEnd === -1) return -1;
    if (quotesBetween(bytes, at, lineEnd) % 2 === 1) inside = !inside;
    if (!inside) return lineEnd + 1;
    at = lineEnd + 1;
  }
}

/** The quotes in bytes[from, to): only that span is searched. */
function quotesBetween(bytes: Uint8Array, from: number, to: number): number {
  const span = bytes.subarray(from, to);
  let count = 0;
  for (let at = span.indexOf(quote); at !== -1; at = span.indexOf(quote, at + 1)) count++;
  return count;
}

/** The pieces of a file's bytes, in UTF-8 when all of them are valid UTF-8, else windows-1252. */
export function csvPieces(bytes: Uint8Array, pieceBytes = defaultPieceBytes): CsvPieces {
  const { encoding, body } = textEncoding(bytes);
  const ends = pieceEnds(body, pieceBytes);
  const decode = (piece: Uint8Array) => decodeAs(piece, encoding);
  // The first piece is read three times (header, conventions, rows): decoded once.
  let first: string | undefined;
  return {
    encoding,
    count: ends.length,
    *texts() {
      first ??= decode(body.subarray(0, ends[0]));
      yield first;
      for (let i = 1; i < ends.length; i++) yield decode(body.subarray(ends[i - 1], ends[i]));
    },
  };
}
