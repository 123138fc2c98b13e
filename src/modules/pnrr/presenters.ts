import type {
  ComponentRow,
  MeasureCounts,
  MeasureRow,
  MissionRow,
  SdgRow,
  SubMeasureRow,
} from './repo.ts';

export interface ComponentView extends MeasureCounts {
  code: string;
  title: string;
  allocationEur: number;
}

export function presentComponent(row: ComponentRow, counts: MeasureCounts): ComponentView {
  return {
    code: row.code,
    title: row.title,
    allocationEur: row.allocationEur,
    measuresCount: counts.measuresCount,
    investmentsCount: counts.investmentsCount,
    reformsCount: counts.reformsCount,
  };
}

export interface MissionView extends MeasureCounts {
  code: string;
  title: string;
  allocationEur: number;
  isRepowerEu: boolean;
  components: ComponentView[];
}

export function presentMission(
  row: MissionRow,
  counts: MeasureCounts,
  components: ComponentView[],
): MissionView {
  return {
    code: row.code,
    title: row.title,
    allocationEur: row.allocationEur,
    isRepowerEu: row.isRepowerEu,
    measuresCount: counts.measuresCount,
    investmentsCount: counts.investmentsCount,
    reformsCount: counts.reformsCount,
    components,
  };
}

export interface SubMeasureView {
  code: string;
  uniqueCode: string;
  cidCode: string | null;
  title: string;
  allocationEur: number;
  amministrazioneTitolare: string;
  financing: string;
}

export function presentSubMeasure(row: SubMeasureRow): SubMeasureView {
  return {
    code: row.code,
    uniqueCode: row.uniqueCode,
    cidCode: row.cidCode,
    title: row.title,
    allocationEur: row.allocationEur,
    amministrazioneTitolare: row.amministrazioneTitolare,
    financing: row.financing,
  };
}

export interface MeasureSdgView {
  goal: number;
  code: string;
  nameIt: string;
  nameEn: string;
  prevalent: boolean;
}

export function presentMeasureSdg(sdg: SdgRow, prevalent: boolean): MeasureSdgView {
  return { goal: sdg.goal, code: sdg.code, nameIt: sdg.nameIt, nameEn: sdg.nameEn, prevalent };
}

export interface MeasureView {
  code: string;
  uniqueCode: string;
  missionCode: string;
  componentCode: string;
  kind: 'investimento' | 'riforma';
  title: string;
  allocationEur: number;
  amministrazioneTitolare: string;
  financing: string;
  subMeasures: SubMeasureView[];
  sdgs: MeasureSdgView[];
}

export function presentMeasure(
  row: MeasureRow,
  subMeasures: SubMeasureView[],
  sdgs: MeasureSdgView[],
): MeasureView {
  return {
    code: row.code,
    uniqueCode: row.uniqueCode,
    missionCode: row.missionCode,
    componentCode: row.componentCode,
    kind: row.kind,
    title: row.title,
    allocationEur: row.allocationEur,
    amministrazioneTitolare: row.amministrazioneTitolare,
    financing: row.financing,
    subMeasures,
    sdgs,
  };
}

export interface MeasureDetailView extends MeasureView {
  missionTitle: string;
  componentTitle: string;
}

export interface SdgView {
  goal: number;
  code: string;
  nameIt: string;
  nameEn: string;
  descriptionIt: string;
  measuresCount: number;
  prevalentMeasuresCount: number;
}

export function presentSdg(
  row: SdgRow,
  counts: { measuresCount: number; prevalentCount: number },
): SdgView {
  return {
    goal: row.goal,
    code: row.code,
    nameIt: row.nameIt,
    nameEn: row.nameEn,
    descriptionIt: row.descriptionIt,
    measuresCount: counts.measuresCount,
    prevalentMeasuresCount: counts.prevalentCount,
  };
}
