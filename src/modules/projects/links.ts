import { DomainError, Forbidden, Invalid, NotFound, Unauthenticated } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import { recordAudit } from '../audit/service.ts';
import type { Ctx, PageRequest } from '../context.ts';
import { pageWindow } from '../context.ts';
import { canSeeDrafts } from '../plan/policy.ts';
import { visibleVersion } from '../plan/versions.ts';
import { getItem, planTree } from '../plan/views.ts';
import { getMetro } from '../territory/service.ts';
import * as links from './linksRepo.ts';
import { canImportProjects, canLinkAction, canLinkProjects } from './policy.ts';
import * as repo from './repo.ts';

const minScore = 2;

function requireLinker(actor: Actor) {
  if (!actor.user) throw Unauthenticated();
  return actor.user;
}

/**
 * Suggests links between the projects and the actions of a plan version; an editor then accepts
 * or rejects each. Decisions already taken are kept.
 */
export async function suggestLinks(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
): Promise<{ actions: number; suggested: number; scored: number }> {
  const user = requireLinker(actor);
  if (!canImportProjects(user))
    throw Forbidden('Only the PNRR unit and the plan office run the matching.');
  const tree = await planTree(ctx, actor, versionId, {});
  const actions = tree.sections.flatMap((s) =>
    s.goals.flatMap((g) =>
      g.actions.map((a) => ({
        key: a.key,
        title: a.title,
        description: a.description,
        missions: a.effectiveMissions,
        measures: [...a.measures, ...g.measures],
      })),
    ),
  );
  const metro = await getMetro(ctx);
  const capoluogo = metro.name.replace(/^Città metropolitana di\s+/i, '');
  const scored = await links.scoreCandidates(ctx.db, actions, capoluogo, minScore);
  const suggested = await ctx.db.transaction(async (tx) => {
    const titles = new Map(actions.map((a) => [a.key, a.title]));
    const n = await links.insertSuggestions(
      tx,
      scored.map((r) => ({ ...r, actionTitle: titles.get(r.actionKey) ?? null })),
    );
    await recordAudit(tx, actor, {
      action: 'project_links.suggested',
      entityType: 'plan_version',
      entityId: versionId,
      after: { actions: actions.length, scored: scored.length, suggested: n },
    });
    return n;
  });
  return { actions: actions.length, scored: scored.length, suggested };
}

/**
 * Links a project to a plan action, or unlinks it: the same call accepts or rejects a suggestion
 * and records a link an editor makes by hand, where no suggestion was ever made.
 */
export async function decideLink(
  ctx: Ctx,
  actor: Actor,
  projectId: string,
  input: { versionId?: string; actionKey: string; status: 'accepted' | 'rejected' },
) {
  const user = requireLinker(actor);
  // Refused before any lookup, so that who may link nothing learns nothing of what exists.
  if (!canLinkProjects(user))
    throw Forbidden(
      'Only the PNRR unit, the plan office and the editors of the action decide its links.',
    );
  const project = await repo.findProject(ctx.db, projectId);
  if (!project) throw NotFound('Project', projectId);
  if (input.versionId === undefined) return removeVanishedLink(ctx, actor, project, input);
  const versionId = input.versionId;
  const action = await linkedAction(ctx, actor, versionId, input.actionKey);
  if (!canLinkAction(user, action.orgUnitId))
    throw Forbidden(
      'Only the PNRR unit, the plan office and the editors of the action decide its links.',
    );
  return ctx.db.transaction(async (tx) => {
    const before = await links.findLink(tx, projectId, input.actionKey);
    const row = await links.upsertDecision(tx, {
      projectId,
      actionKey: input.actionKey,
      status: input.status,
      decidedBy: user.id,
      actionTitle: action.title,
    });
    await recordAudit(tx, actor, {
      action: `project_link.${input.status}`,
      entityType: 'project',
      entityId: projectId,
      before: before ? { actionKey: before.actionKey, status: before.status } : null,
      after: { actionKey: row.actionKey, status: row.status, versionId },
    });
    return presentLink(row, project, {
      title: action.title,
      versionId,
      orgUnitId: action.orgUnitId,
    });
  });
}

/**
 * Unlinks a project from an action that no version the actor sees holds any more (deleted from a
 * draft): there is no version to name, nor an org unit to check, so whoever links projects may
 * remove it. The link stays, rejected, as any removed link does.
 */
async function removeVanishedLink(
  ctx: Ctx,
  actor: Actor,
  project: { id: string; title: string; cup: string; fundingPnrr: number | null },
  input: { actionKey: string; status: 'accepted' | 'rejected' },
) {
  const user = requireLinker(actor);
  if (input.status !== 'rejected')
    throw Invalid(
      'body.versionId',
      'a link is made to an action of a version: name it',
      'required',
    );
  if (await links.actionInPlan(ctx.db, input.actionKey, !canSeeDrafts(user)))
    throw Invalid(
      'body.versionId',
      'the action is still in the plan: name the version it is read from',
      'required',
    );
  return ctx.db.transaction(async (tx) => {
    const before = await links.findLink(tx, project.id, input.actionKey);
    if (!before)
      throw Invalid('params.actionKey', 'the project has no link to this action', 'unknownItems', {
        keys: input.actionKey,
      });
    const row = await links.upsertDecision(tx, {
      projectId: project.id,
      actionKey: input.actionKey,
      status: 'rejected',
      decidedBy: user.id,
    });
    await recordAudit(tx, actor, {
      action: 'project_link.rejected',
      entityType: 'project',
      entityId: project.id,
      before: { actionKey: before.actionKey, status: before.status },
      after: { actionKey: row.actionKey, status: row.status, versionId: null },
    });
    return presentLink(row, project, {
      title: row.actionTitle,
      versionId: null,
      orgUnitId: null,
    });
  });
}

/** The action a link names, in the version the request names; each unknown is its field's fault. */
async function linkedAction(ctx: Ctx, actor: Actor, versionId: string, actionKey: string) {
  const known = await visibleVersion(ctx, actor, versionId).catch(
    notFoundAs(() =>
      Invalid('body.versionId', 'no plan version has this id', 'unknownPlanVersion'),
    ),
  );
  const action = await getItem(ctx, actor, known.id, actionKey).catch(
    notFoundAs(() =>
      Invalid('params.actionKey', 'no item of this version has this key', 'unknownItems', {
        keys: actionKey,
      }),
    ),
  );
  if (action.kind !== 'action')
    throw Invalid(
      'params.actionKey',
      'projects link to actions, not to goals or other items',
      'actionsOnly',
    );
  return action;
}

function notFoundAs(replacement: () => Error) {
  return (error: unknown): never => {
    throw error instanceof DomainError && error.kind === 'not-found' ? replacement() : error;
  };
}

interface LinkedAction {
  title: string | null;
  /** The version the action was read from (its latest edit): where a client can unlink it. */
  versionId: string | null;
  orgUnitId: string | null;
}

function presentLink(
  link: {
    projectId: string;
    actionKey: string;
    status: string;
    score: number | null;
    reasons: string[];
    decidedAt: Date | null;
  },
  project: { title: string; cup: string; fundingPnrr: number | null },
  action: LinkedAction,
) {
  return {
    projectId: link.projectId,
    actionKey: link.actionKey,
    status: link.status,
    score: link.score,
    reasons: link.reasons,
    decidedAt: link.decidedAt?.toISOString() ?? null,
    projectTitle: project.title,
    cup: project.cup,
    fundingPnrr: project.fundingPnrr,
    actionTitle: action.title,
    actionVersionId: action.versionId,
    actionOrgUnitId: action.orgUnitId,
  };
}

/**
 * The links: accepted ones for everybody (they are the plan's published reading of the projects);
 * suggested and rejected ones, which are an editor's work in progress, only for who may link.
 * Without a status, the public gets the accepted ones.
 */
export async function listLinks(ctx: Ctx, actor: Actor, query: links.LinkFilter & PageRequest) {
  const linker = actor.user !== null && canLinkProjects(actor.user);
  if (!linker && query.status !== undefined && query.status !== 'accepted') {
    if (!actor.user) throw Unauthenticated('Log in to see the suggested and rejected links.');
    throw Forbidden('Only the PNRR unit, the plan office and editors see suggested links.');
  }
  if (!linker) query = { ...query, status: 'accepted' };
  const { page, pageSize, offset } = pageWindow(query);
  const publishedOnly = !canSeeDrafts(actor.user);
  const { rows, total } = await links.listLinks(
    ctx.db,
    { ...query, publishedOnly },
    pageSize,
    offset,
  );
  return {
    items: rows.map((r) =>
      presentLink(
        r.link,
        { title: r.projectTitle, cup: r.cup, fundingPnrr: r.fundingPnrr },
        { title: r.actionTitle, versionId: r.actionVersionId, orgUnitId: r.actionOrgUnitId },
      ),
    ),
    total,
    page,
    pageSize,
  };
}

/**
 * The projects accepted for an action and their PNRR money, all of them (a page of the list holds
 * at most 100). Counted as the list is: the public, nothing for an action only a draft holds.
 */
export async function actionLinkTotals(ctx: Ctx, actor: Actor, actionKey: string) {
  return links.acceptedTotals(ctx.db, actionKey, !canSeeDrafts(actor.user));
}

export async function linkCoverage(ctx: Ctx) {
  return links.linkCoverage(ctx.db);
}

/** For the plan's coverage matrix: funding of the projects accepted for each action. */
export async function linkedFunding(
  ctx: Ctx,
  actionKeys: string[],
  publishedOnly: boolean,
): Promise<Map<string, number>> {
  return links.fundingByAction(ctx.db, actionKeys, publishedOnly);
}

export async function linksRevision(ctx: Ctx): Promise<string> {
  return links.linksRevision(ctx.db);
}
