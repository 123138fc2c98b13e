import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { normaliseCup } from '../../domain/cup.ts';
import {
  Conflict,
  Forbidden,
  Invalid,
  NotFound,
  StaleVersion,
  Unauthenticated,
} from '../../domain/errors.ts';
import type { Actor, ActorUser } from '../../domain/roles.ts';
import { projectLocations, projects } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/service.ts';
import type { Ctx } from '../context.ts';
import { missingOrgUnits } from '../organisation/service.ts';
import { resolvePnrrCode } from '../pnrr/service.ts';
import { comuneExists } from '../territory/service.ts';
import { canImportProjects } from './policy.ts';
import { getProject, type ProjectView } from './service.ts';

/** Projects outside the PNRR releases (regional, municipal, EU programmes) are entered by hand. */
export interface ManualProject {
  cup: string;
  localCode?: string | null;
  title: string;
  summary?: string | null;
  programme: string;
  mission?: string | null;
  measure?: string | null;
  implementer?: string | null;
  cupStatus?: string | null;
  progress?: string | null;
  startPlanned?: string | null;
  startActual?: string | null;
  endPlanned?: string | null;
  endActual?: string | null;
  orgUnitId?: string | null;
  comuni?: string[];
  funding?: Partial<
    Record<
      | 'pnrr'
      | 'pnc'
      | 'euOther'
      | 'state'
      | 'region'
      | 'province'
      | 'comune'
      | 'otherPublic'
      | 'private'
      | 'toFind'
      | 'other',
      number | null
    >
  >;
}

function authorise(user: ActorUser, orgUnitId: string | null | undefined) {
  if (canImportProjects(user)) return;
  if (user.role === 'editor' && orgUnitId && user.orgUnitIds.includes(orgUnitId)) return;
  throw Forbidden(
    'Projects are entered by the PNRR unit, the plan office, or an editor for their own org unit.',
  );
}

const fundingColumns = {
  pnrr: 'fundingPnrr',
  pnc: 'fundingPnc',
  euOther: 'fundingEuOther',
  state: 'fundingState',
  region: 'fundingRegion',
  province: 'fundingProvince',
  comune: 'fundingComune',
  otherPublic: 'fundingOtherPublic',
  private: 'fundingPrivate',
  toFind: 'fundingToFind',
  other: 'fundingOther',
} as const;

const dateFields = ['startPlanned', 'startActual', 'endPlanned', 'endActual'] as const;
type DateField = (typeof dateFields)[number];

/**
 * A project cannot end before it starts, planned or actual: the dates after the change (those sent,
 * the stored ones otherwise) are checked, naming the end that comes first.
 */
function checkDates(dates: Partial<Record<DateField, string | null>>) {
  for (const [start, end] of [
    ['startPlanned', 'endPlanned'],
    ['startActual', 'endActual'],
  ] as const) {
    const from = dates[start];
    const to = dates[end];
    if (from && to && to < from)
      throw Invalid(`body.${end}`, `must not be before ${start} (${from})`, 'endBeforeStart');
  }
}

async function columnsOf(ctx: Ctx, input: Partial<ManualProject>) {
  if (input.orgUnitId && (await missingOrgUnits(ctx, [input.orgUnitId])).length > 0)
    throw Invalid('body.orgUnitId', 'no active org unit has this id', 'unknownOrgUnit');
  for (const code of input.comuni ?? [])
    if (!(await comuneExists(ctx, code)))
      throw Invalid(
        'body.comuni',
        `no comune of this metropolitan city has code ${code}`,
        'unknownComune',
        { code },
      );
  let measureCode: string | null | undefined = input.measure === undefined ? undefined : null;
  let subMeasureCode: string | undefined;
  if (input.measure) {
    const resolved = await resolvePnrrCode(ctx, input.measure);
    if (!resolved)
      throw Invalid(
        'body.measure',
        `no PNRR measure in force has the code "${input.measure}"`,
        'unknownMeasure',
        { code: input.measure },
      );
    measureCode = resolved.measureCode;
    subMeasureCode = resolved.subMeasureCode ?? resolved.measureCode;
  }
  const funding = Object.fromEntries(
    Object.entries(input.funding ?? {}).map(([k, v]) => [
      fundingColumns[k as keyof typeof fundingColumns],
      v,
    ]),
  );
  const parts = Object.values(input.funding ?? {}).filter(
    (v): v is number => typeof v === 'number',
  );
  return {
    title: input.title?.trim(),
    summary: input.summary === undefined ? undefined : input.summary?.trim() || null,
    programme: input.programme?.trim(),
    mission: input.mission === undefined ? undefined : input.mission,
    measureCode,
    ...(subMeasureCode ? { subMeasureCode } : {}),
    implementer: input.implementer === undefined ? undefined : input.implementer?.trim() || null,
    cupStatus: input.cupStatus === undefined ? undefined : input.cupStatus,
    progress: input.progress === undefined ? undefined : input.progress?.trim() || null,
    ...Object.fromEntries(
      dateFields.filter((d) => input[d] !== undefined).map((d) => [d, input[d]]),
    ),
    orgUnitId: input.orgUnitId,
    ...funding,
    ...(input.funding
      ? { fundingTotal: parts.length > 0 ? parts.reduce((a, b) => a + b, 0) : null }
      : {}),
  };
}

async function replaceLocations(tx: Ctx['db'], cup: string, localCode: string, comuni: string[]) {
  await tx
    .delete(projectLocations)
    .where(and(eq(projectLocations.cup, cup), eq(projectLocations.localCode, localCode)));
  if (comuni.length === 0) return;
  await tx.insert(projectLocations).values(
    [...new Set(comuni)].map((code) => ({
      cup,
      localCode,
      comuneCode: code,
      provinceCode: code.slice(0, 3),
      rowHash: createHash('md5').update(`manual|${cup}|${localCode}|${code}`).digest('hex'),
    })),
  );
}

export async function createManualProject(
  ctx: Ctx,
  actor: Actor,
  input: ManualProject,
): Promise<ProjectView> {
  if (!actor.user) throw Unauthenticated();
  authorise(actor.user, input.orgUnitId);
  const cup = normaliseCup(input.cup);
  if (!cup)
    throw Invalid('body.cup', `"${input.cup}" is not a CUP: 15 letters and digits`, 'notACup', {
      value: input.cup,
    });
  const localCode = input.localCode?.trim() || cup;
  checkDates(input);
  const columns = await columnsOf(ctx, input);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projects)
      .values({
        ...columns,
        cup,
        localCode,
        title: columns.title!,
        programme: columns.programme!,
        isManual: true,
      })
      .onConflictDoNothing()
      .returning({ id: projects.id });
    if (!row)
      throw Conflict(
        `A project with CUP ${cup} and local code ${localCode} already exists.`,
        'projectExists',
        { cup, localCode },
      );
    await replaceLocations(tx, cup, localCode, input.comuni ?? []);
    await recordAudit(tx, actor, {
      action: 'project.created',
      entityType: 'project',
      entityId: row.id,
      after: { ...input, cup, localCode },
    });
    return row.id;
  });
  return getProject(ctx, id);
}

/**
 * Edits a project entered by hand. An imported project belongs to its release: only its org
 * unit can be set here, everything else changes with the next release.
 */
export async function updateProject(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: Partial<ManualProject> & { version: number },
): Promise<ProjectView> {
  if (!actor.user) throw Unauthenticated();
  const before = await getProject(ctx, id).catch(() => {
    throw NotFound('Project', id);
  });
  const [current] = await ctx.db
    .select({ orgUnitId: projects.orgUnitId })
    .from(projects)
    .where(eq(projects.id, id));
  authorise(actor.user, current?.orgUnitId ?? input.orgUnitId);
  const { version, comuni, ...rest } = input;
  const onlyOrgUnit = Object.keys(rest).every((k) => k === 'orgUnitId') && comuni === undefined;
  if (!before.isManual && !onlyOrgUnit)
    throw Conflict(
      `This project comes from the release ${before.release?.fileName ?? 'imported'}: only its org unit can be changed here; the rest changes with the next release.`,
      'importedProject',
      { file: before.release?.fileName ?? '—' },
    );
  if (rest.cup !== undefined)
    throw Invalid('body.cup', 'the CUP of a project does not change', 'cupUnchangeable');
  checkDates({
    ...Object.fromEntries(dateFields.map((d) => [d, before[d]])),
    ...Object.fromEntries(dateFields.filter((d) => rest[d] !== undefined).map((d) => [d, rest[d]])),
  });
  const columns = await columnsOf(ctx, rest);
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(projects)
      .set({ ...columns, version: sql`${projects.version} + 1`, updatedAt: new Date() })
      .where(and(eq(projects.id, id), eq(projects.version, version)))
      .returning({ id: projects.id });
    if (updated.length === 0) throw StaleVersion('Project', id);
    if (comuni) await replaceLocations(tx, before.cup, before.localCode, comuni);
    await recordAudit(tx, actor, {
      action: 'project.updated',
      entityType: 'project',
      entityId: id,
      before,
      after: input,
    });
  });
  return getProject(ctx, id);
}
