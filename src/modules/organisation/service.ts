import { brokenUniqueIndex } from '../../db/uniqueViolation.ts';
import {
  Conflict,
  Forbidden,
  Invalid,
  NotFound,
  StaleVersion,
  Unauthenticated,
} from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import { recordAudit } from '../audit/service.ts';
import type { Ctx } from '../context.ts';
import { canManageOrgUnits } from './policy.ts';
import { presentOrgUnit, type OrgUnitKind, type OrgUnitView } from './presenters.ts';
import * as repo from './repo.ts';

function requireManager(actor: Actor) {
  if (!actor.user) throw Unauthenticated();
  if (!canManageOrgUnits(actor.user)) throw Forbidden('Only administrators manage the org units.');
}

export async function listOrgUnits(ctx: Ctx, includeArchived: boolean): Promise<OrgUnitView[]> {
  return (await repo.listOrgUnits(ctx.db, includeArchived)).map(presentOrgUnit);
}

/** The ids among `ids` that are not active org units. */
export async function missingOrgUnits(ctx: Ctx, ids: string[]): Promise<string[]> {
  const found = new Set(await repo.findActiveOrgUnitIds(ctx.db, ids));
  return ids.filter((id) => !found.has(id));
}

async function checkParent(ctx: Ctx, id: string | null, parentId: string | null | undefined) {
  if (!parentId) return;
  if (parentId === id)
    throw Invalid('body.parentId', 'an org unit cannot be its own parent', 'ownParent');
  const parent = await repo.findOrgUnit(ctx.db, parentId);
  if (!parent || parent.archivedAt)
    throw Invalid('body.parentId', 'no active org unit has this id', 'unknownOrgUnit');
  // Walk up from the parent: meeting `id` would close a cycle.
  let cursor = parent;
  while (cursor.parentId) {
    if (cursor.parentId === id)
      throw Invalid('body.parentId', 'would make the hierarchy circular', 'circularHierarchy');
    const next = await repo.findOrgUnit(ctx.db, cursor.parentId);
    if (!next) break;
    cursor = next;
  }
}

export interface NewOrgUnit {
  kind: OrgUnitKind;
  name: string;
  code?: string | null;
  parentId?: string | null;
}

/** Two active units of one code, or of one name under one parent, could not be told apart. */
async function refuseClash(
  ctx: Ctx,
  unit: { name: string; code: string | null; parentId: string | null },
  exceptId?: string,
) {
  const other = await repo.clashingOrgUnit(ctx.db, unit, exceptId);
  if (!other) return;
  const byCode = unit.code !== null && other.code?.trim().toLowerCase() === unit.code.toLowerCase();
  throw Conflict(
    byCode
      ? `The org unit "${other.name}" already has the code ${other.code}.`
      : `An org unit called "${other.name}" already exists here.`,
    byCode ? 'orgUnitCodeExists' : 'orgUnitNameExists',
    byCode ? { name: other.name, code: other.code! } : { name: other.name },
  );
}

/**
 * A clash with a unit written by a request that passed the same check at the same instant: the
 * unique indexes refuse the second, which is told so as if it had come later.
 */
const clashMeanwhile =
  (ctx: Ctx, unit: Parameters<typeof refuseClash>[1], exceptId?: string) =>
  async (error: unknown): Promise<never> => {
    const index = brokenUniqueIndex(error);
    if (index === 'org_units_code_unique' || index === 'org_units_name_unique')
      await refuseClash(ctx, unit, exceptId);
    throw error;
  };

export async function createOrgUnit(
  ctx: Ctx,
  actor: Actor,
  input: NewOrgUnit,
): Promise<OrgUnitView> {
  requireManager(actor);
  await checkParent(ctx, null, input.parentId);
  // Trimmed as stored (SQL's btrim takes spaces only, not tabs or line ends).
  const unit = {
    name: input.name.trim(),
    code: input.code?.trim() || null,
    parentId: input.parentId ?? null,
  };
  await refuseClash(ctx, unit);
  return ctx.db
    .transaction(async (tx) => {
      const row = await repo.insertOrgUnit(tx, {
        kind: input.kind,
        name: input.name.trim(),
        code: input.code?.trim() || null,
        parentId: input.parentId ?? null,
      });
      const view = presentOrgUnit(row);
      await recordAudit(tx, actor, {
        action: 'org_unit.created',
        entityType: 'org_unit',
        entityId: row.id,
        after: view,
      });
      return view;
    })
    .catch(clashMeanwhile(ctx, unit));
}

export interface OrgUnitChanges extends Partial<NewOrgUnit> {
  version: number;
  archived?: boolean;
}

export async function updateOrgUnit(
  ctx: Ctx,
  actor: Actor,
  id: string,
  changes: OrgUnitChanges,
): Promise<OrgUnitView> {
  requireManager(actor);
  const current = await repo.findOrgUnit(ctx.db, id);
  if (!current) throw NotFound('Org unit', id);
  await checkParent(ctx, id, changes.parentId);
  const unit = {
    name: (changes.name ?? current.name).trim(),
    code: changes.code === undefined ? current.code : changes.code?.trim() || null,
    parentId: changes.parentId === undefined ? current.parentId : changes.parentId,
  };
  // Only active units clash: one that is (or stays) archived may keep any name.
  if (!(changes.archived ?? current.archivedAt !== null)) await refuseClash(ctx, unit, id);
  const before = presentOrgUnit(current);
  return ctx.db
    .transaction(async (tx) => {
      const row = await repo.updateOrgUnitAtVersion(tx, id, changes.version, {
        kind: changes.kind,
        name: changes.name?.trim(),
        code: changes.code === undefined ? undefined : changes.code?.trim() || null,
        parentId: changes.parentId,
        archivedAt:
          changes.archived === undefined
            ? undefined
            : changes.archived
              ? (current.archivedAt ?? new Date())
              : null,
      });
      if (!row) throw StaleVersion('Org unit', id);
      const after = presentOrgUnit(row);
      const action =
        changes.archived === true && !before.archived
          ? 'org_unit.archived'
          : changes.archived === false && before.archived
            ? 'org_unit.restored'
            : 'org_unit.updated';
      await recordAudit(tx, actor, { action, entityType: 'org_unit', entityId: id, before, after });
      return after;
    })
    .catch(clashMeanwhile(ctx, unit, id));
}
