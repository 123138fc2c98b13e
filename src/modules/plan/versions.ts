import {
  Conflict,
  Forbidden,
  Invalid,
  NotFound,
  StaleVersion,
  Unauthenticated,
} from '../../domain/errors.ts';
import { planSections } from '../../domain/planSections.ts';
import {
  isPublished,
  needsAct,
  transitionRefusal,
  type VersionStatus,
} from '../../domain/planVersion.ts';
import type { Actor } from '../../domain/roles.ts';
import type { Executor } from '../../db/client.ts';
import { brokenUniqueIndex } from '../../db/uniqueViolation.ts';
import { recordAudit } from '../audit/service.ts';
import type { Ctx } from '../context.ts';
import { canManageVersions, canSeeDrafts } from './policy.ts';
import * as present from './presenters.ts';
import { itemsOfVersion } from './itemCache.ts';
import * as repo from './repo.ts';

/** The version, if this actor may see it; a draft is "not found" for the public. */
export async function visibleVersion(ctx: Ctx, actor: Actor, id: string): Promise<repo.VersionRow> {
  const row = await repo.findVersion(ctx.db, id);
  if (!row || (!isPublished(row.status as VersionStatus) && !canSeeDrafts(actor.user)))
    throw NotFound('Plan version', id);
  return row;
}

function requireVersionManager(actor: Actor) {
  if (!actor.user) throw Unauthenticated();
  if (!canManageVersions(actor.user))
    throw Forbidden('Only the plan office manages plan versions.');
  return actor.user;
}

export async function listPlans(ctx: Ctx, actor: Actor): Promise<present.PlanView[]> {
  const [plans, versions, contentCount] = await Promise.all([
    repo.listPlans(ctx.db),
    repo.listVersions(ctx.db),
    repo.countContentByVersion(ctx.db),
  ]);
  const seeDrafts = canSeeDrafts(actor.user);
  return plans.map((p) =>
    present.presentPlan(
      p,
      versions.filter(
        (v) => v.planId === p.id && (seeDrafts || isPublished(v.status as VersionStatus)),
      ),
      contentCount,
    ),
  );
}

export async function getPlan(ctx: Ctx, actor: Actor, id: string): Promise<present.PlanView> {
  const plan = (await listPlans(ctx, actor)).find((p) => p.id === id || p.slug === id);
  if (!plan) throw NotFound('Plan', id);
  return plan;
}

export interface VersionDetailView extends present.VersionSummaryView {
  plan: Omit<present.PlanView, 'versions'>;
  acts: present.ActView[];
  transitions: present.TransitionView[];
  counts: { goals: number; actions: number; examples: number };
}

export async function getVersion(ctx: Ctx, actor: Actor, id: string): Promise<VersionDetailView> {
  const row = await visibleVersion(ctx, actor, id);
  const [plan, acts, transitions, items] = await Promise.all([
    repo.findPlan(ctx.db, row.planId),
    repo.listActs(ctx.db, [row.id]),
    repo.listTransitions(ctx.db, row.id),
    itemsOfVersion(ctx.db, row),
  ]);
  const { versions: _versions, ...planView } = present.presentPlan(plan!, []);
  const withDocument = await repo.actIdsWithDocument(
    ctx.db,
    acts.map((a) => a.id),
  );
  return {
    ...present.presentVersionSummary(row),
    plan: planView,
    acts: acts.map((a) => present.presentAct(a, withDocument.has(a.id))),
    transitions: transitions.map(present.presentTransition),
    counts: {
      goals: items.filter((i) => i.kind === 'goal').length,
      actions: items.filter((i) => i.kind === 'action').length,
      examples: items.filter((i) => i.isExample).length,
    },
  };
}

export interface ActInput {
  body: string;
  kind: string;
  number?: string | null;
  date: string;
  title: string;
  documentUrl?: string | null;
}

export interface TransitionInput {
  to: VersionStatus;
  version: number;
  act?: ActInput;
  note?: string | null;
}

async function recordTransition(
  tx: Executor,
  actor: Actor,
  version: repo.VersionRow,
  to: VersionStatus,
  extra: { actId?: string | null; note?: string | null },
) {
  await repo.insertTransition(tx, {
    planVersionId: version.id,
    fromStatus: version.status,
    toStatus: to,
    actorId: actor.user?.id ?? null,
    actorLabel: actor.user ? `${actor.user.name} <${actor.user.email}>` : 'system',
    actId: extra.actId ?? null,
    note: extra.note ?? null,
  });
  await recordAudit(tx, actor, {
    action: `plan_version.${to}`,
    entityType: 'plan_version',
    entityId: version.id,
    before: { status: version.status },
    after: { status: to, actId: extra.actId ?? null, note: extra.note ?? null },
  });
}

/**
 * Moves a version along its workflow. Adoption records the adopting act and supersedes the
 * version adopted before it, in the same transaction.
 */
export async function transitionVersion(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: TransitionInput,
): Promise<VersionDetailView> {
  requireVersionManager(actor);
  const current = await visibleVersion(ctx, actor, id);
  const refusal = transitionRefusal(current.status as VersionStatus, input.to);
  if (refusal)
    throw Conflict(
      `This version cannot change status: ${refusal}.`,
      current.status === input.to ? 'statusUnchanged' : 'statusRefused',
      { status: current.status, to: input.to },
    );
  if (needsAct(input.to) && !input.act)
    throw Invalid(
      'body.act',
      'adoption needs the act that adopts the version (body, kind, number, date)',
      'adoptionWithoutAct',
    );
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    const updated = await repo.setVersionStatusAt(tx, id, input.version, input.to, now);
    if (!updated) throw StaleVersion('Plan version', id);
    const act = input.act
      ? await repo.insertAct(tx, { ...input.act, planVersionId: id, certain: true })
      : null;
    await recordTransition(tx, actor, current, input.to, { actId: act?.id, note: input.note });
    if (input.to === 'adopted') {
      const previous = (await repo.listVersions(tx, [current.planId])).filter(
        (v) => v.id !== id && v.status === 'adopted',
      );
      for (const old of previous) {
        await repo.setVersionStatusAt(tx, old.id, old.version, 'superseded', now);
        await recordTransition(tx, actor, old, 'superseded', {
          note: `superseded by version ${current.number} (${current.label})`,
        });
      }
    }
  });
  return getVersion(ctx, actor, id);
}

/**
 * The annual update: a new draft that starts as a copy of the adopted version. Items keep their
 * keys, so the two versions can be compared item by item.
 */
export async function startAnnualUpdate(
  ctx: Ctx,
  actor: Actor,
  planId: string,
  input: { label: string },
): Promise<VersionDetailView> {
  requireVersionManager(actor);
  const plan = await repo.findPlan(ctx.db, planId);
  if (!plan) throw NotFound('Plan', planId);
  const versions = await repo.listVersions(ctx.db, [planId]);
  const open = versions.find((v) => v.status === 'draft' || v.status === 'consultation');
  if (open)
    throw Conflict(
      `Version ${open.number} (${open.label}) is still ${open.status}: adopt or finish it first.`,
      'updateOpen',
      { number: open.number, label: open.label, status: open.status },
    );
  const adopted = versions.find((v) => v.status === 'adopted');
  if (!adopted) throw Conflict('This plan has no adopted version to update.', 'noAdoptedVersion');
  const created = await ctx.db.transaction(async (tx) => {
    const draft = await repo.insertVersion(tx, {
      planId,
      number: await repo.nextVersionNumber(tx, planId),
      label: input.label.trim(),
      status: 'draft',
      basedOnId: adopted.id,
    });
    const items = await repo.listItems(tx, adopted.id);
    await repo.insertItems(
      tx,
      items.map(
        ({ id: _id, versionId: _v, rowVersion: _r, createdAt: _c, updatedAt: _u, ...rest }) => ({
          ...rest,
          versionId: draft.id,
        }),
      ),
    );
    await repo.insertTransition(tx, {
      planVersionId: draft.id,
      fromStatus: null,
      toStatus: 'draft',
      actorId: actor.user!.id,
      actorLabel: `${actor.user!.name} <${actor.user!.email}>`,
      note: `annual update started from version ${adopted.number} (${adopted.label})`,
    });
    await recordAudit(tx, actor, {
      action: 'plan_version.update_started',
      entityType: 'plan_version',
      entityId: draft.id,
      after: { planId, basedOnId: adopted.id, label: draft.label, items: items.length },
    });
    return draft;
  });
  return getVersion(ctx, actor, created.id);
}

export interface NewPlan {
  slug: string;
  title: string;
  subtitle?: string | null;
  periodStart: number;
  periodEnd: number;
}

/** A new triennial plan, with its first draft and the three sections. */
export async function createPlan(
  ctx: Ctx,
  actor: Actor,
  input: NewPlan,
): Promise<present.PlanView> {
  requireVersionManager(actor);
  if (input.periodEnd < input.periodStart)
    throw Invalid('body.periodEnd', 'must not be before periodStart', 'endBeforeStart');
  const slugExists = () =>
    Conflict(`A plan with slug "${input.slug}" already exists.`, 'slugExists', {
      slug: input.slug,
    });
  if ((await repo.listPlans(ctx.db)).some((p) => p.slug === input.slug)) throw slugExists();
  // The check above answers the usual case; two creates at once both pass it, and the unique index
  // decides: the one that loses is told the same as if it had come second.
  const plan = await ctx.db
    .transaction(async (tx) => {
      const plan = await repo.insertPlan(tx, { ...input, subtitle: input.subtitle ?? null });
      const version = await repo.insertVersion(tx, {
        planId: plan.id,
        number: 1,
        label: 'Prima stesura',
        status: 'draft',
      });
      await repo.insertItems(
        tx,
        planSections.map((s, i) => ({
          versionId: version.id,
          kind: 'section',
          sectionCode: s.code,
          code: s.code,
          title: s.title,
          position: i,
        })),
      );
      await repo.insertTransition(tx, {
        planVersionId: version.id,
        fromStatus: null,
        toStatus: 'draft',
        actorId: actor.user!.id,
        actorLabel: `${actor.user!.name} <${actor.user!.email}>`,
      });
      await recordAudit(tx, actor, {
        action: 'plan.created',
        entityType: 'plan',
        entityId: plan.id,
        after: input,
      });
      return plan;
    })
    .catch((error: unknown) => {
      if (brokenUniqueIndex(error) === 'plans_slug_unique') throw slugExists();
      throw error;
    });
  return getPlan(ctx, actor, plan.id);
}
