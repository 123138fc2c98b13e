import type { Executor } from '../../db/client.ts';
import { Forbidden, Invalid, Unauthenticated } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import type { Ctx, Page, PageRequest } from '../context.ts';
import { pageWindow } from '../context.ts';
import { canReadAuditLog } from './policy.ts';
import { presentAuditEntry, type AuditEntryView } from './presenters.ts';
import { insertAuditEntry, listAuditEntries, type AuditFilter } from './repo.ts';

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends one entry to the audit log, inside the caller's transaction. */
export async function recordAudit(tx: Executor, actor: Actor, change: AuditChange): Promise<void> {
  await insertAuditEntry(tx, {
    actorId: actor.user?.id ?? null,
    actorLabel: actor.user ? `${actor.user.name} <${actor.user.email}>` : 'anonymous',
    ip: actor.ip,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: (change.before ?? null) as object | null,
    after: (change.after ?? null) as object | null,
  });
}

/** A well-formed date-time may still be no storable instant: a leap second, year 0, year 10000. */
function checkInstant(field: string, date: Date | undefined) {
  if (!date) return;
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 1 || year > 9999)
    throw Invalid(
      field,
      'must be a real instant between the years 1 and 9999',
      'instantOutOfRange',
    );
}

export async function listAuditLog(
  ctx: Ctx,
  actor: Actor,
  filter: AuditFilter & PageRequest,
): Promise<Page<AuditEntryView>> {
  if (!actor.user) throw Unauthenticated();
  if (!canReadAuditLog(actor.user)) throw Forbidden('Only administrators can read the audit log.');
  checkInstant('querystring.from', filter.from);
  checkInstant('querystring.to', filter.to);
  if (filter.from && filter.to && filter.from > filter.to)
    throw Invalid('querystring.from', 'must not be later than "to"', 'fromAfterTo');
  const { page, pageSize, offset } = pageWindow(filter, 50);
  const { rows, total } = await listAuditEntries(ctx.db, filter, pageSize, offset);
  return { items: rows.map(presentAuditEntry), total, page, pageSize };
}
