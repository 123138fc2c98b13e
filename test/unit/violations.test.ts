import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { conflictCodes, violationCodes } from '../../src/domain/errors.ts';
import { passwordWeakness } from '../../src/domain/password.ts';

const locale = (lang: string) =>
  JSON.parse(readFileSync(`src/web/locales/${lang}.json`, 'utf8')) as {
    errors: Record<'violations' | 'conflicts', Record<string, string>>;
  };
const texts = (lang: string) => locale(lang).errors.violations;
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

describe('the conflicts the API returns, as the pages say them', () => {
  it('has a text in Italian and English for every code, with the same params', () => {
    for (const lang of ['it', 'en'])
      expect(Object.keys(locale(lang).errors.conflicts).sort(), lang).toEqual(
        [...conflictCodes].sort(),
      );
    const [it, en] = [locale('it').errors.conflicts, locale('en').errors.conflicts];
    for (const code of conflictCodes)
      expect(placeholders(it[code]!), code).toEqual(placeholders(en[code]!));
  });

  it("names the statuses of a version in the reader's words", async () => {
    const t = i18next.createInstance();
    await t.init({
      lng: 'it',
      resources: { it: { translation: locale('it') }, en: { translation: locale('en') } },
      interpolation: { escapeValue: false },
    });
    const params = { status: 'superseded', to: 'adopted' };
    expect(t.t('errors.conflicts.statusRefused', params)).toBe(
      'Una versione in stato «Superato» non può passare a «Adottato».',
    );
    await t.changeLanguage('en');
    expect(t.t('errors.conflicts.statusRefused', params)).toBe(
      'A version that is “Superseded” cannot become “Adopted”.',
    );
  });
});
