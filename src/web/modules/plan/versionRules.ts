import type { Plan, PlanVersionEntry, VersionStatus, VersionSummary } from './types.ts';

/** Badge colours by status, with text colours chosen for contrast (see ui/app.css). */
export const statusBadge: Record<VersionStatus, string> = {
  draft: 'mp-badge-inferred',
  consultation: 'mp-badge-assigned',
  adopted: 'mp-badge-confirmed',
  superseded: 'mp-badge-neutral',
};

const preference: VersionStatus[] = ['adopted', 'consultation', 'draft', 'superseded'];

function preferred<T extends VersionSummary>(versions: T[]): T | undefined {
  for (const status of preference) {
    const found = versions
      .filter((version) => version.status === status)
      .sort((a, b) => b.number - a.number)[0];
    if (found) return found;
  }
  return undefined;
}

/**
 * The version a reader wants first: among the versions with goals or actions, the adopted one,
 * else the one in consultation, else the latest; a plan whose versions are all empty opens on
 * its preferred one all the same.
 */
export function currentVersionOf(plan: Plan): PlanVersionEntry | undefined {
  return (
    preferred(plan.versions.filter((version) => version.contentCount > 0)) ??
    preferred(plan.versions)
  );
}

/** The version still being worked on (draft or consultation), if any. */
export function openVersionOf(plan: Plan): VersionSummary | undefined {
  return plan.versions.find(
    (version) => version.status === 'draft' || version.status === 'consultation',
  );
}

/** The annual update starts from the adopted version, when no other update is open. */
export function canStartUpdate(plan: Plan): boolean {
  return plan.versions.some((version) => version.status === 'adopted') && !openVersionOf(plan);
}

/**
 * The plan in force: adopted or in consultation, with the latest period, preferring one with
 * something to read (a new plan opened for consultation with no goals yet is not shown first).
 */
export function currentPlanOf(plans: Plan[]): Plan | undefined {
  const inForce = (plan: Plan, withContent: boolean) =>
    plan.versions.some(
      (version) =>
        (version.status === 'adopted' || version.status === 'consultation') &&
        (!withContent || version.contentCount > 0),
    );
  const newestFirst = [...plans].sort(
    (a, b) => b.periodStart - a.periodStart || b.periodEnd - a.periodEnd,
  );
  return (
    newestFirst.find((plan) => inForce(plan, true)) ??
    newestFirst.find((plan) => inForce(plan, false))
  );
}

export function versionByNumber(
  plan: Plan,
  number: string | undefined,
): VersionSummary | undefined {
  return plan.versions.find((version) => String(version.number) === number);
}

/** Versions newest first, as selectors list them. */
export function versionsNewestFirst(plan: Plan): VersionSummary[] {
  return [...plan.versions].sort((a, b) => b.number - a.number);
}

/** Where a plan's pages live: `/piano/psttm-2022-2024/versioni/2`. */
export function versionPath(slug: string, number: number | string): string {
  return `/piano/${encodeURIComponent(slug)}/versioni/${number}`;
}

export function itemPath(
  slug: string,
  number: number | string,
  item: { kind: string; key: string },
): string {
  return `${versionPath(slug, number)}/${item.kind === 'action' ? 'azioni' : 'obiettivi'}/${item.key}`;
}
