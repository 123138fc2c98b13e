import { fundingSources, type Funding, type FundingSource } from './types.ts';

export interface FundingBreakdown {
  /** Sources that put money in (or took it out: a correction can be negative), release order. */
  amounts: { source: FundingSource; value: number }[];
  /** Sources the release states as 0: data, said in one line rather than a row each. */
  statedZero: FundingSource[];
  /** Sources the release is silent about: not shown, and not the same as zero. */
  notStated: FundingSource[];
}

/** Splits a project's funding into the sources worth a row, the stated zeros and the unknowns. */
export function fundingBreakdown(funding: Funding): FundingBreakdown {
  const breakdown: FundingBreakdown = { amounts: [], statedZero: [], notStated: [] };
  for (const source of fundingSources) {
    const value = funding[source];
    if (value === null || value === undefined) breakdown.notStated.push(source);
    else if (value === 0) breakdown.statedZero.push(source);
    else breakdown.amounts.push({ source, value });
  }
  return breakdown;
}
