import { density, populationBandOf, type PopulationBand } from '../../domain/population.ts';
import type { ComuneRow, ComuneSummaryRow, MetroRow, ZoneRow } from './repo.ts';

export interface ComuneSummaryView {
  istatCode: string;
  name: string;
  population: number | null;
  populationYear: number | null;
  areaKm2: number | null;
  density: number | null;
  zoneId: string | null;
  zoneName: string | null;
  zoneConfidence: string | null;
  isCapoluogo: boolean;
  populationBand: PopulationBand | null;
}

export function presentComuneSummary(row: ComuneSummaryRow): ComuneSummaryView {
  return {
    istatCode: row.istatCode,
    name: row.name,
    population: row.population,
    populationYear: row.populationYear,
    areaKm2: row.areaKm2,
    density: density(row.population, row.areaKm2),
    zoneId: row.zoneId,
    zoneName: row.zoneName,
    zoneConfidence: row.zoneConfidence,
    isCapoluogo: row.isCapoluogo,
    populationBand: row.population === null ? null : populationBandOf(row.population),
  };
}

export interface ComuneView extends ComuneSummaryView {
  cadastralCode: string | null;
  website: string | null;
  pec: string | null;
  populationSource: string | null;
  populationDate: string | null;
  version: number;
  updatedAt: string;
}

export function presentComune(row: ComuneRow, zoneName: string | null): ComuneView {
  return {
    ...presentComuneSummary({ ...row, zoneName }),
    cadastralCode: row.cadastralCode,
    website: row.website,
    pec: row.pec,
    populationSource: row.populationSource,
    populationDate: row.populationDate,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface ZoneView {
  id: string;
  name: string;
  isZonaOmogenea: boolean;
  vision: string | null;
  membershipConfidence: string;
  comuniCount: number;
  population: number;
  areaKm2: number;
  density: number | null;
  version: number;
}

export function presentZone(
  zone: ZoneRow,
  totals: { comuniCount: number; population: number; areaKm2: number },
): ZoneView {
  return {
    id: zone.id,
    name: zone.name,
    isZonaOmogenea: zone.isZonaOmogenea,
    vision: zone.vision,
    membershipConfidence: zone.membershipConfidence,
    comuniCount: totals.comuniCount,
    population: totals.population,
    areaKm2: Math.round(totals.areaKm2 * 100) / 100,
    density: density(totals.population, totals.areaKm2),
    version: zone.version,
  };
}

export interface MetroView {
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

export function presentMetro(
  row: MetroRow,
  totals: { comuniCount: number; population: number; areaKm2: number; zonesCount: number },
): MetroView {
  return {
    utsCode: row.utsCode,
    name: row.name,
    sigla: row.sigla,
    provinceCode: row.provinceCode,
    regionName: row.regionName,
    capoluogoCode: row.capoluogoCode,
    ...totals,
    areaKm2: Math.round(totals.areaKm2 * 100) / 100,
  };
}
