import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatNumberInText, numberFormat } from '../../src/web/app/i18n.ts';

describe('a figure shown in the interface', () => {
  it('groups its thousands from four digits on, as the larger figures of its column', () => {
    const italian = numberFormat('it-IT');
    expect([4733, 33042].map((n) => italian.format(n))).toEqual(['4.733', '33.042']);
    expect(numberFormat('en-GB').format(4733)).toBe('4,733');
    expect(numberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(4733)).toBe(
      '4.733,00\u00a0€',
    );
  });

  it('is grouped the same inside a sentence ({{count, number}})', async () => {
    const texts = i18next.createInstance();
    await texts.init({
      resources: {
        it: { translation: { all: 'Vedi tutti i {{count, number}} progetti' } },
        en: { translation: { all: 'See all {{count, number}} projects' } },
      },
      lng: 'it',
      interpolation: { escapeValue: false },
    });
    texts.services.formatter!.add('number', formatNumberInText);
    expect(texts.t('all', { count: 4733 })).toBe('Vedi tutti i 4.733 progetti');
    expect(texts.t('all', { count: 4733, lng: 'en' })).toBe('See all 4,733 projects');
  });
});
