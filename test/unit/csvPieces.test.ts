import { describe, expect, it } from 'vitest';
import { csvPieces, pieceEnds } from '../../src/domain/csvPieces.ts';
import type { CsvShapeError } from '../../src/domain/csvRecords.ts';
import { csvRecords } from '../../src/domain/csvRecords.ts';

/** A CSV with quoted fields that hold separators, doubled quotes and line ends (LF and CRLF). */
function sampleCsv(records: number): string {
  const lines = ['CUP;Titolo;Importo'];
  for (let i = 0; i < records; i++) {
    const title =
      i % 7 === 0
        ? `"Titolo su\npiù righe; con ""virgolette"" n. ${i}"`
        : i % 5 === 0
          ? `"Titolo; ${i}"`
          : `Titolo ${i}`;
    lines.push(`J51B21${String(i).padStart(9, '0')};${title};${i},50`);
  }
  return lines.join(records % 2 ? '\r\n' : '\n') + '\n';
}

describe('a large CSV read in pieces', () => {
  it('cuts only at line ends outside quoted fields, and loses no byte', () => {
    const bytes = Buffer.from(sampleCsv(500));
    for (const size of [1, 7, 64, 1000, 5000]) {
      const ends = pieceEnds(bytes, size);
      expect(ends.at(-1)).toBe(bytes.length);
      let start = 0;
      for (const end of ends) {
        const piece = bytes.subarray(start, end).toString();
        // Whole records: an even number of quotes, and a line end last (but for the last piece).
        expect((piece.match(/"/g) ?? []).length % 2).toBe(0);
        if (end < bytes.length) expect(piece.endsWith('\n')).toBe(true);
        start = end;
      }
      if (size < bytes.length) expect(ends.length).toBeGreaterThan(1);
    }
  });

  it('gives the records of the whole text, numbered and counted across the pieces', () => {
    for (const records of [0, 1, 40, 301]) {
      const text = sampleCsv(records);
      const whole = [...csvRecords(text, ';')];
      expect(whole).toHaveLength(records);
      for (const size of [1, 33, 400]) {
        const pieces = csvPieces(Buffer.from(text), size);
        const cut = [...csvRecords(pieces.texts(), ';')];
        expect(cut.map((r) => [r.number, r.fields])).toEqual(
          whole.map((r) => [r.number, r.fields]),
        );
        expect(cut.at(-1)?.end ?? 0).toBe(whole.at(-1)?.end ?? 0);
      }
    }
  });

  it('keeps cutting a file whose quote is never closed, and stops at the record that opened it', () => {
    const lines = ['CUP;Titolo'];
    for (let i = 0; i < 400; i++) lines.push(`J51B21${String(i).padStart(9, '0')};Titolo ${i}`);
    lines[120] = 'J51B21000000120;"Titolo mai chiuso';
    const bytes = Buffer.from(lines.join('\n') + '\n');
    const ends = pieceEnds(bytes, 500);
    // No piece grows past one line beyond its size, though every cut after record 119 is inside
    // the quote.
    let start = 0;
    for (const end of ends) {
      expect(end - start).toBeLessThanOrEqual(500 + 40);
      start = end;
    }
    const read = (source: string | Iterable<string>) => {
      try {
        for (const _ of csvRecords(source, ';'));
        return null;
      } catch (error) {
        return error as CsvShapeError;
      }
    };
    const whole = read(bytes.toString());
    const cut = read(csvPieces(bytes, 500).texts());
    expect(whole).toMatchObject({ code: 'fileUnclosedQuote', record: 120 });
    expect(cut).toMatchObject({ code: 'fileUnclosedQuote', record: 120 });
  });

  it('decodes every piece as windows-1252 when any of them is not UTF-8', () => {
    const head = Buffer.from('CUP;Titolo\n' + 'J51B21000000001;Città\n'.repeat(50), 'latin1');
    const pieces = csvPieces(Buffer.concat([head, Buffer.from([0x80, 0x0a])]), 100);
    expect(pieces.encoding).toBe('windows-1252');
    expect(pieces.count).toBeGreaterThan(5);
    const text = [...pieces.texts()].join('');
    expect(text.startsWith('CUP;Titolo\nJ51B21000000001;Città\n')).toBe(true);
    expect(text.endsWith('€\n')).toBe(true);
  });

  it('drops the byte order mark and says the file had one', () => {
    const pieces = csvPieces(Buffer.from('\uFEFFCUP;Titolo\nJ51B21000000001;Città\n'), 8);
    expect(pieces.encoding).toBe('utf-8-bom');
    expect([...pieces.texts()].join('')).toBe('CUP;Titolo\nJ51B21000000001;Città\n');
  });
});
