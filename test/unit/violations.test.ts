import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { violationCodes } from '../../src/domain/errors.ts';
import { passwordWeakness } from '../../src/domain/password.ts';

const texts = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(`src/web/locales/${lang}.json`, 'utf8')).errors.violations;
const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();

describe('the violations the API returns, as the pages say them', () => {
  it('has a text in Italian and English for every code, and none for codes that are not', () => {
    for (const lang of ['it', 'en'])
      expect(Object.keys(texts(lang)).sort(), lang).toEqual([...violationCodes].sort());
  });

  it('fills the same params in both languages', () => {
    const [it, en] = [texts('it'), texts('en')];
    for (const code of violationCodes)
      expect(placeholders(it[code]!), code).toEqual(placeholders(en[code]!));
  });

  it('gives a weak password the params its text needs', () => {
    const weakness = passwordWeakness('short', 'a@b.it')!;
    expect(weakness.code).toBe('passwordTooShort');
    expect(placeholders(texts('it')[weakness.code]!)).toEqual(
      Object.keys(weakness.params ?? {}).map((k) => `{{${k}}}`),
    );
  });
});
