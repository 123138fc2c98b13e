/** Shapes of the plan API (`/api/v1/plans`, `/plan-versions`, `/pnrr`, `/sdgs`). */

export const versionStatuses = ['draft', 'consultation', 'adopted', 'superseded'] as const;
export type VersionStatus = (typeof versionStatuses)[number];

export const sectionCodes = ['1', '2', '3'] as const;
export const planMissions = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6'] as const;
export const allMissions = [...planMissions, 'M7'] as const;
export const linkedPlanKinds = ['ptm', 'pums', 'agenda2030'] as const;
export const scopeKinds = ['metro', 'zones', 'comuni'] as const;
export type ScopeKind = (typeof scopeKinds)[number];

export const actBodies = ['sindaco', 'consiglio', 'conferenza'] as const;
export const actKinds = ['decreto', 'delibera', 'parere'] as const;
export const exportFormats = ['json', 'xlsx', 'pdf'] as const;

export interface VersionSummary {
  id: string;
  planId: string;
  number: number;
  label: string;
  status: VersionStatus;
  statusChangedAt: string;
  basedOnId: string | null;
  version: number;
}

export interface PlanInfo {
  id: string;
  slug: string;
  title: string;
  subtitle: string | null;
  periodStart: number;
  periodEnd: number;
  notes: string | null;
}

/** A version as a plan lists it, with how many goals and actions it holds. */
export interface PlanVersionEntry extends VersionSummary {
  contentCount: number;
}

export interface Plan extends PlanInfo {
  versions: PlanVersionEntry[];
}

export interface Act {
  id: string;
  body: string;
  kind: string;
  number: string | null;
  date: string | null;
  title: string;
  documentUrl: string | null;
  certain: boolean;
  source: string | null;
}

export interface Transition {
  from: string | null;
  to: string;
  at: string;
  actorLabel: string;
  actId: string | null;
  note: string | null;
}

export interface VersionDetail extends VersionSummary {
  plan: PlanInfo;
  acts: Act[];
  transitions: Transition[];
  counts: { goals: number; actions: number; examples: number };
}

export interface Scope {
  kind: string;
  zones: string[];
  comuni: string[];
}

export interface PlanItem {
  key: string;
  kind: string;
  code: string | null;
  title: string;
  /** Sanitised by the server: safe to render as HTML. */
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
  scope: Scope;
  orgUnitId: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  isExample: boolean;
  source: string | null;
  rowVersion: number;
  updatedAt: string;
}

export interface TreeAction extends PlanItem {
  effectiveMissions: string[];
}

export interface TreeGoal extends TreeAction {
  actions: TreeAction[];
}

export interface TreeSection extends PlanItem {
  goals: TreeGoal[];
}

export interface Tree {
  versionId: string;
  filtered: boolean;
  sections: TreeSection[];
  pillars: PlanItem[];
  drivers: PlanItem[];
  counts: { goals: number; actions: number };
}

export interface TreeQuery {
  missions?: string[];
  sdg?: number;
  zone?: string;
  comune?: string;
  orgUnit?: string;
  q?: string;
  hideExamples?: boolean;
}

export interface MatrixCell {
  sectionCode: string;
  mission: string;
  goals: number;
  actions: number;
  goalKeys: string[];
  actionKeys: string[];
  fundingEur: number | null;
}

export interface Matrix {
  versionId: string;
  sections: { code: string; title: string }[];
  missions: string[];
  cells: MatrixCell[];
}

export interface ItemDetail extends PlanItem {
  effectiveMissions: string[];
  versionId: string;
  goal: PlanItem | null;
  actions: PlanItem[];
  pillars: PlanItem[];
  drivers: PlanItem[];
}

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
  scope?: { kind: ScopeKind; zones?: string[]; comuni?: string[] };
  orgUnitId?: string | null;
  periodStart?: number | null;
  periodEnd?: number | null;
}

export interface ItemCreate extends ItemFields {
  kind: 'goal' | 'action';
  title: string;
  sectionCode?: string;
  parentKey?: string;
}

export interface ItemPatch extends ItemFields {
  rowVersion: number;
}

export interface ItemMove {
  rowVersion: number;
  sectionCode?: string;
  parentKey?: string;
  position: number;
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
  note?: string | null;
  act?: ActInput;
}

export interface DiffItem {
  key: string;
  kind: string;
  title: string;
  parentKey: string | null;
  sectionCode: string | null;
  position: number;
  fields: Record<string, unknown>;
}

export interface Placement {
  parentKey: string | null;
  sectionCode: string | null;
  position: number;
}

export interface VersionRef {
  id: string;
  number: number;
  label: string;
  status: string;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface Diff {
  from: VersionRef;
  to: VersionRef;
  added: DiffItem[];
  removed: DiffItem[];
  moved: { item: DiffItem; from: Placement; to: Placement }[];
  changed: { item: DiffItem; changes: FieldChange[] }[];
  unchanged: number;
}

export interface Changelog {
  versionId: string;
  basedOn: { id: string; number: number; label: string } | null;
  transitions: Transition[];
  diff: Diff | null;
}

export interface PnrrMission {
  code: string;
  title: string;
  isRepowerEu: boolean;
}

export interface Sdg {
  goal: number;
  code: string;
  nameIt: string;
  nameEn: string;
}
