import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allMissions } from '../../src/web/modules/plan/types.ts';

type Names = Record<string, string>;
const missionsIn = (lang: string): Names =>
  (
    JSON.parse(readFileSync(`src/web/locales/${lang}.json`, 'utf8')) as {
      plan: { missions: Names };
    }
  ).plan.missions;

/** The PNRR missions reference: code → Italian title. */
function referenceTitles(): Names {
  const [, ...rows] = readFileSync('reference-data/pnrr/pnrr_missioni.csv', 'utf8')
    .trim()
    .split(/\r?\n/);
  return Object.fromEntries(rows.map((row) => row.split(';').slice(0, 2)));
}

describe('PNRR mission names in the pages', () => {
  it('are, in Italian, the titles of the PNRR missions reference', () => {
    expect(missionsIn('it')).toEqual(referenceTitles());
  });

  it('have an English name for every mission the pages offer', () => {
    for (const code of allMissions) expect(missionsIn('en')[code]).toBeTruthy();
    expect(Object.keys(missionsIn('en')).sort()).toEqual(Object.keys(referenceTitles()).sort());
  });
});
