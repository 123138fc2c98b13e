import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Every text of a locale with its key, e.g. ['projects.filters.comune', 'Municipality']. */
function texts(lang: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') out.push([path, node]);
    else if (node && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) walk(value, path ? `${path}.${key}` : key);
  };
  walk(JSON.parse(readFileSync(`src/web/locales/${lang}.json`, 'utf8')), '');
  return out;
}

describe('the English texts', () => {
  it('say "municipality", never the Italian "comune" (DESIGN.md §1 maps the term)', () => {
    const italian = texts('en').filter(([, text]) =>
      /\bcomun[ei]\b/i.test(text.replace(/\{\{[^}]*\}\}/g, '')),
    );
    expect(italian).toEqual([]);
  });

  it('say "homogeneous zone", never the Italian "zona omogenea" or "zone omogenee"', () => {
    const italian = texts('en').filter(([, text]) => /\bzon[ae] omogene[ae]\b/i.test(text));
    expect(italian).toEqual([]);
  });
});

describe('the texts of both languages', () => {
  it('write a count as a number of their language (1.003, 1,003), never as bare digits', () => {
    const bare = ['it', 'en'].flatMap((lang) =>
      texts(lang).filter(([, text]) => text.includes('{{count}}')),
    );
    expect(bare).toEqual([]);
  });
});
