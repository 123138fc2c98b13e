/**
 * Population bands used across the app (small comuni get more attention from the services:
 * the 5,000 and 15,000 thresholds are the ones Italian law and PNRR calls use).
 */
export const populationBands = {
  'under-5k': { min: 0, max: 4999 },
  '5k-15k': { min: 5000, max: 14999 },
  '15k-50k': { min: 15000, max: 49999 },
  'over-50k': { min: 50000, max: null },
} as const;

export type PopulationBand = keyof typeof populationBands;

export function populationBandOf(population: number): PopulationBand {
  if (population < 5000) return 'under-5k';
  if (population < 15000) return '5k-15k';
  if (population < 50000) return '15k-50k';
  return 'over-50k';
}

/** Residents per km², one decimal; null when either figure is missing. */
export function density(population: number | null, areaKm2: number | null): number | null {
  if (population === null || areaKm2 === null || areaKm2 <= 0) return null;
  return Math.round((population / areaKm2) * 10) / 10;
}

/**
 * The source of a comune's population as a reader meets it: the register ("ANPR") and the day of
 * the count, a date the page writes in the reader's language (null when the file gives none that
 * is a day). The file it was read from is named in reference-data/SOURCES.md.
 */
export function populationSource(
  source: string,
  isoDate: string,
): { register: string; day: string | null } {
  const register = source.replace(/\s*\(.*\)\s*$/, '').trim();
  return { register, day: /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? isoDate : null };
}
