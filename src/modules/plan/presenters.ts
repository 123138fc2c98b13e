import type { VersionStatus } from '../../domain/planVersion.ts';
import type { ActRow, ItemRow, PlanRow, TransitionRow, VersionRow } from './repo.ts';

export interface VersionSummaryView {
  id: string;
  planId: string;
  number: number;
  label: string;
  status: VersionStatus;
  statusChangedAt: string;
  basedOnId: string | null;
  version: number;
}

export function presentVersionSummary(row: VersionRow): VersionSummaryView {
  return {
    id: row.id,
    planId: row.planId,
    number: row.number,
    label: row.label,
    status: row.status as VersionStatus,
    statusChangedAt: row.statusChangedAt.toISOString(),
    basedOnId: row.basedOnId,
    version: row.version,
  };
}

export interface PlanView {
  id: string;
  slug: string;
  title: string;
  subtitle: string | null;
  periodStart: number;
  periodEnd: number;
  notes: string | null;
  versions: (VersionSummaryView & { contentCount: number })[];
}

/** A plan with its versions; `contentCount` gives each version's goals and actions. */
export function presentPlan(
  row: PlanRow,
  versions: VersionRow[],
  contentCount: ReadonlyMap<string, number> = new Map(),
): PlanView {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    subtitle: row.subtitle,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    notes: row.notes,
    versions: versions.map((version) => ({
      ...presentVersionSummary(version),
      contentCount: contentCount.get(version.id) ?? 0,
    })),
  };
}

export interface ActView {
  id: string;
  body: string;
  kind: string;
  number: string | null;
  date: string | null;
  title: string;
  documentUrl: string | null;
  certain: boolean;
  source: string | null;
  /** A signed copy is stored and served at /api/v1/acts/{id}/document. */
  hasDocument: boolean;
}

export function presentAct(row: ActRow, hasDocument = false): ActView {
  return {
    id: row.id,
    body: row.body,
    kind: row.kind,
    number: row.number,
    date: row.date,
    title: row.title,
    documentUrl: row.documentUrl,
    certain: row.certain,
    source: row.source,
    hasDocument,
  };
}

export interface TransitionView {
  from: string | null;
  to: string;
  at: string;
  actorLabel: string;
  actId: string | null;
  note: string | null;
}

/** The actor's label only: who moved a plan forward is public, their account id is not. */
export function presentTransition(row: TransitionRow): TransitionView {
  return {
    from: row.fromStatus,
    to: row.toStatus,
    at: row.at.toISOString(),
    actorLabel: row.actorLabel.replace(/\s*<[^>]*>$/, ''),
    actId: row.actId,
    note: row.note,
  };
}

export interface ItemView {
  key: string;
  kind: string;
  code: string | null;
  title: string;
  description: string;
  parentKey: string | null;
  sectionCode: string | null;
  position: number;
  missions: string[];
  measures: string[];
  sdgs: number[];
  linkedPlans: string[];
  pillarKeys: string[];
  driverKeys: string[];
  scope: { kind: string; zones: string[]; comuni: string[] };
  orgUnitId: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  isExample: boolean;
  source: string | null;
  rowVersion: number;
  updatedAt: string;
}

export function presentItem(row: ItemRow): ItemView {
  return {
    key: row.key,
    kind: row.kind,
    code: row.code,
    title: row.title,
    description: row.description,
    parentKey: row.parentKey,
    sectionCode: row.sectionCode,
    position: row.position,
    missions: row.missions,
    measures: row.measures,
    sdgs: row.sdgs,
    linkedPlans: row.linkedPlans,
    pillarKeys: row.pillarKeys,
    driverKeys: row.driverKeys,
    scope: { kind: row.scopeKind, zones: row.scopeZones, comuni: row.scopeComuni },
    orgUnitId: row.orgUnitId,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    isExample: row.isExample,
    source: row.source,
    rowVersion: row.rowVersion,
    updatedAt: row.updatedAt.toISOString(),
  };
}
