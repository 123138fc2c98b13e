import type { ProjectRow } from './repo.ts';

export interface ReleaseRef {
  id: string;
  fileName: string;
  releaseDate: string | null;
  sha256: string;
  importedAt: string;
}

export interface Funding {
  pnrr: number | null;
  pnc: number | null;
  euOther: number | null;
  state: number | null;
  region: number | null;
  province: number | null;
  comune: number | null;
  otherPublic: number | null;
  private: number | null;
  toFind: number | null;
  other: number | null;
  total: number | null;
  totalPublic: number | null;
}

/** Amounts by source; null means the release did not say, which is not the same as zero. */
export function fundingOf(p: ProjectRow): Funding {
  return {
    pnrr: p.fundingPnrr,
    pnc: p.fundingPnc,
    euOther: p.fundingEuOther,
    state: p.fundingState,
    region: p.fundingRegion,
    province: p.fundingProvince,
    comune: p.fundingComune,
    otherPublic: p.fundingOtherPublic,
    private: p.fundingPrivate,
    toFind: p.fundingToFind,
    other: p.fundingOther,
    total: p.fundingTotal,
    totalPublic: p.fundingTotalPublic,
  };
}

export interface ProjectSummaryView {
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
  comuni: { code: string; name: string }[];
  locations: number;
}

export function presentProjectSummary(
  p: ProjectRow,
  comuni: { code: string; name: string }[],
  locations: number,
): ProjectSummaryView {
  return {
    id: p.id,
    cup: p.cup,
    localCode: p.localCode,
    title: p.title,
    programme: p.programme,
    mission: p.mission,
    measureCode: p.measureCode,
    subMeasureCode: p.subMeasureCode,
    implementer: p.implementer,
    fundingPnrr: p.fundingPnrr,
    fundingTotal: p.fundingTotal,
    comuni,
    locations,
  };
}
