import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvShapeError, csvRecords } from '../../src/domain/csvRecords.ts';
import {
  hundredth,
  parseItalianAmount,
  readItalianAmount,
  roundDecimal,
} from '../../src/domain/italianNumbers.ts';
import { normalisePnrrCode } from '../../src/domain/pnrrCode.ts';
import { localizzazioniRows } from '../../src/modules/projects/import/localizzazioni.ts';
import { progettiRows } from '../../src/modules/projects/import/progetti.ts';
import {
  copyValue,
  decimalSeparator,
  euro,
  problemText,
  type Problem,
  pointEuro,
  rowHashSql,
  subMeasureCode,
  type CodeAliases,
} from '../../src/modules/projects/import/rows.ts';

const records = (text: string, separator = ';') =>
  [...csvRecords(text, separator)].map((r) => [r.number, r.fields, r.plain]);

describe('reading CSV records as PostgreSQL COPY does', () => {
  it('skips the header, splits plain lines and keeps empty fields', () => {
    expect(records('a;b;c\n1;2;3\n4;;6\n')).toEqual([
      [1, ['1', '2', '3'], true],
      [2, ['4', '', '6'], true],
    ]);
  });

  it('reads CRLF line ends and skips blank lines', () => {
    expect(records('a;b\r\n1;2\r\n\r\n3;4')).toEqual([
      [1, ['1', '2'], true],
      [2, ['3', '4'], true],
    ]);
  });

  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    expect(records('a;b;c\n1;"x; ""y""\nz";3\n2;a"b;c"d;4\n')).toEqual([
      [1, ['1', 'x; "y"\nz', '3'], false],
      // A quote in the middle of a field opens a quoted part there, as in COPY.
      [2, ['2', 'ab;cd', '4'], false],
    ]);
  });

  it('marks a record with a backslash or a tab as not plain', () => {
    expect(records('a;b\n1;c:\\dir\n2;x\ty\n').map((r) => r[2])).toEqual([false, false]);
    expect(records('a\tb\n1\t2\n', '\t')).toEqual([[1, ['1', '2'], true]]);
  });

  it('refuses a quoted field that is never closed, naming the record', () => {
    expect(() => records('a;b\n1;2\n3;"open\n')).toThrow(CsvShapeError);
    expect(() => records('a;b\n1;2\n3;"open\n')).toThrow(/record 2 opens a quoted field/);
  });
});

describe('amounts as exact decimal text', () => {
  it.each([
    ['114.000.000', '114000000.00', null],
    ['67100,00', '67100.00', null],
    [' 600.000.000,00 ', '600000000.00', null],
    ['1.234,5', '1234.50', null],
    ['-12,30', '-12.30', null],
    ['+5', '5.00', null],
    ['0,00', '0.00', null],
    ['-0,00', '0.00', null],
    ['0,005', '0.01', null],
    ['1,234', '1.23', null],
    ['1,235', '1.24', null],
    ['-1,235', '-1.24', null],
    ['99999999999999,99', '99999999999999.99', null],
    ['100000000000000', null, 'Finanziamento PNRR "100000000000000" is too large'],
    ['N/D', null, null],
    ['n.d.', null, null],
    ['-', null, null],
    ['', null, null],
    ['12a', null, 'Finanziamento PNRR "12a" is not an amount'],
    ['1,2,3', null, 'Finanziamento PNRR "1,2,3" is not an amount'],
    ['1.23', null, 'Finanziamento PNRR "1.23" is not an amount'],
  ])('reads %j as %j', (raw, value, problem) => {
    const read = euro(raw, 'Finanziamento PNRR');
    expect({ value: read.value, problem: read.problem && problemText(read.problem) }).toEqual({
      value,
      problem,
    });
  });

  it('agrees with the number the forms read', () => {
    for (const raw of ['114.000.000', '67100,00', '-12,30', '1.234,5', '12a', 'N/D']) {
      const text = readItalianAmount(raw).value;
      expect(text === null ? null : Number(text)).toBe(parseItalianAmount(raw).value);
    }
  });

  it.each([
    ['1234.56', '1234.56', null],
    [' -5 ', '-5.00', null],
    ['1.234,56', null, 'paid_total "1.234,56" is not an amount with a decimal point'],
    ['N/D', null, null],
  ])('reads %j with a decimal point as %j', (raw, value, problem) => {
    const read = pointEuro(raw, 'paid_total');
    expect({ value: read.value, problem: read.problem && problemText(read.problem) }).toEqual({
      value,
      problem,
    });
  });

  it('rounds half away from zero as numeric does, and divides by 100 exactly', () => {
    expect(roundDecimal('2.5', 0, 5)).toBe('3');
    expect(roundDecimal('-2.5', 0, 5)).toBe('-3');
    expect(roundDecimal('0.0000004', 6, 9)).toBe('0.000000');
    expect(roundDecimal('999.9999996', 6, 9)).toBeNull();
    expect(hundredth('50')).toBe('0.50');
    expect(hundredth('7.5')).toBe('0.075');
    expect(hundredth('-1234.5')).toBe('-12.345');
  });
});

describe('values for COPY', () => {
  it('escapes what the text format reads as special', () => {
    expect(copyValue(null)).toBe('\\N');
    expect(copyValue('plain')).toBe('plain');
    expect(copyValue('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
  });
});

describe('PNRR codes', () => {
  const codes: CodeAliases = new Map([['M1C1R1.9A', { measure: 'M1C1R1.19', subMeasure: null }]]);
  it.each([
    'M1C1I1.02.00',
    'M1C1I1.03.01',
    'm2c2i1.03',
    'M1C1I1.2',
    'M7C1I01.1',
    ' m1c1i1.03.01 ',
    'M1C1I1.10.00',
    'M2C4I2.1.10',
  ])('normalises %j as domain/pnrrCode.ts does', (raw) => {
    const domain = normalisePnrrCode(raw)!;
    expect(subMeasureCode(raw, codes)).toBe(domain.subMeasureCode ?? domain.measureCode);
  });

  it('takes the alias table first, keeps other text upper-cased, and blank as empty', () => {
    expect(subMeasureCode('M1C1R1.9A', codes)).toBe('M1C1R1.19');
    expect(subMeasureCode(' altro ', codes)).toBe('ALTRO');
    expect(subMeasureCode('', codes)).toBe('');
  });
});

describe('the hash of a row', () => {
  it('is one SQL expression of the hashed columns, dates by their day number', () => {
    const sql = rowHashSql(progettiRows, 'n.');
    expect(sql).toMatch(/^md5\(/);
    expect(sql).toContain("(n.source_updated_at - DATE '2000-01-01')::text");
    expect(sql).not.toContain('n.cup::text');
    // The name of a place is not what a location is.
    expect(rowHashSql(localizzazioniRows)).not.toContain('place_name');
  });
});

describe('the reasons a row is rejected', () => {
  const samples: Problem[] = [
    { code: 'cup', value: 'BAD' },
    { code: 'empty', column: 'Titolo progetto' },
    { code: 'amount', column: 'Finanziamento PNRR', value: '12a' },
    { code: 'pointAmount', column: 'paid_total', value: '1,5' },
    { code: 'number', column: 'Valore realizzato', value: 'x' },
    { code: 'tooLarge', column: 'Finanziamento PNRR', value: '1e20' },
    { code: 'date', column: 'Data aggiornamento', value: '31/02/2024' },
    { code: 'region', column: 'Codice Regione', value: 'X' },
    { code: 'province', column: 'Codice Provincia', value: '' },
    { code: 'comune', column: 'Codice Comune', value: '1' },
    { code: 'taxCodeMasked' },
    { code: 'taxCode', value: '123' },
    { code: 'replaced', row: 7 },
    { code: 'fieldCount', fields: 4, width: 3 },
  ];
  const locale = (lang: string) =>
    JSON.parse(readFileSync(`src/web/locales/${lang}.json`, 'utf8')).projects.import.problems;
  const fill = (template: string, p: Problem) =>
    template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String((p as Record<string, unknown>)[k]));

  it.each(samples)('reads the same in the English report and the English page (%j)', (p) => {
    expect(fill(locale('en')[p.code], p)).toBe(problemText(p));
  });

  it('has an Italian text for every reason, with the same placeholders', () => {
    const [it, en] = [locale('it'), locale('en')];
    expect(Object.keys(it).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(en).sort()).toEqual(samples.map((p) => p.code).sort());
    for (const code of Object.keys(en))
      expect(it[code].match(/\{\{\w+\}\}/g)?.sort(), code).toEqual(
        en[code].match(/\{\{\w+\}\}/g)?.sort(),
      );
  });
});

describe('the decimal separator of a file of amounts', () => {
  it('is a comma when a value has one, or when no value tells', () => {
    expect(decimalSeparator(['13950000000', '2738869489,5'])).toBe('comma');
    expect(decimalSeparator(['0', '1.234.567', '250'])).toBe('comma');
    expect(decimalSeparator([])).toBe('comma');
  });

  it('is a point when a point cannot separate thousands', () => {
    expect(decimalSeparator(['3300000', ' 1360004.74 '])).toBe('point');
    expect(decimalSeparator(['12.5', '1.234'])).toBe('point');
    // A comma anywhere wins: the point was a thousands separator after all.
    expect(decimalSeparator(['1360004.74', '1.234,56'])).toBe('comma');
  });
});
