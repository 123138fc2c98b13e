/**
 * Shapes of the projects API (`/api/v1/projects`, `/imports`, `/analytics/pnrr`,
 * `/project-links`), as src/modules/projects/schemas.ts and linkRoutes.ts declare them.
 */

export const projectSorts = [
  '-pnrr',
  'pnrr',
  '-funding',
  'funding',
  'title',
  '-title',
  '-updated',
  'updated',
] as const;
export type ProjectSort = (typeof projectSorts)[number];

export const exportFormats = ['csv', 'xlsx', 'geojson'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ComuneRef {
  code: string;
  name: string;
}

export interface ProjectSummary {
  id: string;
  cup: string;
  localCode: string;
  title: string;
  programme: string;
  mission: string | null;
  measureCode: string | null;
  subMeasureCode: string;
  implementer: string | null;
  fundingPnrr: number | null;
  fundingTotal: number | null;
  comuni: ComuneRef[];
  locations: number;
}

/** Sources of funding in the order of the release's columns; `null` = not stated, not zero. */
export const fundingSources = [
  'pnrr',
  'pnc',
  'euOther',
  'state',
  'region',
  'province',
  'comune',
  'otherPublic',
  'private',
  'toFind',
  'other',
] as const;
export type FundingSource = (typeof fundingSources)[number];

export type Funding = Record<FundingSource | 'total' | 'totalPublic', number | null>;

export interface Release {
  id: string;
  fileName: string;
  releaseDate: string | null;
  sha256: string;
  importedAt: string;
}

export interface PlaceOutside {
  special: string | null;
  regionCode: string | null;
  provinceCode: string | null;
  placeName: string | null;
}

export interface Subject {
  roleCode: string;
  role: string;
  taxCode: string;
  name: string;
  legalForm: string | null;
}

export interface Project extends ProjectSummary {
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
  progress: string | null;
  startPlanned: string | null;
  startActual: string | null;
  endPlanned: string | null;
  endActual: string | null;
  release: Release | null;
  placesOutsideComuni: PlaceOutside[];
  subjects: Subject[];
  isManual: boolean;
  /** The org unit of the metropolitan city that follows the project. */
  orgUnit: { id: string; name: string } | null;
  version: number;
  /** From the payments release: what was paid, kept apart from what was financed. */
  payments: Payments | null;
  indicators: Indicator[];
}

export interface Payments {
  paidTotal: number | null;
  paidPnrr: number | null;
  fundingTotal: number | null;
  fundingPnrr: number | null;
  extractedOn: string | null;
}

export interface Indicator {
  code: string;
  description: string;
  unit: string | null;
  kind: string | null;
  planned: number | null;
  achieved: number | null;
  month: string | null;
  year: number | null;
}

export interface ProjectFilter {
  q?: string;
  mission?: string;
  measure?: string;
  comune?: string;
  zone?: string;
  subject?: string;
  orgUnit?: string;
}

export interface ProjectsQuery extends ProjectFilter {
  sort?: ProjectSort;
  page?: number;
  pageSize?: number;
}

/** What a project entered by hand carries (POST /projects, PATCH /projects/:id). */
export interface ManualProjectFields {
  cup?: string;
  title?: string;
  programme?: string;
  localCode?: string | null;
  summary?: string | null;
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
  funding?: Partial<Record<FundingSource, number | null>>;
}

export type ProjectChanges = ManualProjectFields & { version: number };

export const importKinds = ['localizzazioni', 'progetti', 'soggetti'] as const;
export type ImportKind = (typeof importKinds)[number];
export type ImportScope = 'all' | 'territory';

export interface ImportReport {
  releaseId: string;
  file: string;
  kind: string;
  scope: string;
  encoding: string;
  separator: string;
  sha256: string;
  releaseDate: string | null;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  skipped: number;
  rejected: number;
  rejectedRows: { row: number; reasons: string[]; problems?: ImportProblem[] }[];
  changes: { key: string; fields: string[] }[];
  /** Progetti: projects stored from earlier releases that this file does not list. */
  absent?: { count: number; keys: string[] };
  unknownColumns: string[];
  durationMs: number;
}

/** Why a row was rejected, as data (older reports have only the English reasons). */
export interface ImportProblem {
  code: string;
  column?: string;
  value?: string;
  row?: number;
}

export interface ImportRelease {
  id: string;
  kind: string;
  fileName: string;
  sha256: string;
  bytes: number;
  encoding: string;
  releaseDate: string | null;
  scope: string;
  importedAt: string;
  /** The report as stored; older releases may lack fields. */
  report: Partial<ImportReport> | null;
}

export interface AnalyticsQuery {
  mission?: string;
  measure?: string;
}

export interface ComuneAllocation {
  istatCode: string;
  name: string;
  zoneId: string | null;
  population: number | null;
  eur: number;
  projects: number;
  perResident: number | null;
}

export interface ZoneAllocation {
  id: string;
  name: string;
  population: number;
  eur: number;
  projects: number;
  perResident: number | null;
  comuniCount: number;
}

export interface LorenzPoint {
  population: number;
  amount: number;
}

export interface Analytics {
  amount: string;
  totals: {
    allocatedEur: number;
    outsideEur: number;
    projects: number;
    perResident: number | null;
    comuniWithProjects: number;
  };
  comuni: ComuneAllocation[];
  zones: ZoneAllocation[];
  concentration: {
    gini: number;
    lorenz: LorenzPoint[];
    shareToComuniUnder5k: number;
    shareToComuniUnder15k: number;
    populationShareUnder5k: number;
    populationShareUnder15k: number;
  };
  sources: { fileName: string; kind: string; releaseDate: string | null; sha256: string }[];
}

export const linkStatuses = ['suggested', 'accepted', 'rejected'] as const;
export type LinkStatus = (typeof linkStatuses)[number];

export interface ProjectLink {
  projectId: string;
  actionKey: string;
  status: LinkStatus;
  score: number | null;
  reasons: string[];
  decidedAt: string | null;
  projectTitle: string;
  cup: string;
  fundingPnrr: number | null;
  actionTitle: string | null;
  /** The plan version of the action as last edited: where it can be unlinked. */
  actionVersionId: string | null;
  actionOrgUnitId: string | null;
}

export interface LinksQuery {
  status?: LinkStatus;
  actionKey?: string;
  projectId?: string;
  page?: number;
  pageSize?: number;
}

export interface ActionLinkTotals {
  projects: number;
  fundingPnrr: number;
}

export interface LinkCoverage {
  linkedProjects: number;
  unlinkedProjects: number;
  linkedEur: number;
  unlinkedEur: number;
}

export interface SuggestionRun {
  actions: number;
  scored: number;
  suggested: number;
}

export interface PnrrSubMeasure {
  code: string;
  title: string;
}

export interface PnrrMeasure {
  code: string;
  missionCode: string;
  componentCode: string;
  kind: string;
  title: string;
  subMeasures: PnrrSubMeasure[];
}
