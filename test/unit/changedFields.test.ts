import { readFileSync } from 'node:fs';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { progettiRows } from '../../src/modules/projects/import/progetti.ts';
import { changedField } from '../../src/web/modules/projects/admin/ImportReportView.tsx';

const locale = (language: string) =>
  JSON.parse(readFileSync(`src/web/locales/${language}.json`, 'utf8')) as Record<string, unknown>;

/** A t() over one locale file, with {{…}} filled in: what the page shows. */
function translator(messages: Record<string, unknown>): TFunction {
  const lookup = (key: string) =>
    key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], messages);
  return ((key: string, params: Record<string, string> = {}) => {
    const message = lookup(key);
    if (typeof message !== 'string') throw new Error(`no message ${key}`);
    return message.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
  }) as unknown as TFunction;
}

describe('the fields an import changed, as its report names them', () => {
  it('names every compared column of a project in Italian and in English, never by its column', () => {
    for (const language of ['it', 'en']) {
      const t = translator(locale(language));
      for (const column of progettiRows.hashed!) {
        const label = changedField(t, column);
        expect(label, `${language} ${column}`).not.toBe(column);
        expect(label, `${language} ${column}`).not.toMatch(/_/);
      }
    }
  });

  it('says which source a funding column is', () => {
    const t = translator(locale('it'));
    expect(changedField(t, 'title')).toBe('Titolo');
    expect(changedField(t, 'funding_pnrr')).toBe('Finanziamento PNRR');
    expect(changedField(t, 'funding_other_public')).toBe('Finanziamento Altro pubblico');
    expect(changedField(translator(locale('en')), 'funding_region')).toBe('Funding: Region');
  });
});
