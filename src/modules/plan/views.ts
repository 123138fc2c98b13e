import { Invalid, NotFound } from '../../domain/errors.ts';
import { diffPlanItems, type DiffableItem, type PlanDiff } from '../../domain/planDiff.ts';
import { effectiveMissions, planMissions, planSections } from '../../domain/planSections.ts';
import type { Actor } from '../../domain/roles.ts';
import type { Ctx } from '../context.ts';
import { getComune } from '../territory/service.ts';
import {
  presentItem,
  presentTransition,
  type ItemView,
  type TransitionView,
} from './presenters.ts';
import { itemsOfVersion } from './itemCache.ts';
import * as repo from './repo.ts';
import { visibleVersion } from './versions.ts';

export interface TreeFilter {
  /** One of the plan's three sections: the others come back without goals. */
  section?: string;
  missions?: string[];
  sdgs?: number[];
  zone?: string;
  comune?: string;
  orgUnit?: string;
  q?: string;
  examples?: boolean;
}

export interface GoalNode extends ItemView {
  effectiveMissions: string[];
  actions: (ItemView & { effectiveMissions: string[] })[];
}

export interface TreeView {
  versionId: string;
  filtered: boolean;
  sections: (ItemView & { goals: GoalNode[] })[];
  pillars: ItemView[];
  drivers: ItemView[];
  counts: { goals: number; actions: number };
}

type Row = repo.ItemRow;

/** Whether an item answers every filter; territorial filters also accept items for the whole metro. */
function matcher(filter: TreeFilter, searchHits: Set<string> | null, comuneZone: string | null) {
  return (item: Row, missions: string[]) =>
    (!filter.missions?.length || filter.missions.some((m) => missions.includes(m))) &&
    (!filter.sdgs?.length || filter.sdgs.some((g) => item.sdgs.includes(g))) &&
    (!filter.zone || item.scopeKind === 'metro' || item.scopeZones.includes(filter.zone)) &&
    (!filter.comune ||
      item.scopeKind === 'metro' ||
      item.scopeComuni.includes(filter.comune) ||
      (comuneZone !== null && item.scopeZones.includes(comuneZone))) &&
    (!filter.orgUnit || item.orgUnitId === filter.orgUnit) &&
    (filter.examples !== false || !item.isExample) &&
    (!searchHits || searchHits.has(item.key));
}

/**
 * Section → goal → action. With filters, a goal stays when it or one of its actions matches,
 * and shows only the matching actions.
 */
export async function planTree(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  filter: TreeFilter,
): Promise<TreeView> {
  const version = await visibleVersion(ctx, actor, versionId);
  const items = await itemsOfVersion(ctx.db, version);
  const searchHits = filter.q ? await repo.searchItemKeys(ctx.db, versionId, filter.q) : null;
  const comuneZone = filter.comune ? (await getComune(ctx, filter.comune)).zoneId : null;
  const filtered = Object.values(filter).some(
    (v) => v !== undefined && !(Array.isArray(v) && v.length === 0),
  );
  const matches = matcher(filter, searchHits, comuneZone);
  const goals = items.filter((i) => i.kind === 'goal');
  const actionsOf = new Map<string, Row[]>();
  for (const a of items.filter((i) => i.kind === 'action'))
    actionsOf.set(a.parentKey!, [...(actionsOf.get(a.parentKey!) ?? []), a]);

  const goalNodes: GoalNode[] = [];
  for (const goal of goals) {
    const actions = (actionsOf.get(goal.key) ?? [])
      .map((a) => ({
        ...presentItem(a),
        effectiveMissions: effectiveMissions(a.missions, goal.missions),
        row: a,
      }))
      .filter((a) => matches(a.row, a.effectiveMissions))
      .map(({ row: _row, ...a }) => a);
    if (filter.section && goal.sectionCode !== filter.section) continue;
    if (!matches(goal, goal.missions) && actions.length === 0) continue;
    goalNodes.push({ ...presentItem(goal), effectiveMissions: goal.missions, actions });
  }
  const sections = items
    .filter((i) => i.kind === 'section')
    .map((s) => ({
      ...presentItem(s),
      goals: goalNodes.filter((g) => g.sectionCode === s.sectionCode),
    }));
  return {
    versionId,
    filtered,
    sections,
    pillars: items.filter((i) => i.kind === 'pillar').map(presentItem),
    drivers: items.filter((i) => i.kind === 'driver').map(presentItem),
    counts: {
      goals: goalNodes.length,
      actions: goalNodes.reduce((n, g) => n + g.actions.length, 0),
    },
  };
}

/**
 * What a public answer about a version depends on: the version and its change counter. Read
 * caches key on it, so they never serve a tree older than the last edit.
 */
export async function versionStamp(ctx: Ctx, actor: Actor, versionId: string): Promise<string> {
  const version = await visibleVersion(ctx, actor, versionId);
  return `${version.id}@${version.version}`;
}

/** Changes whenever any version or any of its items changes (each change touches its version). */
export async function plansRevision(ctx: Ctx): Promise<string> {
  return repo.versionsRevision(ctx.db);
}

export interface MatrixCell {
  sectionCode: string;
  mission: string;
  goals: number;
  actions: number;
  goalKeys: string[];
  actionKeys: string[];
  /**
   * Funding of the projects accepted for the cell's actions. An action with two missions counts in
   * both cells, so cells are not additive across missions.
   */
  fundingEur: number | null;
}

export interface MatrixView {
  versionId: string;
  sections: { code: string; title: string }[];
  missions: string[];
  cells: MatrixCell[];
}

/** Sections × missions: where the plan is dense and where it is thin. */
export async function coverageMatrix(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  /**
   * Funding linked to each action (the projects module knows it); without it, funding is null.
   * `published`: the version is one the public reads, so the money of a project is split among
   * the actions the public can read, not those of drafts too.
   */
  fundingOf?: (actionKeys: string[], published: boolean) => Promise<Map<string, number>>,
): Promise<MatrixView> {
  const version = await visibleVersion(ctx, actor, versionId);
  const items = await itemsOfVersion(ctx.db, version);
  const goals = new Map(items.filter((i) => i.kind === 'goal').map((g) => [g.key, g]));
  const missions = [
    ...planMissions,
    ...(items.some((i) => i.missions.includes('M7')) ? ['M7'] : []),
  ];
  const funding = fundingOf
    ? await fundingOf(
        items.filter((i) => i.kind === 'action').map((i) => i.key),
        version.status !== 'draft',
      )
    : null;
  const cells: MatrixCell[] = [];
  for (const section of planSections) {
    for (const mission of missions) {
      const cellGoals = [...goals.values()].filter(
        (g) => g.sectionCode === section.code && g.missions.includes(mission),
      );
      const cellActions = items.filter(
        (a) =>
          a.kind === 'action' &&
          a.sectionCode === section.code &&
          effectiveMissions(a.missions, goals.get(a.parentKey ?? '')?.missions).includes(mission),
      );
      cells.push({
        sectionCode: section.code,
        mission,
        goals: cellGoals.length,
        actions: cellActions.length,
        goalKeys: cellGoals.map((g) => g.key),
        actionKeys: cellActions.map((a) => a.key),
        fundingEur: funding
          ? Math.round(cellActions.reduce((sum, a) => sum + (funding.get(a.key) ?? 0), 0) * 100) /
            100
          : null,
      });
    }
  }
  return {
    versionId,
    sections: planSections.map((s) => ({ code: s.code, title: s.title })),
    missions,
    cells,
  };
}

export interface ItemDetailView extends ItemView {
  versionId: string;
  /** The item's missions, or its goal's when an action has none of its own. */
  effectiveMissions: string[];
  goal: ItemView | null;
  actions: ItemView[];
  pillars: ItemView[];
  drivers: ItemView[];
}

export async function getItem(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  key: string,
): Promise<ItemDetailView> {
  const version = await visibleVersion(ctx, actor, versionId);
  const items = await itemsOfVersion(ctx.db, version);
  const item = items.find((i) => i.key === key);
  if (!item) throw NotFound('Plan item', key);
  const goal = item.parentKey ? items.find((i) => i.key === item.parentKey) : undefined;
  return {
    ...presentItem(item),
    versionId,
    effectiveMissions: effectiveMissions(item.missions, goal?.missions),
    goal: goal ? presentItem(goal) : null,
    actions: items.filter((i) => i.parentKey === key).map(presentItem),
    pillars: items.filter((i) => item.pillarKeys.includes(i.key)).map(presentItem),
    drivers: items.filter((i) => item.driverKeys.includes(i.key)).map(presentItem),
  };
}

function diffable(row: Row): DiffableItem {
  const view = presentItem(row);
  return {
    key: row.key,
    kind: row.kind,
    title: row.title,
    parentKey: row.parentKey,
    sectionCode: row.sectionCode,
    position: row.position,
    fields: {
      code: view.code,
      description: view.description,
      missions: view.missions,
      measures: view.measures,
      sdgs: view.sdgs,
      linkedPlans: view.linkedPlans,
      pillarKeys: view.pillarKeys,
      driverKeys: view.driverKeys,
      scope: view.scope,
      orgUnitId: view.orgUnitId,
      periodStart: view.periodStart,
      periodEnd: view.periodEnd,
    },
  };
}

export interface DiffView extends PlanDiff {
  from: { id: string; number: number; label: string; status: string };
  to: { id: string; number: number; label: string; status: string };
}

export async function diffVersions(
  ctx: Ctx,
  actor: Actor,
  fromId: string,
  toId: string,
): Promise<DiffView> {
  const [from, to] = await Promise.all([
    visibleVersion(ctx, actor, fromId),
    visibleVersion(ctx, actor, toId),
  ]);
  if (from.planId !== to.planId)
    throw Invalid(
      'querystring.to',
      'both versions must belong to the same plan',
      'versionsOfTwoPlans',
    );
  const [a, b] = await Promise.all([itemsOfVersion(ctx.db, from), itemsOfVersion(ctx.db, to)]);
  const summary = (v: repo.VersionRow) => ({
    id: v.id,
    number: v.number,
    label: v.label,
    status: v.status,
  });
  return {
    from: summary(from),
    to: summary(to),
    ...diffPlanItems(a.map(diffable), b.map(diffable)),
  };
}

export interface ChangelogView {
  versionId: string;
  basedOn: { id: string; number: number; label: string } | null;
  transitions: TransitionView[];
  diff: DiffView | null;
}

/** What changed in a version: its status history and, for an update, the diff from its base. */
export async function changelog(ctx: Ctx, actor: Actor, versionId: string): Promise<ChangelogView> {
  const version = await visibleVersion(ctx, actor, versionId);
  const transitions = (await repo.listTransitions(ctx.db, versionId)).map(presentTransition);
  const base = version.basedOnId ? await repo.findVersion(ctx.db, version.basedOnId) : undefined;
  return {
    versionId,
    basedOn: base ? { id: base.id, number: base.number, label: base.label } : null,
    transitions,
    diff: base ? await diffVersions(ctx, actor, base.id, versionId) : null,
  };
}
