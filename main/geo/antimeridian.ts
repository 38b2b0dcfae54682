// Natural Earth rings that cross the antimeridian (Russia's Chukotka, Fiji) jump from +180 to -180
// between two vertices, and Antarctica's ring wraps around the pole: Leaflet draws those jumps as
// stripes across the whole map. Rings are unwrapped into continuous longitudes (they may then
// extend past ±180, which Leaflet draws on the neighbouring world copy) and pole-circling rings are
// closed along the pole in steps, so no edge spans more than 180°.
export type Position = number[]; // [lon, lat]
export type Ring = Position[];

/** Longitudes made continuous: each vertex within 180° of the previous one. */
export function unwrapRing(ring: readonly Position[]): Ring {
  const out: Ring = [];
  let shift = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon, lat, ...rest] = ring[i]!;
    if (i > 0) {
      const prev = ring[i - 1]![0]! + shift;
      const step = lon! + shift - prev;
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    out.push([lon! + shift, lat!, ...rest]);
  }
  return out;
}

/** The ring, unwrapped; a ring that circles a pole is closed along it; a ring entirely beyond ±180 is brought back. */
export function fixRing(ring: readonly Position[]): Ring {
  if (ring.length < 2) return ring.map((p) => [...p]);
  let out = unwrapRing(ring);
  const drift = out[out.length - 1]![0]! - out[0]![0]!;
  if (Math.abs(drift) > 180) out = closeAlongPole(out);
  const lons = out.map((p) => p[0]!);
  const min = Math.min(...lons);
  const max = Math.max(...lons);
  const back = min >= 180 ? -360 : max <= -180 ? 360 : min < -180 ? 360 : 0; // keep overhangs on the east side
  return back ? out.map(([lon, ...rest]) => [lon! + back, ...rest]) : out;
}

function closeAlongPole(ring: Ring): Ring {
  const meanLat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
  const pole = meanLat < 0 ? -90 : 90;
  const end = ring[ring.length - 1]![0]!;
  const start = ring[0]![0]!;
  // the unwrapped ring ends 360° from where it started: walk back along the pole to its start
  const steps = Math.ceil(Math.abs(end - start) / 90);
  const path: Ring = [];
  for (let i = 0; i <= steps; i++) path.push([end + ((start - end) * i) / steps, pole]);
  const closed = [...ring, ...path, [...ring[0]!]];
  return normalizeSpan(closed);
}

/** A pole ring spans exactly 360°: place it on [-180, 180]. */
function normalizeSpan(ring: Ring): Ring {
  const min = Math.min(...ring.map((p) => p[0]!));
  const shift = -360 * Math.round((min + 180) / 360);
  return shift ? ring.map(([lon, ...rest]) => [lon! + shift, ...rest]) : ring;
}

/** Holes follow their outer ring onto the same side of the antimeridian. */
export function fixPolygon(polygon: readonly (readonly Position[])[]): Ring[] {
  const rings = polygon.map(fixRing);
  const outer = rings[0];
  if (!outer) return rings;
  const centre = meanLon(outer);
  return rings.map((ring, i) => {
    if (i === 0) return ring;
    const shift = 360 * Math.round((centre - meanLon(ring)) / 360);
    return shift ? ring.map(([lon, ...rest]) => [lon! + shift, ...rest]) : ring;
  });
}

function meanLon(ring: Ring): number {
  return ring.reduce((s, p) => s + p[0]!, 0) / Math.max(1, ring.length);
}

/** Largest longitude step between consecutive vertices (the stripe test). */
export function maxLongitudeJump(ring: readonly Position[]): number {
  let max = 0;
  for (let i = 1; i < ring.length; i++) max = Math.max(max, Math.abs(ring[i]![0]! - ring[i - 1]![0]!));
  return max;
}
