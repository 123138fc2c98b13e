import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/roles.ts';
import { importPnrrFile } from '../../src/modules/projects/import/importFile.ts';
import { startTestApp, type TestApp } from '../support/testApp.ts';

/**
 * A first load of many rows drops the tables' indexes and builds them again after the insert
 * (apply.ts, withIndexesRebuiltIfLarge): the indexes must come back exactly as the migrations
 * made them, and the data must be the same as a row-by-row insert gives.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const projects = 24_000;
const comuni = ['015146', '015077', '015002', '015250'];
const cup = (i: number) => `J41B${String(i).padStart(11, '0')}`;

function release() {
  const progetti = [
    'Missione;Componente;Codice Univoco Misura;Codice Univoco Submisura;CUP;Codice Locale Progetto;Titolo progetto;Finanziamento PNRR;Finanziamento Totale;Data aggiornamento',
  ];
  const places = [
    'Codice Univoco Submisura;CUP;Codice Locale Progetto;Codice Regione;Codice Provincia;Codice Comune;Descrizione Comune;Data di aggiornamento',
  ];
  for (let i = 0; i < projects; i++) {
    progetti.push(
      `M4;M4C1;M4C1I3.3;M4C1I3.3;${cup(i)};L-${i};Scuola ${i};1.000,00;1.500,00;21/02/2023`,
    );
    // Every third project is in two comuni: 32,000 places in all.
    for (const c of i % 3 === 0 ? [comuni[i % 4]!, comuni[(i + 1) % 4]!] : [comuni[i % 4]!])
      places.push(`M4C1I3.3;${cup(i)};L-${i};03;${c.slice(0, 3)};${c.slice(3)};X;21/02/2023`);
  }
  return {
    progetti: Buffer.from(progetti.join('\n') + '\n'),
    places: Buffer.from(places.join('\n') + '\n'),
  };
}

async function importRelease(progress: number[] = []) {
  const files = release();
  const places = await importPnrrFile(
    t.ctx,
    systemActor,
    { fileName: 'PNRR_Localizzazione_bulk.csv', bytes: files.places },
    (stage, _detail, fraction) =>
      stage === 'reading' && fraction !== undefined && progress.push(fraction),
  );
  const report = await importPnrrFile(t.ctx, systemActor, {
    fileName: 'PNRR_Progetti_bulk.csv',
    bytes: files.progetti,
  });
  return { places, report };
}

async function catalogue() {
  const result = (await t.ctx.db.execute(sql`
    SELECT tablename, indexname, indexdef FROM pg_indexes
    WHERE tablename IN ('projects', 'project_locations') ORDER BY tablename, indexname`)) as unknown as {
    rows: { tablename: string; indexname: string; indexdef: string }[];
  };
  return result.rows;
}

describe('a first national-size load', () => {
  it('builds the indexes again as the migrations made them, with every row in place', async () => {
    const before = await catalogue();
    expect(before.map((i) => i.indexname)).toContain('project_locations_comune_idx');
    const progress: number[] = [];
    const { places, report } = await importRelease(progress);
    expect(places).toMatchObject({ rowsRead: 32_000, created: 32_000, rejected: 0 });
    // How far through the file, every 1,024 rows: 31 steps for 32,000 places, always forward.
    expect(progress).toHaveLength(31);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBeGreaterThan(0.8);
    expect(progress.at(-1)).toBeLessThan(1);
    expect(report).toMatchObject({ rowsRead: projects, created: projects, rejected: 0 });

    expect(await catalogue()).toEqual(before);
    const page = await t.app.inject({ method: 'GET', url: '/api/v1/projects?comune=015146' });
    // 015146 is the place of every fourth project, and the second place of every twelfth.
    const expected = Array.from({ length: projects }, (_, i) => i).filter(
      (i) => i % 4 === 0 || (i % 3 === 0 && (i + 1) % 4 === 0),
    ).length;
    expect(page.json().total).toBe(expected);
  });

  it('finds every row again when the same release comes back (the rebuilt keys work)', async () => {
    const { places, report } = await importRelease();
    expect(places).toMatchObject({ created: 0, unchanged: 32_000, removed: 0 });
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: projects });
  });
});
