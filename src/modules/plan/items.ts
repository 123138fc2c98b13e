import {
  Conflict,
  Forbidden,
  Invalid,
  NotFound,
  StaleVersion,
  Unauthenticated,
} from '../../domain/errors.ts';
import { sectionCodes } from '../../domain/planSections.ts';
import { isEditable, type VersionStatus } from '../../domain/planVersion.ts';
import { sanitiseRichText } from '../../domain/richText.ts';
import type { Actor, ActorUser } from '../../domain/roles.ts';
import { recordAudit } from '../audit/service.ts';
import type { Ctx } from '../context.ts';
import { missingOrgUnits } from '../organisation/service.ts';
import { resolvePnrrCode } from '../pnrr/service.ts';
import { comuneExists, zoneExists } from '../territory/service.ts';
import { canEditFramework, canEditItem } from './policy.ts';
import { presentItem, type ItemView } from './presenters.ts';
import * as repo from './repo.ts';
import { visibleVersion } from './versions.ts';

export type ItemKind = 'pillar' | 'driver' | 'goal' | 'action';

export interface ItemFields {
  code?: string | null;
  title?: string;
  description?: string;
  missions?: string[];
  measures?: string[];
  sdgs?: number[];
  linkedPlans?: string[];
  pillarKeys?: string[];
  driverKeys?: string[];
  scope?: { kind: 'metro' | 'zones' | 'comuni'; zones?: string[]; comuni?: string[] };
  orgUnitId?: string | null;
  periodStart?: number | null;
  periodEnd?: number | null;
}

export interface NewItem extends ItemFields {
  kind: ItemKind;
  title: string;
  sectionCode?: string | null;
  parentKey?: string | null;
}

/** The version, open for editing, or a 409 that says why it is not. */
async function editableVersion(ctx: Ctx, actor: Actor, versionId: string) {
  if (!actor.user) throw Unauthenticated();
  const version = await visibleVersion(ctx, actor, versionId);
  if (!isEditable(version.status as VersionStatus))
    throw Conflict(
      `Version ${version.number} (${version.label}) is ${version.status} and read-only: start the annual update to change the plan.`,
      'readOnlyVersion',
      { number: version.number, label: version.label, status: version.status },
    );
  return { version, user: actor.user };
}

function authorise(user: ActorUser, kind: string, orgUnitId: string | null) {
  if (kind === 'pillar' || kind === 'driver' || kind === 'section') {
    if (!canEditFramework(user))
      throw Forbidden('Only the plan office edits sections, pillars and drivers.');
  } else if (!canEditItem(user, orgUnitId)) {
    throw Forbidden(
      user.role === 'editor'
        ? 'Editors can change goals and actions of their own org units only (set orgUnitId to one of yours).'
        : 'You are not allowed to edit the plan.',
    );
  }
}

/** Checks the references a goal or action makes, and returns the columns to write. */
async function validatedColumns(ctx: Ctx, versionId: string, fields: ItemFields) {
  const items = await repo.listItems(ctx.db, versionId);
  const keysOf = (kind: string) => new Set(items.filter((i) => i.kind === kind).map((i) => i.key));
  for (const [field, kind] of [
    ['pillarKeys', 'pillar'],
    ['driverKeys', 'driver'],
  ] as const) {
    const known = keysOf(kind);
    const unknown = (fields[field] ?? []).filter((k) => !known.has(k));
    if (unknown.length > 0)
      throw Invalid(
        `body.${field}`,
        `no ${kind} of this version has key ${unknown.join(', ')}`,
        'unknownItems',
        { keys: unknown.join(', ') },
      );
  }
  if (fields.scope) {
    const { kind, zones = [], comuni = [] } = fields.scope;
    if (kind === 'zones' && zones.length === 0)
      throw Invalid('body.scope.zones', 'name at least one zone', 'scopeWithoutZones');
    if (kind === 'comuni' && comuni.length === 0)
      throw Invalid('body.scope.comuni', 'name at least one comune', 'scopeWithoutComuni');
    for (const z of zones)
      if (!(await zoneExists(ctx, z)))
        throw Invalid('body.scope.zones', `no zone has id "${z}"`, 'unknownZone', { id: z });
    for (const c of comuni)
      if (!(await comuneExists(ctx, c)))
        throw Invalid('body.scope.comuni', `no comune has code ${c}`, 'unknownComune', { code: c });
  }
  // Any form of a PNRR code is accepted (M1C1I1.01, m1c1i1.1) and stored in the canonical one.
  let measures: string[] | undefined;
  if (fields.measures) {
    measures = [];
    for (const code of fields.measures) {
      const resolved = await resolvePnrrCode(ctx, code);
      if (!resolved)
        throw Invalid(
          'body.measures',
          `no PNRR measure in force has the code "${code}"`,
          'unknownMeasure',
          { code },
        );
      measures.push(resolved.subMeasureCode ?? resolved.measureCode);
    }
  }
  if (fields.orgUnitId && (await missingOrgUnits(ctx, [fields.orgUnitId])).length > 0)
    throw Invalid('body.orgUnitId', 'no active org unit has this id', 'unknownOrgUnit');
  if (fields.periodStart && fields.periodEnd && fields.periodEnd < fields.periodStart)
    throw Invalid('body.periodEnd', 'must not be before periodStart', 'endBeforeStart');
  const dedupe = <T>(xs: T[] | undefined) => (xs ? [...new Set(xs)] : undefined);
  return {
    code: fields.code === undefined ? undefined : fields.code?.trim() || null,
    title: fields.title?.trim(),
    description:
      fields.description === undefined ? undefined : sanitiseRichText(fields.description),
    missions: dedupe(fields.missions)?.sort(),
    measures: dedupe(measures),
    sdgs: dedupe(fields.sdgs)?.sort((a, b) => a - b),
    linkedPlans: dedupe(fields.linkedPlans),
    pillarKeys: dedupe(fields.pillarKeys),
    driverKeys: dedupe(fields.driverKeys),
    ...(fields.scope
      ? {
          scopeKind: fields.scope.kind,
          scopeZones: fields.scope.kind === 'zones' ? dedupe(fields.scope.zones) : [],
          scopeComuni: fields.scope.kind === 'comuni' ? dedupe(fields.scope.comuni) : [],
        }
      : {}),
    orgUnitId: fields.orgUnitId,
    periodStart: fields.periodStart,
    periodEnd: fields.periodEnd,
  };
}

/** Where a new item goes: goals in a section, actions under a goal, pillars and drivers at the top. */
async function placementOf(ctx: Ctx, versionId: string, input: NewItem) {
  if (input.kind === 'goal') {
    if (!input.sectionCode || !sectionCodes.includes(input.sectionCode as never))
      throw Invalid(
        'body.sectionCode',
        `a goal sits in section ${sectionCodes.join(', ')}`,
        'goalSection',
        { sections: sectionCodes.join(', ') },
      );
    return { sectionCode: input.sectionCode, parentKey: null };
  }
  if (input.kind === 'action') {
    const goal = input.parentKey
      ? await repo.findItem(ctx.db, versionId, input.parentKey)
      : undefined;
    if (!goal || goal.kind !== 'goal')
      throw Invalid(
        'body.parentKey',
        'an action belongs to a goal of this version',
        'actionWithoutGoal',
      );
    return { sectionCode: goal.sectionCode, parentKey: goal.key };
  }
  return { sectionCode: null, parentKey: null };
}

export async function createItem(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  input: NewItem,
): Promise<ItemView> {
  const { user } = await editableVersion(ctx, actor, versionId);
  authorise(user, input.kind, input.orgUnitId ?? null);
  const placement = await placementOf(ctx, versionId, input);
  const columns = await validatedColumns(ctx, versionId, input);
  return ctx.db.transaction(async (tx) => {
    await repo.lockItemPositions(tx, versionId);
    const [row] = await repo.insertItems(tx, [
      {
        ...columns,
        title: columns.title!,
        versionId,
        kind: input.kind,
        ...placement,
        position: await repo.nextPosition(
          tx,
          versionId,
          input.kind,
          placement.parentKey,
          placement.sectionCode,
        ),
      },
    ]);
    await repo.touchVersion(tx, versionId);
    const view = presentItem(row!);
    await recordAudit(tx, actor, {
      action: 'plan_item.created',
      entityType: 'plan_item',
      entityId: row!.id,
      after: view,
    });
    return view;
  });
}

export async function updateItem(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  key: string,
  input: ItemFields & { rowVersion: number },
): Promise<ItemView> {
  const { user } = await editableVersion(ctx, actor, versionId);
  const current = await repo.findItem(ctx.db, versionId, key);
  if (!current) throw NotFound('Plan item', key);
  authorise(user, current.kind, current.orgUnitId);
  // An editor may not hand an item over to an org unit that is not theirs.
  if (input.orgUnitId !== undefined) authorise(user, current.kind, input.orgUnitId);
  const { rowVersion, ...fields } = input;
  const columns = await validatedColumns(ctx, versionId, fields);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateItemAt(tx, versionId, key, rowVersion, columns);
    if (!row) throw StaleVersion('Plan item', key);
    await repo.touchVersion(tx, versionId);
    const before = presentItem(current);
    const after = presentItem(row);
    await recordAudit(tx, actor, {
      action: 'plan_item.updated',
      entityType: 'plan_item',
      entityId: row.id,
      before,
      after,
    });
    return after;
  });
}

/** Moves a goal to another section or an action to another goal, at `position` among its new siblings. */
export async function moveItem(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  key: string,
  input: { rowVersion: number; sectionCode?: string; parentKey?: string; position: number },
): Promise<ItemView> {
  const { user } = await editableVersion(ctx, actor, versionId);
  const current = await repo.findItem(ctx.db, versionId, key);
  if (!current) throw NotFound('Plan item', key);
  authorise(user, current.kind, current.orgUnitId);
  if (current.kind === 'section') throw Invalid('key', 'sections do not move', 'sectionFixed');
  // A goal moves between sections, an action between goals, pillars and drivers only in their
  // order: a place the item cannot take is refused, not ignored.
  const places: Record<string, ('sectionCode' | 'parentKey')[]> = {
    goal: ['sectionCode'],
    action: ['parentKey'],
  };
  for (const field of ['sectionCode', 'parentKey'] as const)
    if (input[field] !== undefined && !(places[current.kind] ?? []).includes(field))
      throw Invalid(`body.${field}`, `a ${current.kind} does not move by ${field}`, 'notForKind', {
        kind: current.kind,
      });
  const target = await placementOf(ctx, versionId, {
    kind: current.kind as ItemKind,
    title: current.title,
    sectionCode: input.sectionCode ?? current.sectionCode,
    parentKey: input.parentKey ?? current.parentKey,
  });
  return ctx.db.transaction(async (tx) => {
    await repo.lockItemPositions(tx, versionId);
    const siblings = (await repo.listItems(tx, versionId))
      .filter(
        (i) =>
          i.kind === current.kind &&
          i.key !== key &&
          i.parentKey === target.parentKey &&
          i.sectionCode === target.sectionCode,
      )
      .sort((a, b) => a.position - b.position);
    const index = Math.min(input.position, siblings.length);
    siblings.splice(index, 0, current);
    let moved: repo.ItemRow | undefined;
    for (const [position, item] of siblings.entries()) {
      if (item.key === key) {
        moved = await repo.updateItemAt(tx, versionId, key, input.rowVersion, {
          ...target,
          position,
        });
        if (!moved) throw StaleVersion('Plan item', key);
      } else if (item.position !== position) {
        await repo.setItemPosition(tx, item.id, position);
      }
    }
    // Actions follow their goal into its new section.
    if (current.kind === 'goal' && target.sectionCode !== current.sectionCode)
      await repo.setSectionOfActions(tx, versionId, key, target.sectionCode);
    await repo.touchVersion(tx, versionId);
    const after = presentItem(moved!);
    await recordAudit(tx, actor, {
      action: 'plan_item.moved',
      entityType: 'plan_item',
      entityId: moved!.id,
      before: {
        sectionCode: current.sectionCode,
        parentKey: current.parentKey,
        position: current.position,
      },
      after: {
        sectionCode: after.sectionCode,
        parentKey: after.parentKey,
        position: after.position,
      },
    });
    return after;
  });
}

/** Deletes an item; a goal takes its actions with it, a pillar or driver leaves the items it tagged. */
export async function deleteItem(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  key: string,
  rowVersion: number,
): Promise<{ deleted: number }> {
  const { user } = await editableVersion(ctx, actor, versionId);
  const current = await repo.findItem(ctx.db, versionId, key);
  if (!current) throw NotFound('Plan item', key);
  if (current.kind === 'section')
    throw Invalid('key', 'the three sections cannot be deleted', 'sectionFixed');
  authorise(user, current.kind, current.orgUnitId);
  if (current.rowVersion !== rowVersion) throw StaleVersion('Plan item', key);
  return ctx.db.transaction(async (tx) => {
    const items = await repo.listItems(tx, versionId);
    const children = items.filter((i) => i.parentKey === key);
    for (const child of children) authorise(user, child.kind, child.orgUnitId);
    await repo.deleteItemsByKeys(tx, versionId, [key, ...children.map((c) => c.key)]);
    if (current.kind === 'pillar' || current.kind === 'driver')
      await repo.removeTagFromItems(tx, versionId, key);
    await repo.touchVersion(tx, versionId);
    await recordAudit(tx, actor, {
      action: 'plan_item.deleted',
      entityType: 'plan_item',
      entityId: current.id,
      before: { ...presentItem(current), actionsDeleted: children.map((c) => c.key) },
    });
    return { deleted: 1 + children.length };
  });
}
