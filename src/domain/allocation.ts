/**
 * A project located in several comuni is split among them, never counted in full for each: by
 * the release's localisation share where one is given, evenly where none is. Amounts are split
 * in euro cents, and the cents always add up to the project's total.
 */

export interface Location {
  /** What the amount is split among, e.g. a comune's ISTAT code. */
  key: string;
  /** The release's share of the project for this location; any scale, normalised here. */
  share?: number | null;
}

export interface LocationWeight {
  key: string;
  /** The location's part of the project; the weights of a project add up to 1. */
  weight: number;
}

const givenShare = (share: number | null | undefined): share is number =>
  typeof share === 'number' && Number.isFinite(share) && share >= 0;

/** One entry per key, in order of first appearance; a key's shares add up. */
function mergeByKey(locations: readonly Location[]): { key: string; share: number | null }[] {
  const merged = new Map<string, number | null>();
  for (const { key, share } of locations) {
    const before = merged.get(key) ?? null;
    const own = givenShare(share) ? share : null;
    merged.set(key, own === null ? before : (before ?? 0) + own);
  }
  return [...merged].map(([key, share]) => ({ key, share }));
}

/**
 * Each distinct key's part of a project. A key listed twice is one location (the even split is
 * among distinct keys) and its shares add up. Shares are normalised to sum to 1. When only some
 * locations have a share, the others split evenly what the given shares leave of 1, and get
 * nothing if they leave nothing. Shares that are negative or not numbers count as not given;
 * shares that are all zero count as none.
 */
export function locationWeights(locations: readonly Location[]): LocationWeight[] {
  const merged = mergeByKey(locations);
  const even = () => merged.map(({ key }) => ({ key, weight: 1 / merged.length }));
  const given = merged.filter((l) => l.share !== null);
  const sumGiven = given.reduce((sum, l) => sum + l.share!, 0);
  if (given.length === 0 || sumGiven === 0) return even();
  const unshared = merged.length - given.length;
  const leftOver = unshared > 0 ? Math.max(0, 1 - sumGiven) : 0;
  const total = sumGiven + leftOver;
  return merged.map(({ key, share }) => ({
    key,
    weight: share === null ? leftOver / unshared / total : share / total,
  }));
}

/** Splits whole cents by weight; the largest remainders get the cents left over. */
function splitCents(totalCents: number, weights: readonly number[]): number[] {
  const size = Math.abs(totalCents);
  const exact = weights.map((w) => size * w);
  const cents = exact.map(Math.floor);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - cents[index]! }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  let leftOver = size - cents.reduce((sum, c) => sum + c, 0);
  for (const { index } of byRemainder) {
    if (leftOver <= 0) break;
    cents[index]! += 1;
    leftOver--;
  }
  return cents.map((c) => (totalCents < 0 ? -c : c));
}

const toCents = (amount: number): number => {
  if (!Number.isFinite(amount)) throw new RangeError(`cannot split the amount ${amount}`);
  return Math.round(amount * 100);
};

const fromCents = (cents: number): number => (cents === 0 ? 0 : cents / 100);

/**
 * Splits a project's amount among its locations ({@link locationWeights}), rounded to the cent
 * so that the cents add up exactly to the total's (largest-remainder rounding). No locations,
 * no parts.
 */
export function splitAmount(
  total: number,
  locations: readonly Location[],
): { key: string; amount: number }[] {
  if (locations.length === 0) return [];
  const weights = locationWeights(locations);
  const cents = splitCents(
    toCents(total),
    weights.map((w) => w.weight),
  );
  return weights.map(({ key }, i) => ({ key, amount: fromCents(cents[i]!) }));
}

export interface ProjectToAllocate {
  id: string;
  /** null when the release gives no amount: the project still counts, for no money. */
  amount: number | null;
  locations: readonly Location[];
}

export interface Allocation {
  /** Euro, the sum of the projects' parts. */
  amount: number;
  /** Projects counted by their part: a project split in three counts 1/3 in each. */
  projects: number;
  projectIds: Set<string>;
}

/**
 * Totals per location. Entries with the same id are lines of one project (the 2023 release
 * finances D45F21005290001 in a 2021 and a 2022 line): each line's amount is split among its own
 * locations, and the project counts once, split among all of them. A project without locations
 * is in no total: the caller reports it.
 */
export function allocateProjects(projects: readonly ProjectToAllocate[]): Map<string, Allocation> {
  const lines = new Map<string, ProjectToAllocate[]>();
  for (const project of projects)
    lines.set(project.id, [...(lines.get(project.id) ?? []), project]);

  const cents = new Map<string, number>();
  const result = new Map<string, Allocation>();
  for (const [id, ofProject] of lines) {
    const locations = ofProject.flatMap((line) => line.locations);
    if (locations.length === 0) continue;
    for (const { key, weight } of locationWeights(locations)) {
      const entry = result.get(key) ?? { amount: 0, projects: 0, projectIds: new Set<string>() };
      entry.projects += weight;
      entry.projectIds.add(id);
      result.set(key, entry);
    }
    for (const line of ofProject) {
      if (line.amount === null) continue;
      // A line without locations of its own goes where the project's other lines go.
      const where = line.locations.length > 0 ? line.locations : locations;
      for (const { key, amount } of splitAmount(line.amount, where))
        cents.set(key, (cents.get(key) ?? 0) + toCents(amount));
    }
  }
  for (const [key, entry] of result) entry.amount = fromCents(cents.get(key) ?? 0);
  return result;
}
