import { describe, expect, it } from 'vitest';
import { fundingBreakdown } from '../../src/web/modules/projects/fundingBreakdown.ts';
import { fundingSources, type Funding } from '../../src/web/modules/projects/types.ts';

function funding(values: Partial<Funding>): Funding {
  const all = Object.fromEntries(fundingSources.map((source) => [source, null])) as Funding;
  return { ...all, total: null, totalPublic: null, ...values };
}

describe("a project's funding by source", () => {
  it('gives a row only to the sources with an amount, in the order of the release', () => {
    const { amounts } = fundingBreakdown(funding({ region: 1000, pnrr: 2500, state: 0 }));
    expect(amounts).toEqual([
      { source: 'pnrr', value: 2500 },
      { source: 'region', value: 1000 },
    ]);
  });

  it('keeps a stated zero apart from a source the release is silent about', () => {
    const breakdown = fundingBreakdown(funding({ pnrr: 2500, state: 0, comune: 0 }));
    expect(breakdown.statedZero).toEqual(['state', 'comune']);
    expect(breakdown.notStated).not.toContain('state');
    expect(breakdown.notStated).toContain('region');
    expect(breakdown.notStated).toHaveLength(fundingSources.length - 3);
  });

  it('keeps a negative correction as an amount', () => {
    expect(fundingBreakdown(funding({ other: -120 })).amounts).toEqual([
      { source: 'other', value: -120 },
    ]);
  });

  it('has no rows when nothing is stated', () => {
    const breakdown = fundingBreakdown(funding({}));
    expect(breakdown.amounts).toEqual([]);
    expect(breakdown.statedZero).toEqual([]);
    expect(breakdown.notStated).toEqual([...fundingSources]);
  });
});
