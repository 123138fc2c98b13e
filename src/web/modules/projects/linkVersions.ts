import type { TFunction } from 'i18next';
import type { Plan, VersionSummary } from '../plan/types.ts';
import type { ProjectLink } from './types.ts';
import { currentPlanOf, currentVersionOf, versionsNewestFirst } from '../plan/versionRules.ts';

/** A link whose action no version the viewer sees holds any more (deleted from a draft). */
export function vanished(link: Pick<ProjectLink, 'actionVersionId'>): boolean {
  return link.actionVersionId === null;
}

/**
 * What a link's action is called: its title, or that it is gone from the plan (with the title it
 * had when it was linked, where the server kept it).
 */
export function linkedActionTitle(
  link: Pick<ProjectLink, 'actionVersionId' | 'actionTitle'>,
  t: TFunction,
): string {
  if (vanished(link))
    return link.actionTitle
      ? t('projects.links.vanishedNamed', { title: link.actionTitle })
      : t('projects.links.vanished');
  return link.actionTitle ?? t('projects.links.untitled');
}

export interface ChosenVersion {
  plan: Plan;
  version: VersionSummary;
}

export function findVersion(plans: Plan[], id: string): ChosenVersion | undefined {
  for (const plan of plans) {
    const version = plan.versions.find((candidate) => candidate.id === id);
    if (version) return { plan, version };
  }
  return undefined;
}

/**
 * The version whose actions projects are linked to by default: the latest adopted one (the plan
 * being implemented), else the version a reader of the plan in force sees first.
 */
export function defaultVersion(plans: Plan[]): ChosenVersion | undefined {
  const adopted = plans
    .flatMap((plan) =>
      plan.versions
        .filter((version) => version.status === 'adopted')
        .map((version) => ({ plan, version })),
    )
    .sort(
      (a, b) => b.plan.periodStart - a.plan.periodStart || b.version.number - a.version.number,
    )[0];
  if (adopted) return adopted;
  const plan = currentPlanOf(plans);
  const version = plan ? currentVersionOf(plan) : undefined;
  return plan && version ? { plan, version } : undefined;
}

/** Every version of every plan, newest first, as a select lists them. */
export function versionOptions(plans: Plan[], t: TFunction) {
  return plans.flatMap((plan) =>
    versionsNewestFirst(plan).map((version) => ({
      value: version.id,
      label: `${plan.title} — ${t('plan.versionName', {
        number: version.number,
        label: version.label,
      })} (${t(`plan.status.${version.status}`)})`,
    })),
  );
}
