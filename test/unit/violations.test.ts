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
// A code's text, and its singular where it has one (`minLength_one`).
const codesOf = (texts: Record<string, string>) =>
  [...new Set(Object.keys(texts).map((k) => k.replace(/_one$/, '')))].sort();

describe('the violations the API returns, as the pages say them', () => {
  it('has a text in Italian and English for every code, and none for codes that are not', () => {
    for (const lang of ['it', 'en'])
      expect(codesOf(texts(lang)), lang).toEqual([...violationCodes].sort());
  });

  it('fills the same params in both languages', () => {
    const [it, en] = [texts('it'), texts('en')];
    expect(Object.keys(it).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en))
      expect(placeholders(it[key]!), key).toEqual(placeholders(en[key]!));
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
      expect(codesOf(locale(lang).errors.conflicts), lang).toEqual([...conflictCodes].sort());
    const [it, en] = [locale('it').errors.conflicts, locale('en').errors.conflicts];
    expect(Object.keys(it).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en))
      expect(placeholders(it[key]!), key).toEqual(placeholders(en[key]!));
  });

  it("names statuses, separators and one comune in the reader's words", async () => {
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
    expect(t.t('errors.conflicts.zoneNotEmpty', { name: 'Nord Milano', count: 1 })).toBe(
      "La zona «Nord Milano» ha ancora un comune: spostalo prima in un'altra zona.",
    );
    expect(
      t.t('errors.violations.fileFieldCount', {
        separator: 'tab',
        record: 3,
        fields: 2,
        width: 5,
        misfits: 12000,
        records: 400000,
      }),
    ).toBe(
      "Il file non si legge come CSV separato da tabulazione: il record 3 ha 2 campi, l'intestazione 5, e non corrispondono all'intestazione 12.000 record su 400.000, più di uno su cento.",
    );
    await t.changeLanguage('en');
    expect(t.t('errors.conflicts.statusRefused', params)).toBe(
      'A version that is “Superseded” cannot become “Adopted”.',
    );
  });
});
