/**
 * The life of a plan version: drafted, put out for consultation, adopted by an act, superseded
 * by the next adopted version. Only drafts and versions in consultation can be edited.
 */
export const versionStatuses = ['draft', 'consultation', 'adopted', 'superseded'] as const;
export type VersionStatus = (typeof versionStatuses)[number];

const allowed: Record<VersionStatus, readonly VersionStatus[]> = {
  draft: ['consultation', 'adopted'],
  consultation: ['draft', 'adopted'],
  adopted: ['superseded'],
  superseded: [],
};

/** Why a transition cannot happen, or null when it can. */
export function transitionRefusal(from: VersionStatus, to: VersionStatus): string | null {
  if (from === to) return `the version is already ${from}`;
  if (from === 'superseded') return 'a superseded version is history and cannot change status';
  if (to === 'superseded')
    return 'a version is superseded only when a newer version of the plan is adopted';
  if (!allowed[from].includes(to)) return `a version that is ${from} cannot become ${to}`;
  return null;
}

export function isEditable(status: VersionStatus): boolean {
  return status === 'draft' || status === 'consultation';
}

/** Drafts are the plan office's work in progress; everything else is published. */
export function isPublished(status: VersionStatus): boolean {
  return status !== 'draft';
}

/** Adoption needs the act that adopts it (L. 56/2014 art. 1 c. 44: the Consiglio adopts the plan). */
export function needsAct(to: VersionStatus): boolean {
  return to === 'adopted';
}
