// Great-circle distance and travel speed between sign-in locations, and the "impossible travel"
// rule shared by the map's travel view and the detections.
export interface LatLon {
  lat: number;
  lon: number;
}

/** Mean Earth radius (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

/** Faster than this between two sign-ins is impossible: a long-haul airliner cruises at ~900 km/h. */
export const IMPOSSIBLE_SPEED_KMH = 900;

/**
 * Legs shorter than this are never flagged: IP geolocation is routinely off by a few hundred km
 * (mobile carriers, VPN exits, the ISP's registered city), so short hops prove nothing.
 */
export const MIN_FLAGGED_DISTANCE_KM = 500;

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Haversine distance in km. */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** km/h; a distance covered in no time is infinitely fast (0 when there was no distance either). */
export function speedKmh(distanceKm: number, elapsedMs: number): number {
  if (distanceKm <= 0) return 0;
  if (elapsedMs <= 0) return Number.POSITIVE_INFINITY;
  return distanceKm / (elapsedMs / 3_600_000);
}

export interface LegEnd extends LatLon {
  /** How far the true location may be from this point (a country centroid: the country's size). */
  uncertaintyKm?: number;
}

export interface LegAssessment {
  distanceKm: number;
  /** Distance less both ends' uncertainty: the least the traveller must have covered. */
  minimumKm: number;
  elapsedMs: number;
  speedKmh: number;
  impossible: boolean;
}

export function assessLeg(from: LegEnd, to: LegEnd, elapsedMs: number): LegAssessment {
  const distanceKm = greatCircleKm(from, to);
  const minimumKm = Math.max(0, distanceKm - (from.uncertaintyKm ?? 0) - (to.uncertaintyKm ?? 0));
  const impossible = minimumKm >= MIN_FLAGGED_DISTANCE_KM && speedKmh(minimumKm, Math.abs(elapsedMs)) > IMPOSSIBLE_SPEED_KMH;
  return { distanceKm, minimumKm, elapsedMs, speedKmh: speedKmh(distanceKm, Math.abs(elapsedMs)), impossible };
}
