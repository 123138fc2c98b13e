/**
 * How evenly money is spread over a territory: the Lorenz curve, the Gini index and the share
 * that goes to small comuni.
 *
 * Amounts must be finite and ≥ 0: a negative amount has no place on a Lorenz curve and would
 * push the Gini index outside [0, 1], so it is a RangeError here (net a correction against its
 * project before calling). The Gini index is the population one, (Σᵢ Σⱼ |xᵢ − xⱼ|) / (2 n² mean):
 * one comune out of n getting everything scores (n − 1) / n, not 1.
 */

function checkAmounts(values: readonly number[], what: string): void {
  for (const value of values)
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`${what} must be finite and not negative, got ${value}`);
}

/** 0 when everyone gets the same (nothing at all included) or there is no one. */
export function gini(values: readonly number[]): number {
  checkAmounts(values, 'values');
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const total = sorted.reduce((sum, v) => sum + v, 0);
  if (n === 0 || total === 0 || sorted[0] === sorted[n - 1]) return 0;
  const ranked = sorted.reduce((sum, v, i) => sum + (i + 1) * v, 0);
  return clamp((2 * ranked) / (n * total) - (n + 1) / n);
}

/** Floating-point noise aside, a Gini index is in [0, 1]. */
const clamp = (g: number): number => Math.min(1, Math.max(0, g));

export interface LorenzPoint {
  /** Cumulative share of the population (of the weights), poorest first. */
  population: number;
  /** Cumulative share of the amount they receive. */
  amount: number;
}

/**
 * The Lorenz curve from (0, 0) to (1, 1), one point per value, poorest first.
 *
 * Without weights each value is one unit's amount (€ per comune, across comuni). With weights,
 * each value is a rate and its weight the units it applies to: `values` € per resident and
 * `weights` residents give the curve of € per resident across residents (a comune's amount is
 * value × weight). When there is no amount at all, everyone has the same: the curve is the
 * diagonal.
 */
export function lorenzCurve(values: readonly number[], weights?: readonly number[]): LorenzPoint[] {
  checkAmounts(values, 'values');
  const units = weights ?? values.map(() => 1);
  if (units.length !== values.length)
    throw new RangeError(`${values.length} values but ${units.length} weights`);
  checkAmounts(units, 'weights');

  const rows = values.map((value, i) => ({ value, weight: units[i]! }));
  rows.sort((a, b) => a.value - b.value);
  const totalWeight = rows.reduce((sum, r) => sum + r.weight, 0);
  const totalAmount = rows.reduce((sum, r) => sum + r.value * r.weight, 0);
  const points: LorenzPoint[] = [{ population: 0, amount: 0 }];
  if (totalWeight === 0) return [...points, { population: 1, amount: 1 }];

  let weight = 0;
  let amount = 0;
  for (const row of rows) {
    weight += row.weight;
    amount += row.value * row.weight;
    const population = weight / totalWeight;
    points.push({ population, amount: totalAmount === 0 ? population : amount / totalAmount });
  }
  // The last point is (1, 1) exactly, whatever the rounding of the running sums.
  points[points.length - 1] = { population: 1, amount: 1 };
  return points;
}

/**
 * The Gini index of a weighted population, from its Lorenz curve: 1 − 2 × the area under it.
 * With weights all equal it is {@link gini}; with whole weights it is the Gini index of the
 * population where each value is repeated weight times.
 */
export function giniWeighted(values: readonly number[], weights: readonly number[]): number {
  const curve = lorenzCurve(values, weights);
  let twiceArea = 0;
  for (let i = 1; i < curve.length; i++) {
    const [before, point] = [curve[i - 1]!, curve[i]!];
    twiceArea += (point.population - before.population) * (point.amount + before.amount);
  }
  return clamp(1 - twiceArea);
}

/**
 * The share of the total amount that goes to comuni with fewer residents than `threshold`
 * (the app uses 5,000 and 15,000: a comune of exactly 5,000 is not under 5,000). 0 when there
 * is no amount at all.
 */
export function shareBelow(
  items: readonly { population: number; amount: number }[],
  threshold: number,
): number {
  checkAmounts(
    items.map((i) => i.amount),
    'amounts',
  );
  const total = items.reduce((sum, i) => sum + i.amount, 0);
  if (total === 0) return 0;
  const below = items.filter((i) => i.population < threshold);
  return below.reduce((sum, i) => sum + i.amount, 0) / total;
}
