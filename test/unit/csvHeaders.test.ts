import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeText,
  detectSeparator,
  levenshtein,
  looksBinary,
  notCsvFormat,
  mapHeaders,
  normaliseHeader,
} from '../../src/domain/csvHeaders.ts';

const root = new URL('../../reference-data/pnrr/', import.meta.url);
const bytesOf = (file: string) => new Uint8Array(readFileSync(new URL(file, root)));
const headerOf = (file: string) => decodeText(bytesOf(file)).text.split(/\r?\n/, 1)[0]!;

/** The localisation columns an importer needs, under the names two releases gave them. */
const localisation = {
  subMeasureCode: ['Codice Univoco Submisura'],
  cup: ['CUP'],
  localCode: ['Codice Locale Progetto'],
  regionCode: ['Codice Regione', 'Regione'],
  provinceCode: ['Codice Provincia', 'Provincia'],
  comuneCode: ['Codice Comune', 'Comune'],
  comuneName: ['Descrizione Comune'],
  postcode: ['Cap'],
  date: ['Data di aggiornamento', 'Data di Estrazione'],
};

const funding = {
  pnrr: ['Finanziamento PNRR'],
  pnc: ['Finanziamento PNC'],
  total: ['Finanziamento Totale'],
  state: ['Finanziamento - Stato'],
  euOther: ['Finanziamento UE (diverso da PNRR)'],
};

describe('headers are compared without BOM, case, accents and punctuation', () => {
  it('folds what releases change between them', () => {
    expect(normaliseHeader('\uFEFFCodice Univoco Submisura')).toBe('codice univoco submisura');
    expect(normaliseHeader('  Codice  univoco\tsubmisura ')).toBe('codice univoco submisura');
    expect(normaliseHeader('codice_univoco-submisura')).toBe('codice univoco submisura');
    expect(normaliseHeader('Città Metropolitana')).toBe('citta metropolitana');
    expect(normaliseHeader('Finanziamento UE (diverso da PNRR)')).toBe(
      'finanziamento ue diverso da pnrr',
    );
    expect(normaliseHeader('Finanziamento - Stato')).toBe('finanziamento stato');
  });

  it('measures typos as single edits', () => {
    expect(levenshtein('submisura', 'submisura')).toBe(0);
    expect(levenshtein('submisura', 'submisra')).toBe(1);
    expect(levenshtein('pnrr', 'pnc')).toBe(2);
    expect(levenshtein('', 'abc')).toBe(3);
  });
});

describe('mapping the headers of a release', () => {
  it('maps the validated localisation file (Feb 2023)', () => {
    const mapping = mapHeaders(
      headerOf('PNRR_Localizzazione_MI_validati_2023-02.csv').split(';'),
      localisation,
    );
    expect(mapping.columns).toEqual([
      'subMeasureCode',
      null,
      'cup',
      'localCode',
      'regionCode',
      null,
      'provinceCode',
      null,
      'comuneCode',
      'comuneName',
      null,
      'postcode',
      'date',
    ]);
    expect(mapping.missing).toEqual([]);
    expect(mapping.unknown).toEqual([
      'Descrizione Submisura',
      'Descrizione Regione',
      'Descrizione Provincia',
      'Indirizzo',
    ]);
  });

  it('maps the "universo" file of the next month to the same names, though its headers differ', () => {
    const header = headerOf('PNRR_Localizzazione_MI_universo_2023-03.csv');
    expect(header).toContain('Codice Univoco submisura;');
    expect(header).toContain(';Comune;');
    const mapping = mapHeaders(header.split(';'), localisation);
    expect(mapping.missing).toEqual([]);
    expect(mapping.columns.filter((c) => c !== null)).toHaveLength(9);
  });

  it('maps the snake_case names of the 2025 tables to the Title Case ones of 2023', () => {
    const mapping = mapHeaders(headerOf('pnrr_pagamenti_progetti_MI_2025-03.csv').split(';'), {
      ...funding,
      cup: ['CUP'],
      subMeasureCode: ['Codice Univoco Submisura'],
    });
    expect(mapping.columns.slice(0, 6)).toEqual([
      'subMeasureCode',
      null,
      'cup',
      null,
      'total',
      'pnrr',
    ]);
    expect(mapping.missing).toEqual(['pnc', 'state', 'euOther']);
  });

  it('maps headers with brackets and dashes to their snake_case form', () => {
    const mapping = mapHeaders(
      ['finanziamento_stato', 'finanziamento_ue_diverso_da_pnrr'],
      funding,
    );
    expect(mapping.columns).toEqual(['state', 'euOther']);
  });

  it('lists the canonical names no column gives', () => {
    const mapping = mapHeaders(['CUP', 'Codice Comune'], localisation);
    expect(mapping.missing).toEqual([
      'subMeasureCode',
      'localCode',
      'regionCode',
      'provinceCode',
      'comuneName',
      'postcode',
      'date',
    ]);
  });

  it('keeps the first of two columns with the same name and reports the other', () => {
    const mapping = mapHeaders(['CUP', 'Comune', ' cup '], localisation);
    expect(mapping.columns).toEqual(['cup', 'comuneCode', null]);
    expect(mapping.duplicated).toEqual(['cup']);
    expect(mapping.unknown).toEqual([]);
  });

  it('leaves empty headers out of the unknown ones', () => {
    const mapping = mapHeaders(['CUP', '', '  '], localisation);
    expect(mapping.columns).toEqual(['cup', null, null]);
    expect(mapping.unknown).toEqual([]);
  });

  it('refuses a table that gives one name to two canonical names', () => {
    expect(() => mapHeaders(['CUP'], { cup: ['CUP'], code: ['cup'] })).toThrow(
      /"cup" is a synonym of both cup and code/,
    );
  });
});

describe('typos in long headers', () => {
  it('are tolerated, one edit away', () => {
    const mapping = mapHeaders(['Codice Univoco Submisra', 'Codice Locale Progeto'], localisation);
    expect(mapping.columns).toEqual(['subMeasureCode', 'localCode']);
  });

  it('are not tolerated in names of 8 characters or fewer, where a letter makes another word', () => {
    const mapping = mapHeaders(['Comun', 'CAPP', 'Missioni'], {
      ...localisation,
      mission: ['Missione'],
    });
    expect(mapping.columns).toEqual([null, null, null]);
    expect(mapping.unknown).toEqual(['Comun', 'CAPP', 'Missioni']);
  });

  it('are not tolerated two edits away', () => {
    expect(mapHeaders(['Codice Univco Submisra'], localisation).columns).toEqual([null]);
  });

  it('are not tolerated when two canonical names are as close', () => {
    // "Finanziamento PNR" is one edit from "Finanziamento PNRR" and from "Finanziamento PNC".
    const mapping = mapHeaders(['Finanziamento PNR'], funding);
    expect(mapping.columns).toEqual([null]);
    expect(mapping.unknown).toEqual(['Finanziamento PNR']);
  });

  it('do not take a name an exact header already has: that is another column', () => {
    const mapping = mapHeaders(['Codice Comune', 'Codice Comuni'], localisation);
    expect(mapping.columns).toEqual(['comuneCode', null]);
    expect(mapping.unknown).toEqual(['Codice Comuni']);
  });
});

describe('the field separator', () => {
  it('is ; in the PNRR releases and , in the field dictionary', () => {
    expect(detectSeparator(headerOf('PNRR_Progetti_MI_validati_2023-02.csv'))).toBe(';');
    expect(detectSeparator(headerOf('pnrr_pagamenti_progetti_MI_2025-03.csv'))).toBe(';');
    expect(detectSeparator(headerOf('PNRR_Localizzazione_metadati_campi.csv'))).toBe(',');
  });

  it('is a tab in a tab-separated file', () => {
    expect(detectSeparator('CUP\tCodice Comune\tFinanziamento PNRR')).toBe('\t');
  });

  it('ignores separators inside quotes', () => {
    expect(detectSeparator('"Finanziamento; Stato";"a, b, c";CUP')).toBe(';');
    expect(detectSeparator('"a;b;c",d,e')).toBe(',');
  });

  it('prefers ; on a tie, since an Italian comma is more often inside a value', () => {
    expect(detectSeparator('Importo (UE, PNRR);CUP')).toBe(';');
  });

  it('is none for a single column', () => {
    expect(detectSeparator('CUP')).toBeNull();
    expect(detectSeparator('')).toBeNull();
  });
});

describe('files that are not text', () => {
  const ascii = (text: string) => new TextEncoder().encode(text);

  it('are not the real CSV releases', () => {
    expect(looksBinary(bytesOf('PNRR_Progetti_MI_validati_2023-02.csv'))).toBe(false);
    expect(looksBinary(bytesOf('PNRR_Localizzazione_metadati_campi.csv'))).toBe(false);
  });

  it('include a spreadsheet (a zip, with NUL bytes)', () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    expect(looksBinary(xlsx)).toBe(true);
  });

  it('are told apart when a user may send them for a release: spreadsheets, archives, a PDF', () => {
    const zipOf = (name: string) =>
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...ascii(name)]);
    expect(notCsvFormat(zipOf('[Content_Types].xml\u0000xl/workbook.xml'))).toBe('XLSX');
    expect(notCsvFormat(zipOf('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'))).toBe(
      'ODS',
    );
    expect(notCsvFormat(zipOf('PNRR_Progetti.csv'))).toBe('ZIP');
    expect(notCsvFormat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe(
      'XLS',
    );
    expect(notCsvFormat(Uint8Array.from([0x1f, 0x8b, 8, 0]))).toBe('GZIP');
    expect(notCsvFormat(ascii('%PDF-1.7\n'))).toBe('PDF');
    expect(notCsvFormat(bytesOf('PNRR_Progetti_MI_validati_2023-02.csv'))).toBeNull();
    expect(notCsvFormat(new Uint8Array())).toBeNull();
  });

  it('include bytes with many control characters and no NUL', () => {
    const noisy = Uint8Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? 0x01 : 0x41));
    expect(looksBinary(noisy)).toBe(true);
  });

  it('do not include text with tabs, line ends and windows-1252 accents', () => {
    expect(looksBinary(ascii('CUP\tComune\r\nB11C22000950006\tPregnana\r\n\f'))).toBe(false);
    expect(looksBinary(Uint8Array.from([0x43, 0x69, 0x74, 0x74, 0xe0, 0x0a]))).toBe(false);
    expect(looksBinary(new Uint8Array())).toBe(false);
  });

  it('are judged on the first 64 KB only', () => {
    const bytes = new Uint8Array(64 * 1024 + 10).fill(0x41);
    bytes[64 * 1024 + 5] = 0;
    expect(looksBinary(bytes)).toBe(false);
    bytes[64 * 1024 - 1] = 0;
    expect(looksBinary(bytes)).toBe(true);
  });
});

describe('decoding a file', () => {
  it('reads the 2023 releases as UTF-8 with a BOM, and drops the BOM', () => {
    const { text, encoding } = decodeText(bytesOf('PNRR_Progetti_MI_validati_2023-02.csv'));
    expect(encoding).toBe('utf-8-bom');
    expect(text.startsWith('Programma;Missione;')).toBe(true);
    expect(text).toContain('Digitalizzazione, innovazione, competitività e cultura');
  });

  it('reads the 2025 tables as UTF-8 without a BOM', () => {
    const { text, encoding } = decodeText(bytesOf('pnrr_pagamenti_progetti_MI_2025-03.csv'));
    expect(encoding).toBe('utf-8');
    expect(text.startsWith('codice_univoco_submisura;')).toBe(true);
  });

  it('falls back to windows-1252 when the bytes are not UTF-8', () => {
    // "Città" as a spreadsheet saves it: à is the single byte 0xE0.
    const bytes = Uint8Array.from([0x43, 0x69, 0x74, 0x74, 0xe0]);
    expect(decodeText(bytes)).toEqual({ text: 'Città', encoding: 'windows-1252' });
  });

  it('reads € and curly quotes as windows-1252 writes them, not as Latin-1 controls', () => {
    // L’importo è 10 € : 0x92 is ’ and 0x80 is € in windows-1252.
    const bytes = Uint8Array.from([
      0x4c, 0x92, 0x69, 0x6d, 0x70, 0x6f, 0x72, 0x74, 0x6f, 0x20, 0xe8, 0x20, 0x31, 0x30, 0x20,
      0x80,
    ]);
    expect(decodeText(bytes).text).toBe('L’importo è 10 €');
    expect(decodeText(Uint8Array.from([0x93, 0x41, 0x94, 0x96, 0x9f])).text).toBe('“A”–Ÿ');
  });

  it('keeps the five bytes windows-1252 leaves undefined as they are', () => {
    const undefinedBytes = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
    expect(decodeText(Uint8Array.from(undefinedBytes)).text).toBe(
      String.fromCharCode(...undefinedBytes),
    );
  });

  it('drops a BOM even when what follows is not UTF-8', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x43, 0x69, 0x74, 0x74, 0xe0]);
    expect(decodeText(bytes)).toEqual({ text: 'Città', encoding: 'windows-1252' });
  });

  it('reads nothing as empty UTF-8', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
