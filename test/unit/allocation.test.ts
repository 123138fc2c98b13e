import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  allocateProjects,
  locationWeights,
  splitAmount,
  type ProjectToAllocate,
} from '../../src/domain/allocation.ts';

const cents = (amount: number) => Math.round(amount * 100);
const sumCents = (parts: { amount: number }[]) => parts.reduce((s, p) => s + cents(p.amount), 0);
const at = (...keys: string[]) => keys.map((key) => ({ key }));

describe('a project in several comuni is split among them, never counted in full for each', () => {
  it('splits evenly when the release gives no share (C99D17000140008, 20 M€ in three comuni)', () => {
    // Arconate, Busto Garolfo, Parabiago: the cent left over goes to the first largest remainder.
    expect(splitAmount(20_000_000, at('015007', '015041', '015168'))).toEqual([
      { key: '015007', amount: 6_666_666.67 },
      { key: '015041', amount: 6_666_666.67 },
      { key: '015168', amount: 6_666_666.66 },
    ]);
  });

  it('splits evenly to the cent when it divides (J71J22001510007, four comuni)', () => {
    const parts = splitAmount(320_120.88, at('015108', '015146', '015188', '015209'));
    expect(parts.map((p) => p.amount)).toEqual([80_030.22, 80_030.22, 80_030.22, 80_030.22]);
  });

  it('gives everything to the only comune', () => {
    expect(splitAmount(121_992, at('015179'))).toEqual([{ key: '015179', amount: 121_992 }]);
  });

  it('splits by the localisation shares when the release gives them', () => {
    const parts = splitAmount(1000, [
      { key: 'A', share: 0.7 },
      { key: 'B', share: 0.2 },
      { key: 'C', share: 0.1 },
    ]);
    expect(parts).toEqual([
      { key: 'A', amount: 700 },
      { key: 'B', amount: 200 },
      { key: 'C', amount: 100 },
    ]);
  });

  it('normalises shares that do not add up to 1, percentages included', () => {
    expect(
      locationWeights([
        { key: 'A', share: 60 },
        { key: 'B', share: 40 },
      ]),
    ).toEqual([
      { key: 'A', weight: 0.6 },
      { key: 'B', weight: 0.4 },
    ]);
    expect(
      splitAmount(100, [
        { key: 'A', share: 0.3 },
        { key: 'B', share: 0.3 },
      ]),
    ).toEqual([
      { key: 'A', amount: 50 },
      { key: 'B', amount: 50 },
    ]);
  });

  it('merges a comune listed twice (D45F21005290001 is in Milano twice)', () => {
    expect(splitAmount(1_602_345, at('015146', '015146'))).toEqual([
      { key: '015146', amount: 1_602_345 },
    ]);
    expect(splitAmount(90, at('A', 'B', 'A'))).toEqual([
      { key: 'A', amount: 45 },
      { key: 'B', amount: 45 },
    ]);
    expect(
      splitAmount(100, [
        { key: 'A', share: 0.25 },
        { key: 'B', share: 0.5 },
        { key: 'A', share: 0.25 },
      ]),
    ).toEqual([
      { key: 'A', amount: 50 },
      { key: 'B', amount: 50 },
    ]);
  });

  it('has no parts when the project has no location', () => {
    expect(splitAmount(1000, [])).toEqual([]);
  });
});

describe('the cents always add up to the total', () => {
  it('with a third of a cent to place', () => {
    expect(splitAmount(0.01, at('A', 'B', 'C'))).toEqual([
      { key: 'A', amount: 0.01 },
      { key: 'B', amount: 0 },
      { key: 'C', amount: 0 },
    ]);
    expect(splitAmount(0.02, at('A', 'B', 'C')).map((p) => p.amount)).toEqual([0.01, 0.01, 0]);
  });

  it('gives the cents left over to the largest remainders, not to the first locations', () => {
    const parts = splitAmount(1, [
      { key: 'A', share: 0.331 },
      { key: 'B', share: 0.333 },
      { key: 'C', share: 0.336 },
    ]);
    // 33.1, 33.3 and 33.6 cents: C's .6 gets the cent, then B's .3 before A's .1.
    expect(parts.map((p) => p.amount)).toEqual([0.33, 0.33, 0.34]);
  });

  it('for negative totals too', () => {
    const parts = splitAmount(-100, at('A', 'B', 'C'));
    expect(parts.map((p) => p.amount)).toEqual([-33.34, -33.33, -33.33]);
    expect(sumCents(parts)).toBe(-10_000);
  });

  it('for awkward totals and shares', () => {
    const shares = [0.137, 0.291, 0.0041, 0.5, 0.0679];
    for (const total of [0.07, 1, 99.99, 12_345.67, 1_741_966.62, 59_996_968, 194_416_000_000]) {
      const parts = splitAmount(
        total,
        shares.map((share, i) => ({ key: `k${i}`, share })),
      );
      expect(sumCents(parts), String(total)).toBe(cents(total));
      for (const part of parts)
        expect(Math.abs(part.amount * 100 - cents(part.amount))).toBeLessThan(1e-6);
    }
  });

  it('rounds a total given in fractions of a cent to the cent first', () => {
    expect(sumCents(splitAmount(10.005, at('A', 'B')))).toBe(cents(10.005));
  });

  it('refuses a total that is not a number', () => {
    expect(() => splitAmount(Number.NaN, at('A'))).toThrow(RangeError);
    expect(() => splitAmount(Infinity, at('A'))).toThrow(RangeError);
  });
});

describe('locations with and without a share', () => {
  it('split what the given shares leave among the locations without one', () => {
    expect(
      locationWeights([{ key: 'A', share: 0.5 }, { key: 'B' }, { key: 'C', share: null }]),
    ).toEqual([
      { key: 'A', weight: 0.5 },
      { key: 'B', weight: 0.25 },
      { key: 'C', weight: 0.25 },
    ]);
  });

  it('give nothing to the locations without a share when the given shares leave nothing', () => {
    expect(
      locationWeights([{ key: 'A', share: 0.6 }, { key: 'B', share: 0.6 }, { key: 'C' }]),
    ).toEqual([
      { key: 'A', weight: 0.5 },
      { key: 'B', weight: 0.5 },
      { key: 'C', weight: 0 },
    ]);
  });

  it('read negative or non-numeric shares as not given', () => {
    expect(
      locationWeights([
        { key: 'A', share: -1 },
        { key: 'B', share: Number.NaN },
      ]),
    ).toEqual([
      { key: 'A', weight: 0.5 },
      { key: 'B', weight: 0.5 },
    ]);
  });

  it('read shares that are all zero as none', () => {
    expect(
      locationWeights([
        { key: 'A', share: 0 },
        { key: 'B', share: 0 },
      ]),
    ).toEqual([
      { key: 'A', weight: 0.5 },
      { key: 'B', weight: 0.5 },
    ]);
  });

  it('keep a zero share as zero when others are not', () => {
    expect(
      splitAmount(10, [
        { key: 'A', share: 0 },
        { key: 'B', share: 2 },
      ]),
    ).toEqual([
      { key: 'A', amount: 0 },
      { key: 'B', amount: 10 },
    ]);
  });
});

describe('totals per comune', () => {
  const project = (
    id: string,
    amount: number | null,
    ...locations: ProjectToAllocate['locations']
  ): ProjectToAllocate => ({ id, amount, locations });

  it('add up the parts of each project, and count each project by its part', () => {
    const totals = allocateProjects([
      project('C99D17000140008', 20_000_000, ...at('015007', '015041', '015168')),
      project('C71C22000400006', 121_992, ...at('015041')),
    ]);
    expect(totals.get('015041')).toEqual({
      amount: 6_788_658.67,
      projects: 1 + 1 / 3,
      projectIds: new Set(['C99D17000140008', 'C71C22000400006']),
    });
    expect(totals.get('015168')?.amount).toBe(6_666_666.66);
    expect(totals.get('015168')?.projects).toBeCloseTo(1 / 3, 12);
  });

  it('count a project without an amount, for no money', () => {
    const totals = allocateProjects([project('X', null, ...at('A', 'B'))]);
    expect(totals.get('A')).toEqual({ amount: 0, projects: 0.5, projectIds: new Set(['X']) });
  });

  it('count a project once when the release finances it in two lines (D45F21005290001)', () => {
    const totals = allocateProjects([
      project('D45F21005290001', 1_741_966.62, ...at('015146')),
      project('D45F21005290001', 1_602_345, ...at('015146')),
    ]);
    expect(totals.get('015146')).toEqual({
      amount: 3_344_311.62,
      projects: 1,
      projectIds: new Set(['D45F21005290001']),
    });
  });

  it('split each line among its own locations, and the project among all of them', () => {
    const totals = allocateProjects([project('P', 100, ...at('A')), project('P', 50, ...at('B'))]);
    expect(totals.get('A')).toMatchObject({ amount: 100, projects: 0.5 });
    expect(totals.get('B')).toMatchObject({ amount: 50, projects: 0.5 });
  });

  it('send a line without locations where the project goes', () => {
    const totals = allocateProjects([project('P', 100, ...at('A', 'B')), project('P', 10)]);
    expect(totals.get('A')?.amount).toBe(55);
    expect(totals.get('B')?.amount).toBe(55);
  });

  it('leave out a project without locations', () => {
    expect(allocateProjects([project('X', 1000)]).size).toBe(0);
    expect(allocateProjects([]).size).toBe(0);
  });
});

describe('the validated projects of the Città metropolitana di Milano (Feb 2023)', () => {
  const root = new URL('../../reference-data/pnrr/', import.meta.url);
  const rows = (file: string): Record<string, string>[] =>
    parse(readFileSync(new URL(file, root), 'utf8'), { columns: true, bom: true, delimiter: ';' });
  const euroCents = (raw: string) => Number(raw.replace(',', ''));

  // One line per Codice Locale Progetto, each with its own localisations.
  const places = new Map<string, { key: string }[]>();
  for (const row of rows('PNRR_Localizzazione_MI_validati_2023-02.csv')) {
    const line = row['Codice Locale Progetto']!;
    places.set(line, [
      ...(places.get(line) ?? []),
      { key: row['Codice Provincia']! + row['Codice Comune']! },
    ]);
  }
  const projects = rows('PNRR_Progetti_MI_validati_2023-02.csv').map((row) => ({
    id: row.CUP!,
    amount: euroCents(row['Finanziamento PNRR']!) / 100,
    locations: places.get(row['Codice Locale Progetto']!) ?? [],
  }));
  const located = projects.filter((p) => p.locations.length > 0);
  const totals = allocateProjects(projects);

  it('are all localised, 43 of them in more than one comune', () => {
    expect(located).toHaveLength(1942);
    const spread = new Set(located.filter((p) => new Set(p.locations.map((l) => l.key)).size > 1));
    expect(spread.size).toBe(43);
  });

  it('add up per comune to the total of the file, to the cent', () => {
    const fileCents = located.reduce((sum, p) => sum + cents(p.amount), 0);
    expect(sumCents([...totals.values()])).toBe(fileCents);
  });

  it('count each CUP once over all comuni', () => {
    const count = [...totals.values()].reduce((sum, t) => sum + t.projects, 0);
    expect(count).toBeCloseTo(new Set(located.map((p) => p.id)).size, 9);
  });
});
