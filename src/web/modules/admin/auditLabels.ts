import type { AuditEntry } from './types.ts';

/** The id the command line and the first start write with (domain/roles.ts, systemActor). */
export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

/** The label the server writes for a request without a signed-in user (audit/service.ts). */
const ANONYMOUS_LABEL = 'anonymous';

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
