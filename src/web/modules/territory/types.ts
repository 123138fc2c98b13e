/** Shapes of the territory API (`/api/v1/metro`, `/comuni`, `/zones`, `/geo`). */

export type ZoneConfidence = 'confirmed' | 'inferred' | 'assigned';
export type PopulationBand = 'under-5k' | '5k-15k' | '15k-50k' | 'over-50k';
export const populationBands: PopulationBand[] = ['under-5k', '5k-15k', '15k-50k', 'over-50k'];

export const comuniSorts = [
  'name',
  '-name',
  'population',
  '-population',
  'area',
  '-area',
  'density',
  '-density',
] as const;
export type ComuniSort = (typeof comuniSorts)[number];

export interface Metro {
  utsCode: string;
  name: string;
  sigla: string;
  provinceCode: string;
  regionName: string;
  capoluogoCode: string;
  comuniCount: number;
  population: number;
  areaKm2: number;
  zonesCount: number;
}

export interface ComuneSummary {
  istatCode: string;
  name: string;
  population: number | null;
  populationYear: number | null;
  areaKm2: number | null;
  density: number | null;
  zoneId: string | null;
  zoneName: string | null;
  zoneConfidence: ZoneConfidence | null;
  isCapoluogo: boolean;
  populationBand: PopulationBand | null;
}

export interface Comune extends ComuneSummary {
  cadastralCode: string | null;
  website: string | null;
  pec: string | null;
  populationSource: string | null;
  /** yyyy-mm-dd */
  populationDate: string | null;
  version: number;
  updatedAt: string;
}

export interface ComuneChanges {
  version: number;
  zoneId?: string | null;
  website?: string | null;
  pec?: string | null;
}

export interface Zone {
  id: string;
  name: string;
  isZonaOmogenea: boolean;
  vision: string | null;
  membershipConfidence: ZoneConfidence | null;
  comuniCount: number;
  population: number;
  areaKm2: number;
  density: number | null;
  version: number;
}

export interface ZoneDetail extends Zone {
  comuni: ComuneSummary[];
}

export interface ComuniQuery {
  q?: string;
  zone?: string;
  band?: PopulationBand | '';
  sort?: ComuniSort;
  page?: number;
  pageSize?: number;
}

export interface ComuneFeatureProperties {
  istatCode: string;
  name: string;
  population: number | null;
  density: number | null;
  zoneId: string | null;
  zoneName: string | null;
}

export interface ZoneFeatureProperties {
  id: string;
  name: string;
  comuniCount: number;
  population: number;
}

export interface Feature<P> {
  type: 'Feature';
  properties: P;
  geometry: { type: string; coordinates: unknown } | null;
}

export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}
