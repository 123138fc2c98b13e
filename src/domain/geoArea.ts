/** Spherical polygon area (the method of d3-geo / mapshaper), in km², for GeoJSON in WGS84. */
const EARTH_RADIUS_KM = 6371.0088;

type Ring = number[][];
interface Geometry {
  type: string;
  coordinates: unknown;
}

function ringArea(ring: Ring): number {
  // Chamberlain & Duquette, "Some algorithms for polygons on a sphere" (JPL 2007).
  let total = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon1, lat1] = ring[i] as [number, number];
    const [lon2, lat2] = ring[(i + 1) % ring.length] as [number, number];
    total += toRad(lon2 - lon1) * (2 + Math.sin(toRad(lat1)) + Math.sin(toRad(lat2)));
  }
  return Math.abs((total * EARTH_RADIUS_KM * EARTH_RADIUS_KM) / 2);
}

function polygonArea(rings: Ring[]): number {
  const [outer, ...holes] = rings;
  if (!outer) return 0;
  return holes.reduce((area, hole) => area - ringArea(hole), ringArea(outer));
}

export function geometryAreaKm2(geometry: Geometry): number {
  if (geometry.type === 'Polygon') return polygonArea(geometry.coordinates as Ring[]);
  if (geometry.type === 'MultiPolygon')
    return (geometry.coordinates as Ring[][]).reduce((sum, p) => sum + polygonArea(p), 0);
  return 0;
}

function toRad(deg: number): number {
  return (deg * Math.PI) / 180;
}

/** The centre of a (Multi)Polygon's largest ring's vertices: a label point for maps and exports. */
export function geometryLabelPoint(geometry: Geometry): [number, number] | null {
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates as Ring[]]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as Ring[][])
        : [];
  const outer = polygons
    .map((p) => p[0])
    .filter((r): r is Ring => r !== undefined && r.length > 0)
    .sort((a, b) => ringArea(b) - ringArea(a))[0];
  if (!outer) return null;
  let sx = 0;
  let sy = 0;
  for (const [lon, lat] of outer) {
    sx += lon ?? 0;
    sy += lat ?? 0;
  }
  return [Math.round((sx / outer.length) * 1e6) / 1e6, Math.round((sy / outer.length) * 1e6) / 1e6];
}
