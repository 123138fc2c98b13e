import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { geometryAreaKm2 } from '../../domain/geoArea.ts';
import { populationSource } from '../../domain/population.ts';

/** The bundled real data (reference-data/SOURCES.md says where each file comes from). */
const root = fileURLToPath(new URL('../../../reference-data/', import.meta.url));

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(root + file, 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
}

interface Feature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

function readFeatures(file: string): Feature[] {
  return (JSON.parse(readFileSync(root + file, 'utf8')) as { features: Feature[] }).features;
}

export interface MetroRecord {
  utsCode: string;
  name: string;
  sigla: string;
  provinceCode: string;
  regionName: string;
  capoluogoCode: string;
}

export interface ZoneRecord {
  id: string;
  name: string;
  isZonaOmogenea: boolean;
  vision: string | null;
  membershipConfidence: string;
  evidence: string | null;
  position: number;
  geometry: unknown;
}

export interface ComuneRecord {
  istatCode: string;
  name: string;
  cadastralCode: string | null;
  isCapoluogo: boolean;
  population: number | null;
  populationYear: number | null;
  populationSource: string | null;
  /** The day of the count (yyyy-mm-dd), when the source gives one. */
  populationDate: string | null;
  areaKm2: number | null;
  zoneId: string | null;
  zoneConfidence: string | null;
  geometry: unknown;
}

export interface TerritoryRecords {
  metro: MetroRecord;
  zones: ZoneRecord[];
  comuni: ComuneRecord[];
}

export function listMetros(): MetroRecord[] {
  return readCsv('citta_metropolitane_it.csv').map((r) => ({
    utsCode: r.uts_code!,
    name: r.name!,
    sigla: r.sigla!,
    provinceCode: r.province_code_historic!,
    regionName: r.region_name!,
    capoluogoCode: r.capoluogo_istat_code!,
  }));
}

/** Milano has the curated file: ANPR 2024 population, zones with their confidence. */
function milanoTerritory(metro: MetroRecord): TerritoryRecords {
  const comuneShapes = new Map(
    readFeatures('geo/comuni_mi.geojson').map((f) => [
      String(f.properties.com_istat_code),
      f.geometry,
    ]),
  );
  const zoneShapes = new Map(
    readFeatures('geo/zone_omogenee_mi.geojson').map((f) => [
      String(f.properties.zona_omogenea_id),
      f.geometry,
    ]),
  );
  const zones = readCsv('zones_mi.csv').map((r, i) => ({
    id: r.zone_id!,
    name: r.name!,
    isZonaOmogenea: r.is_zona_omogenea === 'true',
    vision: r.psm_vision || null,
    membershipConfidence: r.membership_confidence!,
    evidence: r.evidence || null,
    position: i,
    geometry: zoneShapes.get(r.zone_id!) ?? null,
  }));
  const comuni = readCsv('comuni_mi.csv').map((r) => {
    const source = populationSource(r.population_source!, r.population_date!);
    return {
      istatCode: r.istat_code!,
      name: r.name!,
      cadastralCode: r.cadastral_code || null,
      isCapoluogo: r.istat_code === metro.capoluogoCode,
      population: Number(r.population),
      populationYear: Number(r.population_year),
      populationSource: source.register,
      populationDate: source.day,
      areaKm2: Number(r.area_km2),
      zoneId: r.zone_id!,
      zoneConfidence: r.zone_confidence!,
      geometry: comuneShapes.get(r.istat_code!) ?? null,
    };
  });
  return { metro, zones, comuni };
}

/** Other metropolitan cities: ISTAT list, census 2011 population, area from the boundaries, no zones yet. */
function istatTerritory(metro: MetroRecord): TerritoryRecords {
  const shapes = new Map(
    readFeatures(`geo/metro/comuni_P_${Number(metro.provinceCode)}.geojson`).map((f) => [
      String(f.properties.com_istat_code),
      f.geometry,
    ]),
  );
  const comuni = readCsv('comuni_italia.csv')
    .filter((r) => r.uts_code === metro.utsCode)
    .map((r) => {
      const geometry = shapes.get(r.istat_code!) ?? null;
      return {
        istatCode: r.istat_code!,
        name: r.name!,
        cadastralCode: r.cadastral_code || null,
        isCapoluogo: r.is_capoluogo === '1',
        population: r.pop_census_2011 ? Number(r.pop_census_2011) : null,
        populationYear: r.pop_census_2011 ? 2011 : null,
        // The census of 2011: the year says when (populationYear).
        populationSource: r.pop_census_2011 ? 'ISTAT' : null,
        populationDate: null,
        areaKm2: geometry ? Math.round(geometryAreaKm2(geometry) * 100) / 100 : null,
        zoneId: null,
        zoneConfidence: null,
        geometry,
      };
    });
  return { metro, zones: [], comuni };
}

export function territoryOf(utsCode: string): TerritoryRecords | null {
  const metro = listMetros().find((m) => m.utsCode === utsCode);
  if (!metro) return null;
  return metro.utsCode === '215' ? milanoTerritory(metro) : istatTerritory(metro);
}
