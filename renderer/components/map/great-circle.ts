// Travel legs drawn as great-circle arcs. The basemap is one copy of the world (-180°..180°), so
// an arc over the antimeridian (Seattle → Tokyo) is cut there into two parts that meet the map's
// edges, instead of running across the whole map or off its side.
const RAD = Math.PI / 180;
/** About one vertex per 150 km: long legs curve smoothly, short hops stay two points. */
const KM_PER_SEGMENT = 150;
const EARTH_KM = 6371;

export type LatLon = [number, number];

/** The arc from `from` to `to` as one or two polylines of [lat, lon] within -180°..180°. */
export function greatCircle(from: LatLon, to: LatLon, maxSegments = 48): LatLon[][] {
  return splitAtAntimeridian(arcPoints(from, to, maxSegments));
}

function arcPoints(from: LatLon, to: LatLon, maxSegments: number): LatLon[] {
  const [lat1, lon1] = [from[0] * RAD, from[1] * RAD];
  const [lat2, lon2] = [to[0] * RAD, to[1] * RAD];
  const d = 2 * Math.asin(Math.sqrt(Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2));
  const segments = Math.min(maxSegments, Math.ceil((d * EARTH_KM) / KM_PER_SEGMENT));
  // Too short to curve (or antipodal, where every great circle is as long): a straight segment.
  if (segments <= 1 || Math.sin(d) < 1e-9) return [from, to];
  const out: LatLon[] = [];
  for (let i = 0; i <= segments; i++) {
    const f = i / segments;
    const a = Math.sin((1 - f) * d) / Math.sin(d);
    const b = Math.sin(f * d) / Math.sin(d);
    const x = a * Math.cos(lat1) * Math.cos(lon1) + b * Math.cos(lat2) * Math.cos(lon2);
    const y = a * Math.cos(lat1) * Math.sin(lon1) + b * Math.cos(lat2) * Math.sin(lon2);
    const z = a * Math.sin(lat1) + b * Math.sin(lat2);
    out.push([Math.atan2(z, Math.sqrt(x * x + y * y)) / RAD, Math.atan2(y, x) / RAD]);
  }
  return out;
}

/** Cuts a line (longitudes in -180°..180°) where a step jumps more than 180°, i.e. crosses ±180°. */
export function splitAtAntimeridian(points: readonly LatLon[]): LatLon[][] {
  const parts: LatLon[][] = [[]];
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (prev && Math.abs(p[1] - prev[1]) > 180) {
      const edge = prev[1] > 0 ? 180 : -180;
      const nextLon = p[1] + (edge > 0 ? 360 : -360);
      const t = (edge - prev[1]) / (nextLon - prev[1]);
      const lat = prev[0] + (p[0] - prev[0]) * t;
      parts[parts.length - 1]!.push([lat, edge]);
      parts.push([[lat, -edge]]);
    }
    parts[parts.length - 1]!.push(p);
  });
  return parts;
}
