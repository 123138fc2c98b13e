import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cupProblem, normaliseCup } from '../../src/domain/cup.ts';

describe('a CUP is 15 letters and digits', () => {
  it('accepts a real CUP as the release writes it', () => {
    expect(normaliseCup('B11C22000950006')).toBe('B11C22000950006');
    expect(cupProblem('B11C22000950006')).toBeNull();
  });

  it('reads a CUP written in lower case, as some releases do, in upper case', () => {
    expect(normaliseCup('b11c22000950006')).toBe('B11C22000950006');
    expect(normaliseCup('j71J22001510007')).toBe('J71J22001510007');
  });

  it('ignores the spaces around it', () => {
    expect(normaliseCup('  C99D17000140008 ')).toBe('C99D17000140008');
    expect(normaliseCup('\tC99D17000140008\u00a0')).toBe('C99D17000140008');
  });

  it('does not check the letter-digits layout that no official source states', () => {
    expect(normaliseCup('123456789ABCDEF')).toBe('123456789ABCDEF');
  });
});

describe('what is not a CUP, and why', () => {
  it('says a missing CUP is missing', () => {
    for (const raw of ['', '   ', null, undefined]) {
      expect(normaliseCup(raw)).toBeNull();
      expect(cupProblem(raw)).toBe('the CUP is missing');
    }
  });

  it('counts the characters of a CUP too short or too long', () => {
    expect(normaliseCup('B11C2200095000')).toBeNull();
    expect(cupProblem('B11C2200095000')).toBe(
      'CUP "B11C2200095000" has 14 characters: a CUP has 15',
    );
    expect(cupProblem('B11C220009500061')).toBe(
      'CUP "B11C220009500061" has 16 characters: a CUP has 15',
    );
  });

  it('names the character that is neither a letter nor a digit', () => {
    expect(normaliseCup('B11C-2200095000')).toBeNull();
    expect(cupProblem('B11C-2200095000')).toBe(
      'CUP "B11C-2200095000" contains "-": a CUP has only letters and digits',
    );
    expect(cupProblem('B11C2200095000È')).toMatch(/contains "È"/);
  });

  it('refuses a CUP with spaces inside it rather than guess where it ends', () => {
    expect(normaliseCup('B11C 22000950006')).toBeNull();
    expect(cupProblem('B11C 22000950006')).toBe('CUP "B11C 22000950006" has spaces inside it');
  });

  it('refuses the provisional codes that are not CUPs yet', () => {
    expect(cupProblem('PROV0000012345')).toMatch(/has 14 characters/);
  });
});

describe('the CUPs of the real releases', () => {
  const root = new URL('../../reference-data/pnrr/', import.meta.url);
  const cupsOf = (file: string): string[] => {
    const rows: Record<string, string>[] = parse(readFileSync(new URL(file, root), 'utf8'), {
      columns: true,
      bom: true,
      delimiter: ';',
    });
    return rows.map((row) => row.CUP ?? row.cup ?? '');
  };

  it.each([
    'PNRR_Progetti_MI_validati_2023-02.csv',
    'PNRR_Localizzazione_MI_validati_2023-02.csv',
    'PNRR_Localizzazione_MI_universo_2023-03.csv',
    'PNRR_Soggetti_MI_validati_2023-02.csv',
    'pnrr_pagamenti_progetti_MI_2025-03.csv',
    'pnrr_indicatori_target_progetti_MI_2025-03.csv',
  ])('are all valid in %s', (file) => {
    const cups = cupsOf(file);
    expect(cups.length).toBeGreaterThan(400);
    expect(cups.filter((cup) => cupProblem(cup) !== null)).toEqual([]);
  });

  it('are the same CUPs once lower-cased', () => {
    const cups = cupsOf('pnrr_pagamenti_progetti_MI_2025-03.csv');
    expect(cups.map((cup) => normaliseCup(cup.toLowerCase()))).toEqual(cups);
  });
});
