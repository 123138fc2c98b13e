import { describe, expect, it } from 'vitest';
import { isIstatComuneCode, resolveMetroCode, searchableName } from '../../src/domain/istat.ts';

const metros = [
  { utsCode: '215', provinceCode: '015', sigla: 'MI' },
  { utsCode: '237', provinceCode: '037', sigla: 'BO' },
];

describe('ISTAT codes', () => {
  it('accepts six digits and nothing else', () => {
    expect(isIstatComuneCode('015146')).toBe(true);
    expect(isIstatComuneCode('15146')).toBe(false);
    expect(isIstatComuneCode('01514A')).toBe(false);
  });

  it('names a metropolitan city by UTS code, province code or sigla', () => {
    expect(resolveMetroCode('215', metros)).toBe('215');
    expect(resolveMetroCode('015', metros)).toBe('215');
    expect(resolveMetroCode('15', metros)).toBe('215');
    expect(resolveMetroCode('bo', metros)).toBe('237');
  });

  it('finds no metropolitan city for an ordinary province', () => {
    expect(resolveMetroCode('097', metros)).toBeNull();
    expect(resolveMetroCode('', metros)).toBeNull();
  });
});

describe('searchable names', () => {
  it('folds accents, apostrophes and case', () => {
    expect(searchableName("Cassina de' Pecchi")).toBe('cassina de pecchi');
    expect(searchableName('Cornaredo')).toBe('cornaredo');
    expect(searchableName('Città  di  Castello')).toBe('citta di castello');
  });
});
