import { density } from '../../domain/population.ts';
import type { Ctx } from '../context.ts';
import * as repo from './repo.ts';
import { listZones } from './service.ts';

interface Geometry {
  type: string;
  coordinates: unknown;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: Geometry | null }[];
}

export async function comuniGeoJson(ctx: Ctx): Promise<FeatureCollection> {
  const rows = await repo.listComuneShapes(ctx.db);
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      properties: {
        istatCode: r.istatCode,
        name: r.name,
        population: r.population,
        density: density(r.population, r.areaKm2),
        zoneId: r.zoneId,
        zoneName: r.zoneName,
      },
      geometry: r.geometry as Geometry | null,
    })),
  };
}

/** Polygons of a (Multi)Polygon as a list, to merge several comuni into one MultiPolygon. */
function polygonsOf(geometry: Geometry | null): unknown[] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as unknown[];
  return [];
}

/**
 * Zone outlines: the published dissolved shape where membership is unchanged; otherwise the
 * member comuni together (inner borders included), which stays true after any move.
 */
export async function zonesGeoJson(ctx: Ctx): Promise<FeatureCollection> {
  const [zones, shapes, comuni] = await Promise.all([
    listZones(ctx),
    repo.listZoneShapes(ctx.db),
    repo.listComuneShapes(ctx.db),
  ]);
  const outline = new Map(shapes.map((s) => [s.id, s.geometry as Geometry | null]));
  return {
    type: 'FeatureCollection',
    features: zones.map((z) => {
      const published = outline.get(z.id) ?? null;
      const members = comuni.filter((c) => c.zoneId === z.id);
      const geometry =
        published ??
        (members.length > 0
          ? {
              type: 'MultiPolygon',
              coordinates: members.flatMap((c) => polygonsOf(c.geometry as Geometry | null)),
            }
          : null);
      return {
        type: 'Feature',
        properties: {
          id: z.id,
          name: z.name,
          comuniCount: z.comuniCount,
          population: z.population,
        },
        geometry,
      };
    }),
  };
}
