import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  isMissingValue,
  italianDateProblem,
  padCode,
  parseDecimalPointAmount,
  parseItalianAmount,
  parseItalianDate,
  readItalianAmount,
} from '../../src/domain/italianNumbers.ts';

const read = (value: number) => ({ value, problem: null });
const missing = { value: null, problem: null };

describe('amounts with a decimal comma and a dot for thousands', () => {
  it('reads the amounts as the releases write them', () => {
    expect(parseItalianAmount('114.000.000')).toEqual(read(114_000_000));
    expect(parseItalianAmount('67100,00')).toEqual(read(67_100));
    expect(parseItalianAmount(' 600.000.000,00 ')).toEqual(read(600_000_000));
    expect(parseItalianAmount('900000000,00')).toEqual(read(900_000_000));
    expect(parseItalianAmount('1.234,5')).toEqual(read(1234.5));
    expect(parseItalianAmount('121992,00')).toEqual(read(121_992));
    expect(parseItalianAmount('8978483,60')).toEqual(read(8_978_483.6));
    expect(parseItalianAmount('1.107.107,00')).toEqual(read(1_107_107));
  });

  it('reads digits with a comma, without its regular expression, as the rule reads them', () => {
    const rule = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
    for (const raw of [
      '0',
      '7',
      '67100,00',
      '0,5',
      '007,10',
      ' 42 ',
      ',5',
      '5,',
      '1,2,3',
      ',',
      '1 000',
      '12a',
      '-3,1',
      '+3',
      '1.234,5',
      '\u0661\u0662',
      '3,\u0661',
      '1,5 ',
      '',
    ]) {
      const m = rule.exec(raw.trim());
      expect(readItalianAmount(raw).value, raw).toBe(
        m ? `${m[1]}${m[2]!.replace(/\./g, '')}.${m[3] ?? '0'}` : null,
      );
    }
  });

  it('reads a dot as a thousands separator, never as a decimal point', () => {
    expect(parseItalianAmount('1.234')).toEqual(read(1234));
    expect(parseItalianAmount('1.000.000,5')).toEqual(read(1_000_000.5));
  });

  it('reads negative amounts and zero', () => {
    expect(parseItalianAmount('-12,30')).toEqual(read(-12.3));
    expect(parseItalianAmount('-1.234,56')).toEqual(read(-1234.56));
    expect(parseItalianAmount('0')).toEqual(read(0));
    expect(parseItalianAmount('0,00')).toEqual(read(0));
    expect(Object.is(parseItalianAmount('-0,00').value, 0)).toBe(true);
  });

  it('reads N/D, N/A, n.d., a dash or nothing as missing, which is not zero', () => {
    for (const raw of ['N/D', 'N/A', 'n.d.', 'n/d', 'N.A.', '-', '—', '', '   ', null, undefined])
      expect(parseItalianAmount(raw), String(raw)).toEqual(missing);
  });

  it('reports garbage instead of guessing', () => {
    expect(parseItalianAmount('12a')).toEqual({ value: null, problem: '"12a" is not an amount' });
    expect(parseItalianAmount('1,2,3')).toEqual({
      value: null,
      problem: '"1,2,3" is not an amount: it has more than one decimal comma',
    });
    for (const raw of ['€ 12,00', '1 234,00', ',5', '12,', '1..2', '12.34.5', '1.23,4', '--1'])
      expect(parseItalianAmount(raw).problem, raw).not.toBeNull();
  });

  it('suspects a decimal point where the dot does not group thousands', () => {
    expect(parseItalianAmount('1234.56')).toEqual({
      value: null,
      problem:
        '"1234.56" is not an Italian amount: the dot separates thousands in groups of three ' +
        '(is this a decimal point?)',
    });
  });
});

describe('amounts with a decimal point (the 2025 payments file)', () => {
  it('reads whole amounts and decimals', () => {
    expect(parseDecimalPointAmount('121992')).toEqual(read(121_992));
    expect(parseDecimalPointAmount('1234.56')).toEqual(read(1234.56));
    expect(parseDecimalPointAmount('8978483.6')).toEqual(read(8_978_483.6));
    expect(parseDecimalPointAmount('-12.3')).toEqual(read(-12.3));
    expect(parseDecimalPointAmount(' 0 ')).toEqual(read(0));
  });

  it('reads 1.234 as one euro and 234 thousandths, unlike the Italian files', () => {
    expect(parseDecimalPointAmount('1.234')).toEqual(read(1.234));
    expect(parseItalianAmount('1.234')).toEqual(read(1234));
  });

  it('reads the same markers as missing', () => {
    for (const raw of ['N/D', 'n.d.', '-', '', null])
      expect(parseDecimalPointAmount(raw)).toEqual(missing);
  });

  it('reports a decimal comma, and garbage', () => {
    expect(parseDecimalPointAmount('1234,56')).toEqual({
      value: null,
      problem: '"1234,56" is not an amount with a decimal point: it has a comma',
    });
    expect(parseDecimalPointAmount('12a').problem).toBe('"12a" is not an amount');
    expect(parseDecimalPointAmount('1.2.3').problem).toBe('"1.2.3" is not an amount');
  });
});

describe('the amounts of the real releases', () => {
  const root = new URL('../../reference-data/pnrr/', import.meta.url);
  const files = new Map<string, Record<string, string>[]>();
  const rows = (file: string) => {
    if (!files.has(file))
      files.set(
        file,
        parse(readFileSync(new URL(file, root), 'utf8'), {
          columns: true,
          bom: true,
          delimiter: ';',
        }),
      );
    return files.get(file)!;
  };
  const column = (file: string, name: string): string[] => rows(file).map((row) => row[name]!);
  const problemsOf = (values: string[], parser: typeof parseItalianAmount) =>
    values.filter((v) => parser(v).problem !== null);

  it('reads every Finanziamento of the 2023 projects file with the Italian parser', () => {
    const file = 'PNRR_Progetti_MI_validati_2023-02.csv';
    for (const name of ['Finanziamento PNRR', 'Finanziamento Totale', 'Finanziamento - Stato'])
      expect(problemsOf(column(file, name), parseItalianAmount), name).toEqual([]);
  });

  it('reads every importo_totale of the 2025 framework as its parsed column says', () => {
    const file = 'pnrr_misure_quadro_finanziario_2025.csv';
    const raw = column(file, 'importo_totale');
    const parsed = column(file, 'importo_totale_eur').map(Number);
    expect(raw.map((v) => parseItalianAmount(v).value)).toEqual(parsed);
    expect(raw).toContain(' 600.000.000,00 ');
  });

  it('reads every amount of the 2025 payments file with the decimal-point parser', () => {
    const file = 'pnrr_pagamenti_progetti_MI_2025-03.csv';
    for (const name of ['finanziamento_totale', 'finanziamento_pnrr', 'pagamenti_totali'])
      expect(problemsOf(column(file, name), parseDecimalPointAmount), name).toEqual([]);
  });

  it('would misread the payments file with the Italian parser, and says so', () => {
    const values = column('pnrr_pagamenti_progetti_MI_2025-03.csv', 'pagamenti_totali');
    expect(problemsOf(values, parseItalianAmount).length).toBeGreaterThan(500);
  });

  it('reads the indicator targets, which use the decimal comma', () => {
    const values = column('pnrr_indicatori_target_progetti_MI_2025-03.csv', 'valore_programmato');
    expect(problemsOf(values, parseItalianAmount)).toEqual([]);
  });
});

describe('dates', () => {
  it('turns dd/mm/yyyy into an ISO date', () => {
    expect(parseItalianDate('21/02/2023')).toBe('2023-02-21');
    expect(parseItalianDate(' 01/03/2023 ')).toBe('2023-03-01');
    expect(parseItalianDate('1/3/2023')).toBe('2023-03-01');
  });

  it('keeps the ISO dates of the 2025 tables', () => {
    expect(parseItalianDate('2025-03-31')).toBe('2025-03-31');
  });

  it('reads N/D and an empty cell as no date, without a problem', () => {
    for (const raw of ['N/D', '', null, undefined]) {
      expect(parseItalianDate(raw)).toBeNull();
      expect(italianDateProblem(raw)).toBeNull();
    }
  });

  it('refuses days that are not in the calendar', () => {
    for (const raw of ['31/02/2023', '29/02/2023', '31/04/2024', '00/01/2023', '12/13/2023'])
      expect(parseItalianDate(raw), raw).toBeNull();
    expect(italianDateProblem('31/02/2023')).toBe('"31/02/2023" is not a day of the calendar');
    expect(italianDateProblem('2023-02-30')).toBe('"2023-02-30" is not a day of the calendar');
  });

  it('knows the leap years, 2000 included and 1900 not', () => {
    expect(parseItalianDate('29/02/2024')).toBe('2024-02-29');
    expect(parseItalianDate('29/02/2000')).toBe('2000-02-29');
    expect(parseItalianDate('29/02/1900')).toBeNull();
  });

  it('refuses other ways of writing a date', () => {
    for (const raw of [
      '21-02-2023',
      '21/02/23',
      '2023/02/21',
      '21 febbraio 2023',
      '21/02/2023 10:00',
    ])
      expect(italianDateProblem(raw), raw).toBe(`"${raw}" is not a date written dd/mm/yyyy`);
  });
});

describe('codes whose leading zeros come and go', () => {
  it('pads digits to the width', () => {
    expect(padCode('15', 3)).toBe('015');
    expect(padCode('2', 2)).toBe('02');
    expect(padCode(' 26 ', 3)).toBe('026');
  });

  it('keeps a code that already has its width, or more', () => {
    expect(padCode('146', 3)).toBe('146');
    expect(padCode('015146', 3)).toBe('015146');
  });

  it('keeps codes that are not numbers as they are', () => {
    expect(padCode('A1', 3)).toBe('A1');
    expect(padCode('M1C1I1.02.00', 3)).toBe('M1C1I1.02.00');
  });

  it('is null for an empty or missing code', () => {
    for (const raw of ['', '  ', 'N/D', null, undefined]) expect(padCode(raw, 3)).toBeNull();
  });
});

describe('missing values', () => {
  it('are the markers the releases use, in any case', () => {
    expect(['N/D', 'n/a', 'N.D.', '-', ''].every(isMissingValue)).toBe(true);
    expect(['0', '0,00', 'NO', 'nessuno'].some(isMissingValue)).toBe(false);
  });
});
