import type { ComuneAllocation } from '../types.ts';

/** 1234 → 1200, 87 → 90, 4.3 → 4.3: two significant digits read well in a legend. */
function nice(value: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

/**
 * Upper edges of the colour classes for € per resident: quintiles of the comuni that received
 * something, rounded, so each colour holds about a fifth of them whatever the filters.
 */
export function perResidentBreaks(allocations: ComuneAllocation[]): number[] {
  const values = allocations
    .map((a) => a.perResident)
    .filter((v): v is number => v !== null && v > 0)
    .sort((a, b) => a - b);
  if (values.length === 0) return [];
  const edges = [0.2, 0.4, 0.6, 0.8].map((q) => nice(values[Math.floor(q * values.length)]!));
  return [...new Set(edges.filter((edge) => edge > 0))];
}
