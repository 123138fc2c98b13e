import { Forbidden, NotFound, Unauthenticated } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import type { Ctx, Page, PageRequest } from '../context.ts';
import { pageWindow } from '../context.ts';
import { canImportProjects } from './policy.ts';
import {
  fundingOf,
  presentProjectSummary,
  type Funding,
  type ProjectSummaryView,
  type ReleaseRef,
} from './presenters.ts';
import * as repo from './repo.ts';

export interface ProjectQuery extends repo.ProjectFilter, PageRequest {
  sort?: string;
}

export async function listProjects(
  ctx: Ctx,
  query: ProjectQuery,
): Promise<Page<ProjectSummaryView>> {
  const { page, pageSize, offset } = pageWindow(query);
  const sort = query.sort ?? '-pnrr';
  const { rows, total } = await repo.listProjects(
    ctx.db,
    query,
    { by: sort.replace(/^-/, '') as repo.ProjectSort, descending: sort.startsWith('-') },
    pageSize,
    offset,
  );
  return {
    items: rows.map((r) => presentProjectSummary(r.project, r.comuni, r.locations)),
    total,
    page,
    pageSize,
  };
}

export interface ProjectView extends ProjectSummaryView {
  summary: string | null;
  component: string | null;
  owner: string | null;
  implementerTaxCode: string | null;
  cupStatus: string | null;
  nature: string | null;
  typology: string | null;
  sector: string | null;
  procedure: string | null;
  funding: Funding;
  sourceUpdatedAt: string | null;
  /** How far the project has come, in the release's words or its editor's. */
  progress: string | null;
  startPlanned: string | null;
  startActual: string | null;
  endPlanned: string | null;
  endActual: string | null;
  release: ReleaseRef | null;
  placesOutsideComuni: {
    special: string | null;
    regionCode: string | null;
    provinceCode: string | null;
    placeName: string | null;
  }[];
  subjects: {
    roleCode: string;
    role: string;
    taxCode: string;
    name: string;
    legalForm: string | null;
  }[];
  isManual: boolean;
  orgUnit: { id: string; name: string } | null;
  version: number;
  /** From the payments release: what was paid, kept apart from what was financed. */
  payments: {
    paidTotal: number | null;
    paidPnrr: number | null;
    fundingTotal: number | null;
    fundingPnrr: number | null;
    extractedOn: string | null;
  } | null;
  indicators: {
    code: string;
    description: string;
    unit: string | null;
    kind: string | null;
    planned: number | null;
    achieved: number | null;
    month: string | null;
    year: number | null;
  }[];
}

export async function getProject(ctx: Ctx, id: string): Promise<ProjectView> {
  const p = await repo.findProject(ctx.db, id);
  if (!p) throw NotFound('Project', id);
  const [locations, subjects, release, payments, indicators, orgUnit] = await Promise.all([
    repo.locationsOf(ctx.db, p.cup, p.localCode),
    repo.subjectsOf(ctx.db, p.cup, p.localCode),
    p.releaseId ? repo.findRelease(ctx.db, p.releaseId) : undefined,
    repo.paymentsOf(ctx.db, p),
    repo.indicatorsOf(ctx.db, p),
    p.orgUnitId ? repo.orgUnitRef(ctx.db, p.orgUnitId) : null,
  ]);
  const inComuni = locations.filter((l) => l.comuneName !== null);
  const comuni = [
    ...new Map(
      inComuni.map((l) => [
        l.location.comuneCode!,
        { code: l.location.comuneCode!, name: l.comuneName! },
      ]),
    ).values(),
  ];
  return {
    ...presentProjectSummary(p, comuni, locations.length),
    summary: p.summary,
    component: p.component,
    owner: p.owner,
    implementerTaxCode: p.implementerTaxCode,
    cupStatus: p.cupStatus,
    nature: p.nature,
    typology: p.typology,
    sector: p.sector,
    procedure: p.procedure,
    funding: fundingOf(p),
    sourceUpdatedAt: p.sourceUpdatedAt,
    progress: p.progress,
    startPlanned: p.startPlanned,
    startActual: p.startActual,
    endPlanned: p.endPlanned,
    endActual: p.endActual,
    release: release
      ? {
          id: release.id,
          fileName: release.fileName,
          releaseDate: release.releaseDate,
          sha256: release.sha256,
          importedAt: release.importedAt.toISOString(),
        }
      : null,
    placesOutsideComuni: locations
      .filter((l) => l.comuneName === null)
      .map((l) => ({
        special: l.location.special,
        regionCode: l.location.regionCode,
        provinceCode: l.location.provinceCode,
        placeName: l.location.placeName,
      })),
    subjects: subjects.map((s) => ({
      roleCode: s.roleCode,
      role: s.role,
      taxCode: s.taxCode,
      name: s.name,
      legalForm: s.legalForm,
    })),
    isManual: p.isManual,
    orgUnit: orgUnit ?? null,
    version: p.version,
    payments: payments
      ? {
          paidTotal: payments.paidTotal,
          paidPnrr: payments.paidPnrr,
          fundingTotal: payments.fundingTotal,
          fundingPnrr: payments.fundingPnrr,
          extractedOn: payments.extractedOn,
        }
      : null,
    indicators: indicators.map((i) => ({
      code: i.code,
      description: i.description,
      unit: i.unit,
      kind: i.kind,
      planned: i.planned,
      achieved: i.achieved,
      month: i.month,
      year: i.year,
    })),
  };
}

export async function listImports(ctx: Ctx, actor: Actor, query: PageRequest) {
  if (!actor.user) throw Unauthenticated();
  if (!canImportProjects(actor.user))
    throw Forbidden('Only the PNRR unit and the plan office see the imports.');
  const { page, pageSize, offset } = pageWindow(query);
  const { rows, total } = await repo.listReleases(ctx.db, pageSize, offset);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      fileName: r.fileName,
      sha256: r.sha256,
      bytes: r.bytes,
      encoding: r.encoding,
      releaseDate: r.releaseDate,
      scope: r.scope,
      importedAt: r.importedAt.toISOString(),
      report: r.report,
    })),
    total,
    page,
    pageSize,
  };
}
