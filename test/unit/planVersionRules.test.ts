import { describe, expect, it } from 'vitest';
import type { Plan, PlanVersionEntry, VersionStatus } from '../../src/web/modules/plan/types.ts';
import { currentPlanOf, currentVersionOf } from '../../src/web/modules/plan/versionRules.ts';

function version(number: number, status: VersionStatus, contentCount: number): PlanVersionEntry {
  return {
    id: `v${number}`,
    planId: 'p',
    number,
    label: `Versione ${number}`,
    status,
    statusChangedAt: '2025-01-01T00:00:00.000Z',
    basedOnId: null,
    version: 1,
    contentCount,
  };
}

function plan(slug: string, periodStart: number, versions: PlanVersionEntry[]): Plan {
  return {
    id: slug,
    slug,
    title: slug,
    subtitle: null,
    periodStart,
    periodEnd: periodStart + 2,
    notes: null,
    versions,
  };
}

describe('the version a reader opens first', () => {
  it('is the adopted one when it has content', () => {
    const p = plan('a', 2022, [version(1, 'superseded', 5), version(2, 'adopted', 6)]);
    expect(currentVersionOf(p)?.number).toBe(2);
  });

  it('skips an empty version for one with goals or actions', () => {
    const p = plan('a', 2022, [version(1, 'consultation', 4), version(2, 'adopted', 0)]);
    expect(currentVersionOf(p)?.number).toBe(1);
  });

  it('is still the preferred one when every version is empty', () => {
    const p = plan('a', 2025, [version(1, 'draft', 0), version(2, 'consultation', 0)]);
    expect(currentVersionOf(p)?.number).toBe(2);
  });
});

describe('the plan in force', () => {
  const adopted = plan('psttm-2022-2024', 2022, [version(1, 'adopted', 14)]);
  const emptyProposal = plan('psttm-2025-2027', 2025, [version(1, 'consultation', 0)]);

  it('is not a newer plan whose consultation has nothing to read yet', () => {
    expect(currentPlanOf([adopted, emptyProposal])?.slug).toBe('psttm-2022-2024');
  });

  it('is the newer plan once its version has content', () => {
    const proposal = plan('psttm-2025-2027', 2025, [version(1, 'consultation', 3)]);
    expect(currentPlanOf([adopted, proposal])?.slug).toBe('psttm-2025-2027');
  });

  it('falls back to the newest plan in force when none has content', () => {
    const older = plan('psttm-2022-2024', 2022, [version(1, 'adopted', 0)]);
    expect(currentPlanOf([older, emptyProposal])?.slug).toBe('psttm-2025-2027');
  });
});
