import { DomainError } from '../../domain/errors.ts';
import { searchableName } from '../../domain/istat.ts';
import { cleanPnrrCode, normalisePnrrCode, type PnrrCodeRef } from '../../domain/pnrrCode.ts';
import type { Ctx, Page, PageRequest } from '../context.ts';
import { pageWindow } from '../context.ts';
import * as present from './presenters.ts';
import * as repo from './repo.ts';

export async function taxonomyRevision(ctx: Ctx): Promise<number> {
  return repo.taxonomyRevision(ctx.db);
}

export interface MissionsView {
  items: present.MissionView[];
  allocationEur: number;
  measuresCount: number;
}

/** The missions with their components, allocations and counts of measures. */
export async function listMissions(ctx: Ctx): Promise<MissionsView> {
  const [missions, components] = await Promise.all([
    repo.listMissionsWithCounts(ctx.db),
    repo.listComponentsWithCounts(ctx.db),
  ]);
  const items = missions.map((m) =>
    present.presentMission(
      m.mission,
      m,
      components
        .filter((c) => c.component.missionCode === m.mission.code)
        .map((c) => present.presentComponent(c.component, c)),
    ),
  );
  const cents = items.reduce((total, m) => total + Math.round(m.allocationEur * 100), 0);
  return {
    items,
    allocationEur: cents / 100,
    measuresCount: items.reduce((total, m) => total + m.measuresCount, 0),
  };
}

/** Codes of the missions (M1…M7), for other modules' validation. */
export async function missionCodes(ctx: Ctx): Promise<string[]> {
  return repo.listMissionCodes(ctx.db);
}

export interface MeasureQuery extends PageRequest {
  mission?: string;
  component?: string;
  kind?: 'investimento' | 'riforma';
  sdg?: number;
  q?: string;
}

async function withDetails(ctx: Ctx, rows: repo.MeasureRow[]): Promise<present.MeasureView[]> {
  const codes = rows.map((r) => r.code);
  const [subMeasures, sdgs] = await Promise.all([
    repo.listSubMeasuresOf(ctx.db, codes),
    repo.listSdgsOfMeasures(ctx.db, codes),
  ]);
  return rows.map((row) =>
    present.presentMeasure(
      row,
      subMeasures.filter((s) => s.measureCode === row.code).map(present.presentSubMeasure),
      sdgs
        .filter((s) => s.measureCode === row.code)
        .map((s) => present.presentMeasureSdg(s.sdg, s.prevalent)),
    ),
  );
}

export async function listMeasures(
  ctx: Ctx,
  query: MeasureQuery,
): Promise<Page<present.MeasureView>> {
  const { page, pageSize, offset } = pageWindow(query);
  const q = query.q?.trim();
  const { rows, total } = await repo.listMeasures(
    ctx.db,
    {
      missionCode: query.mission?.toUpperCase(),
      componentCode: query.component?.toUpperCase(),
      kind: query.kind,
      sdgGoal: query.sdg,
      text: q ? searchableName(q) : undefined,
      codePrefix: q && /^m\s*\d/i.test(q) ? cleanPnrrCode(q) : undefined,
    },
    pageSize,
    offset,
  );
  return { items: await withDetails(ctx, rows), total, page, pageSize };
}

export interface PnrrCodeResolution extends PnrrCodeRef {
  /** The code as it was given. */
  input: string;
}

/** The alias table of the official file first (irregular codes), then the rule; null if no match. */
async function lookUpCode(ctx: Ctx, input: string): Promise<PnrrCodeRef | null> {
  const key = cleanPnrrCode(input);
  const alias = await repo.findCodeAlias(ctx.db, key);
  if (alias) return { measureCode: alias.measureCode, subMeasureCode: alias.subMeasureCode };
  const ref = normalisePnrrCode(key);
  if (!ref || !(await repo.findMeasure(ctx.db, ref.measureCode))) return null;
  if (ref.subMeasureCode) {
    const sub = await repo.findSubMeasure(ctx.db, ref.subMeasureCode);
    if (sub?.measureCode !== ref.measureCode) return null;
  }
  return ref;
}

/**
 * Any form of a measure or sub-measure code (short, zero-padded, `.00`, EU CID, lower case,
 * spaces) → canonical codes of the PNRR in force; null when no measure has it.
 */
export async function resolvePnrrCode(ctx: Ctx, code: string): Promise<PnrrCodeResolution | null> {
  const ref = await lookUpCode(ctx, code);
  return ref ? { input: code, ...ref } : null;
}

function unknownCode(code: string): DomainError {
  const ref = normalisePnrrCode(code);
  return new DomainError(
    'not-found',
    ref
      ? `No measure of the PNRR in force (2025 financial framework, with REPowerEU) has the code "${code}" (read as ${ref.subMeasureCode ?? ref.measureCode}).`
      : `"${code}" is not a PNRR measure code: expected a code such as M1C1I1.1, M1C1I1.01, M1C1I1.3.1 or M1C1I1.03.01.`,
  );
}

/** As resolvePnrrCode, for the API: an unknown code is a 404 that says why. */
export async function getCodeResolution(ctx: Ctx, code: string): Promise<PnrrCodeResolution> {
  const resolution = await resolvePnrrCode(ctx, code);
  if (!resolution) throw unknownCode(code);
  return resolution;
}

/** One measure, named by any form of its code (or one of its sub-measures'). */
export async function getMeasure(ctx: Ctx, code: string): Promise<present.MeasureDetailView> {
  const ref = await lookUpCode(ctx, code);
  const row = ref && (await repo.findMeasure(ctx.db, ref.measureCode));
  if (!row) throw unknownCode(code);
  const [[measure], context] = await Promise.all([
    withDetails(ctx, [row]),
    repo.findMeasureContext(ctx.db, row.code),
  ]);
  return {
    ...measure!,
    missionTitle: context!.missionTitle,
    componentTitle: context!.componentTitle,
  };
}

/** Which of these canonical measure codes name no measure (other forms are not accepted here). */
export async function unknownMeasureCodes(ctx: Ctx, codes: readonly string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  const known = new Set(await repo.existingMeasureCodes(ctx.db, unique));
  return unique.filter((c) => !known.has(c));
}

/**
 * True when every code is the canonical code of a measure. Canonicalise user input with
 * resolvePnrrCode first: "M1C1I1.01" is not accepted here, "M1C1I1.1" is.
 */
export async function measuresExist(ctx: Ctx, codes: readonly string[]): Promise<boolean> {
  return (await unknownMeasureCodes(ctx, codes)).length === 0;
}

export async function listSdgs(ctx: Ctx): Promise<present.SdgView[]> {
  const rows = await repo.listSdgsWithCounts(ctx.db);
  return rows.map((r) => present.presentSdg(r.sdg, r));
}

/** The SDG goal numbers (1…17), for other modules' validation. */
export async function sdgGoals(ctx: Ctx): Promise<number[]> {
  return repo.listSdgGoals(ctx.db);
}
