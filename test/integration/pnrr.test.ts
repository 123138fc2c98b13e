import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, pnrrTaxonomy } from '../../src/db/schema/index.ts';
import * as pnrr from '../../src/modules/pnrr/service.ts';
import { loadPnrrTaxonomy } from '../../src/modules/pnrr/setup.ts';
import { startTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const codesOf = (items: { code: string }[]) => items.map((i) => i.code);

interface MissionJson {
  code: string;
  allocationEur: number;
  isRepowerEu: boolean;
  measuresCount: number;
  investmentsCount: number;
  reformsCount: number;
  components: { code: string; allocationEur: number; measuresCount: number }[];
}

describe('the PNRR taxonomy from the bundled 2025 financial framework', () => {
  it('has 7 missions, 17 components and 217 measures that add up to 194.416 bn€', async () => {
    const body = (await get('/api/v1/pnrr/missions')).json();
    expect(codesOf(body.items)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7']);
    expect(body.items.flatMap((m: MissionJson) => m.components)).toHaveLength(17);
    expect(body.measuresCount).toBe(217);
    expect(body.allocationEur).toBeCloseTo(194_415_951_465.97, 2);
    expect((body.allocationEur / 1e9).toFixed(3)).toBe('194.416');
  });

  it('flags M7 as the REPowerEU chapter, and no other mission', async () => {
    const { items } = (await get('/api/v1/pnrr/missions')).json();
    const repower = items.filter((m: MissionJson) => m.isRepowerEu);
    expect(repower).toHaveLength(1);
    expect(repower[0]).toMatchObject({
      code: 'M7',
      title: 'REPowerEU',
      allocationEur: 11_177_950_000,
      measuresCount: 22,
      investmentsCount: 17,
      reformsCount: 5,
    });
  });

  it('counts 150 investments and 67 reforms, mission by mission as the file does', async () => {
    const { items } = (await get('/api/v1/pnrr/missions')).json();
    const m1 = items.find((m: MissionJson) => m.code === 'M1');
    expect(m1).toMatchObject({ measuresCount: 53, investmentsCount: 32, reformsCount: 21 });
    const sum = (key: 'investmentsCount' | 'reformsCount') =>
      items.reduce((total: number, m: MissionJson) => total + m[key], 0);
    expect([sum('investmentsCount'), sum('reformsCount')]).toEqual([150, 67]);
  });

  it("makes every mission's allocation the sum of its components'", async () => {
    const { items } = (await get('/api/v1/pnrr/missions')).json();
    for (const m of items as MissionJson[]) {
      const components = m.components.reduce((total, c) => total + c.allocationEur * 100, 0);
      expect(Math.round(components), m.code).toBe(Math.round(m.allocationEur * 100));
    }
  });

  it('answers 304 to a client that already holds the missions', async () => {
    const first = await get('/api/v1/pnrr/missions');
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/v1/pnrr/missions',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });
});

describe('listing measures', () => {
  it('filters by mission, component (any case) and kind', async () => {
    expect((await get('/api/v1/pnrr/measures?mission=M7')).json().total).toBe(22);
    expect((await get('/api/v1/pnrr/measures?component=m1c1')).json().total).toBe(29);
    expect((await get('/api/v1/pnrr/measures?kind=riforma')).json().total).toBe(67);
    expect((await get('/api/v1/pnrr/measures?kind=investimento&mission=M7')).json().total).toBe(17);
  });

  it('pages through the 217 measures in the order of their codes', async () => {
    const first = (await get('/api/v1/pnrr/measures?pageSize=100')).json();
    const third = (await get('/api/v1/pnrr/measures?pageSize=100&page=3')).json();
    expect(first.total).toBe(217);
    expect(first.items[0].code).toBe('M1C1I1.1');
    expect(third.items).toHaveLength(17);
    const all = (await get('/api/v1/pnrr/measures?pageSize=500')).json();
    expect(all.items).toHaveLength(217);
  });

  it('gives each measure its sub-measures and its SDGs', async () => {
    const { items } = (await get('/api/v1/pnrr/measures?q=M1C1I1.03')).json();
    expect(codesOf(items)).toEqual(['M1C1I1.3']);
    const [dati] = items;
    expect(dati).toMatchObject({ uniqueCode: 'M1C1I1.03', kind: 'investimento' });
    expect(dati.subMeasures.map((s: { code: string }) => s.code)).toEqual([
      'M1C1I1.3.1',
      'M1C1I1.3.2',
    ]);
    const cloud = (await get('/api/v1/pnrr/measures?q=M1C1I1.2')).json().items[0];
    expect(cloud.sdgs).toEqual([
      {
        goal: 16,
        code: 'SDG16',
        nameIt: expect.any(String),
        nameEn: expect.any(String),
        prevalent: true,
      },
    ]);
  });

  it("finds a measure by words of its sub-measures' titles, whatever the case and accents", async () => {
    const page = (
      await get(
        `/api/v1/pnrr/measures?q=${encodeURIComponent('PIATTAFORMA digitale nazionale dati')}`,
      )
    ).json();
    expect(codesOf(page.items)).toEqual(['M1C1I1.3']);
    const accents = (
      await get(`/api/v1/pnrr/measures?q=${encodeURIComponent('comunita energetiche')}`)
    ).json();
    expect(codesOf(accents.items)).toContain('M2C2I1.2');
  });

  it('finds measures by the start of their code, short or padded', async () => {
    expect((await get('/api/v1/pnrr/measures?q=m7c1r')).json().total).toBe(5);
    expect(codesOf((await get('/api/v1/pnrr/measures?q=M1C1R1.19')).json().items)).toEqual([
      'M1C1R1.9A',
    ]);
  });

  it('filters by SDG', async () => {
    expect((await get('/api/v1/pnrr/measures?sdg=9')).json().total).toBe(48);
    expect((await get('/api/v1/pnrr/measures?sdg=17')).json().total).toBe(0);
  });

  it('refuses bad filters with 400, naming the field', async () => {
    const cases: [string, string][] = [
      ['kind=loan', 'querystring.kind'],
      ['mission=M12', 'querystring.mission'],
      ['component=M1-C1', 'querystring.component'],
      ['sdg=18', 'querystring.sdg'],
      ['pageSize=501', 'querystring.pageSize'],
      ['status=open', 'querystring.status'],
    ];
    for (const [query, field] of cases) {
      const res = await get(`/api/v1/pnrr/measures?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().violations.map((v: { field: string }) => v.field)).toContain(field);
    }
  });
});

describe('one measure, by any form of its code', () => {
  it('answers the padded code with the canonical one', async () => {
    const res = await get('/api/v1/pnrr/measures/M1C1I1.01');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'M1C1I1.1',
      uniqueCode: 'M1C1I1.01',
      title: 'Infrastrutture digitali',
      missionCode: 'M1',
      missionTitle: 'Digitalizzazione, innovazione, competitività e cultura',
      componentCode: 'M1C1',
      allocationEur: 900_000_000,
    });
  });

  it("answers a sub-measure's code with its measure", async () => {
    expect((await get('/api/v1/pnrr/measures/M1C1I1.03.01')).json().code).toBe('M1C1I1.3');
  });

  it('understands the irregular codes, in lower case and with spaces', async () => {
    expect((await get('/api/v1/pnrr/measures/M1C1R1.19')).json().code).toBe('M1C1R1.9A');
    const res = await get(`/api/v1/pnrr/measures/${encodeURIComponent(' m4c2i2.04 ')}`);
    expect(res.json().code).toBe('M4C2I2.2BIS');
  });

  it('answers 404 for a measure the revision removed', async () => {
    const res = await get('/api/v1/pnrr/measures/M2C2I5.03');
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toContain('"M2C2I5.03"');
  });

  it('answers 400 for a code with characters no code has', async () => {
    const res = await get(`/api/v1/pnrr/measures/${encodeURIComponent('M1C1I1.1;x')}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().violations[0].field).toBe('params.code');
  });
});

describe('resolving a code', () => {
  const resolve = (code: string) =>
    get(`/api/v1/pnrr/resolve?code=${encodeURIComponent(code)}`).then((r) => r.json());

  it('turns padded codes into short ones, and keeps short ones', async () => {
    expect(await resolve('M1C1I1.01')).toEqual({
      input: 'M1C1I1.01',
      measureCode: 'M1C1I1.1',
      subMeasureCode: null,
    });
    expect(await resolve('M1C1I1.01.00')).toMatchObject({ measureCode: 'M1C1I1.1' });
    expect(await resolve('M1C1I1.1')).toMatchObject({ measureCode: 'M1C1I1.1' });
    expect(await resolve('M1C1I1.03.01')).toMatchObject({
      measureCode: 'M1C1I1.3',
      subMeasureCode: 'M1C1I1.3.1',
    });
    expect(await resolve('M1C1I1.3.1')).toMatchObject({ subMeasureCode: 'M1C1I1.3.1' });
  });

  it('resolves the irregular codes through the alias table', async () => {
    expect(await resolve('m5c2i2.02.01')).toEqual({
      input: 'm5c2i2.02.01',
      measureCode: 'M5C2I2.2',
      subMeasureCode: 'M5C2I2.2.A',
    });
    expect(await resolve('M1C1R1.91')).toMatchObject({ measureCode: 'M1C1R1.9BIS' });
    expect(await resolve('M1C1I3.00')).toMatchObject({ measureCode: 'M1C1I3' });
    expect(await resolve('M7I15')).toMatchObject({
      measureCode: 'M7C1I15.1',
      subMeasureCode: null,
    });
  });

  it('resolves a padded code the file does not write by the rule', async () => {
    expect(await resolve('M7C1I01.1')).toMatchObject({ measureCode: 'M7C1I1.1' });
  });

  it('answers 404 with a detail that says why', async () => {
    const unknown = await get('/api/v1/pnrr/resolve?code=M9C1I1.1');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toContain('No measure of the PNRR');
    const notACode = await get('/api/v1/pnrr/resolve?code=hello');
    expect(notACode.statusCode).toBe(404);
    expect(notACode.json().detail).toContain('is not a PNRR measure code');
    const noSuchSub = await get('/api/v1/pnrr/resolve?code=M1C1I1.03.09');
    expect(noSuchSub.statusCode).toBe(404);
  });

  it('answers 400 when the code is missing, malformed or comes with unknown fields', async () => {
    const missing = await get('/api/v1/pnrr/resolve');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().violations).toEqual([
      { field: 'querystring.code', reason: 'is required', code: 'required' },
    ]);
    const malformed = await get(`/api/v1/pnrr/resolve?code=${encodeURIComponent('<script>')}`);
    expect(malformed.json().violations[0].field).toBe('querystring.code');
    const extra = await get('/api/v1/pnrr/resolve?code=M1C1I1.1&debug=1');
    expect(extra.statusCode).toBe(400);
    expect(extra.json().violations[0].field).toBe('querystring.debug');
  });
});

describe('the SDGs', () => {
  // Measures of the revised PNRR per goal, from Italia Domani's 2023 mapping.
  const measuresPerGoal = [11, 0, 11, 29, 4, 6, 31, 28, 48, 3, 17, 12, 27, 1, 0, 27, 0];

  it('lists the 17 goals with Italian and English names', async () => {
    const { items } = (await get('/api/v1/sdgs')).json();
    expect(items.map((g: { goal: number }) => g.goal)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
    expect(items[10]).toMatchObject({
      code: 'SDG11',
      nameIt: 'Città e comunità sostenibili',
      nameEn: 'Sustainable Cities and Communities',
    });
  });

  it('counts the measures mapped to each goal', async () => {
    const { items } = (await get('/api/v1/sdgs')).json();
    expect(items.map((g: { measuresCount: number }) => g.measuresCount)).toEqual(measuresPerGoal);
    expect(items[8]).toMatchObject({ goal: 9, measuresCount: 48, prevalentMeasuresCount: 43 });
  });
});

describe('loading the taxonomy', () => {
  const loads = () =>
    t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'pnrr.taxonomy_loaded'));

  it('was audited once, with the totals and the measures the revision removed', async () => {
    const [entry, ...others] = await loads();
    expect(others).toEqual([]);
    expect(entry!.actorLabel).toContain('system');
    expect(entry!.after).toMatchObject({
      missions: 7,
      components: 17,
      measures: 217,
      subMeasures: 129,
      sdgs: 17,
      measureSdgs: 255,
      ambiguousCodes: [],
      unmappedSdgMeasures: ['M2C2I1.03', 'M2C2I5.03', 'M2C4I2.02', 'M4C2I2.02', 'M5C3I1.02'],
    });
  });

  it('changes nothing when loaded again from the same files', async () => {
    const [before] = await t.ctx.db.select().from(pnrrTaxonomy);
    const result = await loadPnrrTaxonomy(t.ctx);
    expect(result).toMatchObject({ loaded: false, measures: 217 });
    expect(await loads()).toHaveLength(1);
    expect(await t.ctx.db.select().from(pnrrTaxonomy)).toEqual([before]);
  });

  it('offers other modules resolution and validation of codes', async () => {
    expect(await pnrr.resolvePnrrCode(t.ctx, 'M1C1I1.01')).toEqual({
      input: 'M1C1I1.01',
      measureCode: 'M1C1I1.1',
      subMeasureCode: null,
    });
    expect(await pnrr.resolvePnrrCode(t.ctx, 'M2C2I5.03')).toBeNull();
    expect(await pnrr.missionCodes(t.ctx)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7']);
    expect(await pnrr.sdgGoals(t.ctx)).toHaveLength(17);
    expect(await pnrr.measuresExist(t.ctx, ['M1C1I1.1', 'M7C1I1.1'])).toBe(true);
    expect(await pnrr.measuresExist(t.ctx, ['M1C1I1.1', 'M1C1I1.01'])).toBe(false);
    expect(await pnrr.unknownMeasureCodes(t.ctx, ['M1C1I1.01', 'M1C1I1.1'])).toEqual(['M1C1I1.01']);
  });

  it('reloads, in place and audited, a taxonomy loaded from other files', async () => {
    await t.ctx.db.update(pnrrTaxonomy).set({ sourceFingerprint: 'an older release' });
    const result = await loadPnrrTaxonomy(t.ctx);
    expect(result).toMatchObject({ loaded: true, missions: 7, measures: 217 });
    expect(await loads()).toHaveLength(2);
    const body = (await get('/api/v1/pnrr/missions')).json();
    expect(body.measuresCount).toBe(217);
    expect((await get('/api/v1/pnrr/resolve?code=M1C1R1.19')).json().measureCode).toBe('M1C1R1.9A');
  });
});
