import { describe, expect, it } from 'vitest';
import { gini, giniWeighted, lorenzCurve, shareBelow } from '../../src/domain/inequality.ts';

/**
 * Real grants of one measure, "Abilitazione al cloud per le PA locali" (M1C1I1.2), to six comuni
 * of the Città metropolitana di Milano (PNRR_Progetti_MI_validati_2023-02.csv, Finanziamento
 * PNRR), with their residents (comuni_mi.csv, ANPR 2024).
 */
const cloudGrants = [
  { comune: 'Morimondo', population: 1_013, amount: 47_427 },
  { comune: 'Boffalora sopra Ticino', population: 4_106, amount: 72_828 },
  { comune: 'Pregnana Milanese', population: 7_356, amount: 121_992 },
  { comune: 'Busto Garolfo', population: 14_090, amount: 121_992 },
  { comune: 'Parabiago', population: 28_315, amount: 237_681 },
  { comune: 'Milano', population: 1_412_107, amount: 4_753_682 },
];
const totalAmount = 5_355_602;
const totalResidents = 1_466_987;
const perResident = cloudGrants.map((g) => g.amount / g.population);
const residents = cloudGrants.map((g) => g.population);

// The values 0.7477 and 0.0758 below were also computed apart, with the pair formula in Python.

/** The textbook definition: mean absolute difference over all pairs, over twice the mean. */
function giniByPairs(values: number[], weights = values.map(() => 1)): number {
  const W = weights.reduce((s, w) => s + w, 0);
  const mean = values.reduce((s, v, i) => s + v * weights[i]!, 0) / W;
  let sum = 0;
  values.forEach((a, i) =>
    values.forEach((b, j) => (sum += weights[i]! * weights[j]! * Math.abs(a - b))),
  );
  return sum / (2 * W * W * mean);
}

describe('the Gini index', () => {
  it('is 0 when everyone gets the same, or there is no one', () => {
    expect(gini([5, 5, 5])).toBe(0);
    expect(gini([121_992])).toBe(0);
    expect(gini([])).toBe(0);
    expect(gini([0, 0, 0])).toBe(0);
  });

  it('is (n − 1) / n when one gets everything: the population index, not the sample one', () => {
    expect(gini([1, 0, 0, 0])).toBeCloseTo(0.75, 12);
    expect(gini([0, 0, 0, 0, 0, 0, 0, 0, 0, 1_000])).toBeCloseTo(0.9, 12);
  });

  it('counts comuni that get nothing', () => {
    expect(gini([0, 0, 10, 10])).toBeCloseTo(0.5, 12);
  });

  it('is the mean difference over all pairs, over twice the mean', () => {
    const amounts = cloudGrants.map((g) => g.amount);
    expect(gini(amounts)).toBeCloseTo(giniByPairs(amounts), 12);
    expect(gini(amounts)).toBeCloseTo(0.7477, 4);
  });

  it('does not depend on the order or the unit of the amounts', () => {
    const amounts = cloudGrants.map((g) => g.amount);
    expect(gini([...amounts].reverse())).toBeCloseTo(gini(amounts), 12);
    expect(gini(amounts.map((a) => a / 1000))).toBeCloseTo(gini(amounts), 12);
  });

  it('refuses negative amounts, which have no place on a Lorenz curve', () => {
    expect(() => gini([10, -1])).toThrow(RangeError);
    expect(() => gini([10, Number.NaN])).toThrow(RangeError);
  });
});

describe('the Lorenz curve', () => {
  it('goes from (0, 0) to (1, 1), poorest first', () => {
    const curve = lorenzCurve([60, 10, 30]);
    expect(curve.map((p) => p.population)).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(curve.map((p) => p.amount)).toEqual([0, 0.1, 0.4, 1]);
  });

  it('weighs each comune by its residents, so the curve is of € per resident across residents', () => {
    const curve = lorenzCurve(perResident, residents);
    // Milano gets the least per resident (3.37 €): 96% of the residents, 89% of the money.
    expect(curve[1]!.population).toBeCloseTo(1_412_107 / totalResidents, 12);
    expect(curve[1]!.amount).toBeCloseTo(4_753_682 / totalAmount, 12);
    expect(curve[1]!.population).toBeCloseTo(0.9626, 4);
    expect(curve[1]!.amount).toBeCloseTo(0.8876, 4);
    // Morimondo gets the most (46.82 €): its 1,013 residents are the last point.
    expect(curve[5]!.population).toBeCloseTo(1 - 1_013 / totalResidents, 12);
    expect(curve.at(-1)).toEqual({ population: 1, amount: 1 });
  });

  it('is the diagonal when there is no money at all', () => {
    expect(lorenzCurve([0, 0], [1, 3])).toEqual([
      { population: 0, amount: 0 },
      { population: 0.25, amount: 0.25 },
      { population: 1, amount: 1 },
    ]);
  });

  it('is the diagonal alone when there is no one', () => {
    const diagonal = [
      { population: 0, amount: 0 },
      { population: 1, amount: 1 },
    ];
    expect(lorenzCurve([])).toEqual(diagonal);
    expect(lorenzCurve([5, 7], [0, 0])).toEqual(diagonal);
  });

  it('needs one weight per value, none negative', () => {
    expect(() => lorenzCurve([1, 2], [1])).toThrow(RangeError);
    expect(() => lorenzCurve([1, 2], [1, -1])).toThrow(RangeError);
    expect(() => lorenzCurve([1, -2])).toThrow(RangeError);
  });
});

describe('the weighted Gini index', () => {
  it('is the plain one when every weight is the same', () => {
    const amounts = cloudGrants.map((g) => g.amount);
    expect(
      giniWeighted(
        amounts,
        amounts.map(() => 1),
      ),
    ).toBeCloseTo(gini(amounts), 12);
    expect(
      giniWeighted(
        amounts,
        amounts.map(() => 7),
      ),
    ).toBeCloseTo(gini(amounts), 12);
  });

  it('is the Gini index of the population where each value is repeated weight times', () => {
    expect(giniWeighted([10, 20], [2, 1])).toBeCloseTo(gini([10, 10, 20]), 12);
    expect(giniWeighted([0, 10], [3, 1])).toBeCloseTo(0.75, 12);
  });

  it('of € per resident across residents is the weighted mean difference over pairs', () => {
    const weighted = giniWeighted(perResident, residents);
    expect(weighted).toBeCloseTo(giniByPairs(perResident, residents), 12);
    // Milano's residents are nearly everyone, and nearly all get the same: low inequality.
    expect(weighted).toBeCloseTo(0.0758, 4);
  });

  it('is 0 when nobody gets anything', () => {
    expect(giniWeighted([0, 0], [10, 20])).toBe(0);
  });
});

describe('the share going to small comuni', () => {
  it('is the part of the money that goes to comuni under 5,000 residents', () => {
    // Morimondo and Boffalora sopra Ticino.
    expect(shareBelow(cloudGrants, 5_000)).toBeCloseTo((47_427 + 72_828) / totalAmount, 12);
    expect(shareBelow(cloudGrants, 5_000)).toBeCloseTo(0.0225, 4);
  });

  it('is the part of the money that goes to comuni under 15,000 residents', () => {
    const small = 47_427 + 72_828 + 121_992 + 121_992;
    expect(shareBelow(cloudGrants, 15_000)).toBeCloseTo(small / totalAmount, 12);
  });

  it('leaves out a comune of exactly the threshold', () => {
    const items = [
      { population: 5_000, amount: 10 },
      { population: 4_999, amount: 30 },
    ];
    expect(shareBelow(items, 5_000)).toBe(0.75);
  });

  it('is 0 when there is no money, or no comune', () => {
    expect(shareBelow([{ population: 100, amount: 0 }], 5_000)).toBe(0);
    expect(shareBelow([], 5_000)).toBe(0);
  });

  it('refuses negative amounts', () => {
    expect(() => shareBelow([{ population: 100, amount: -1 }], 5_000)).toThrow(RangeError);
  });
});
