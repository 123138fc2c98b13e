import type { AuditEntry } from './types.ts';

/** The id the command line and the first start write with (domain/roles.ts, systemActor). */
export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

/** The label the server writes for a request without a signed-in user (audit/service.ts). */
const ANONYMOUS_LABEL = 'anonymous';

/** The kinds of element the server writes entries about (`entityType`), for the filter. */
export const auditEntityTypes = [
  'comune',
  'zone',
  'user',
  'org_unit',
  'metro',
  'plan',
  'plan_version',
  'plan_item',
  'act',
  'pnrr_taxonomy',
  'import_release',
  'project',
] as const;

export type ActorKind = 'system' | 'anonymous' | 'person';

/** Who made an entry: the system itself, a visitor who was not signed in, or a person. */
export function actorKind(entry: Pick<AuditEntry, 'actorId' | 'actorLabel'>): ActorKind {
  if (entry.actorId === SYSTEM_ACTOR_ID) return 'system';
  if (entry.actorId !== null) return 'person';
  return entry.actorLabel === ANONYMOUS_LABEL ? 'anonymous' : 'system';
}

/**
 * The locale key of an action code: `project.updated` → `admin.audit.actions.project.updated`,
 * nested as the code is. Codes are lower-case words joined by dots; anything else has no key.
 */
export function actionKey(action: string): string | null {
  return /^[a-z_]+(\.[a-z_]+)+$/.test(action) ? `admin.audit.actions.${action}` : null;
}

/**
 * The actions the server writes (`recordAudit` in the services), which the log is filtered by.
 * Each has a text under `admin.audit.actions` in both locales, checked by a unit test.
 */
export const auditActions = [
  'act.document_attached',
  'act.recorded',
  'comune.updated',
  'comune.zone_changed',
  'metro.setup',
  'org_unit.archived',
  'org_unit.created',
  'org_unit.restored',
  'org_unit.updated',
  'plan.created',
  'plan.examples_removed',
  'plan.seeded',
  'plan_item.created',
  'plan_item.deleted',
  'plan_item.moved',
  'plan_item.updated',
  'plan_version.adopted',
  'plan_version.consultation',
  'plan_version.draft',
  'plan_version.superseded',
  'plan_version.update_started',
  'pnrr.release_imported',
  'pnrr.taxonomy_loaded',
  'project.created',
  'project.updated',
  'project_link.accepted',
  'project_link.rejected',
  'project_links.suggested',
  'session.failed',
  'session.login',
  'session.logout',
  'user.created',
  'user.locked',
  'user.password_changed',
  'user.password_reset',
  'user.updated',
  'zone.created',
  'zone.deleted',
  'zone.updated',
] as const;

/**
 * The choices of the action filter, by their text in the reader's language. A code the list does
 * not know (an address kept from when the filter was typed) stays choosable, as it is written.
 */
export function actionOptions(
  textOf: (action: string) => string,
  chosen: string,
  locale: string,
): { value: string; label: string }[] {
  const codes: string[] = [...auditActions];
  if (chosen && !codes.includes(chosen)) codes.push(chosen);
  return codes
    .map((code) => ({ value: code, label: textOf(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}
