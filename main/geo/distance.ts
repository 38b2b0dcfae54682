// Great-circle distance and travel speed between sign-in locations, and the "impossible travel"
// test shared by the map's travel legs and the impossible-travel detection. Its thresholds are one
// per-case setting: the rule's (main/detections/travel-setting.ts), read by both.
export interface LatLon {
  lat: number;
  lon: number;
}

/** Mean Earth radius (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

export interface TravelThresholds {
  /** Faster than this between two sign-ins is impossible. */
  speedKmh: number;
  /** Legs shorter than this (less location uncertainty) are never flagged. */
  minDistanceKm: number;
}

/**
 * Defaults of the setting. A long-haul airliner cruises at ~900 km/h and reaches ~1,000 km/h over
 * ground with a jet stream behind it. IP geolocation is routinely off by a few hundred km (mobile
 * carriers, VPN exits, the ISP's registered city), so hops under 500 km prove nothing.
 */
export const DEFAULT_TRAVEL_THRESHOLDS: TravelThresholds = { speedKmh: 1000, minDistanceKm: 500 };

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

export function assessLeg(from: LegEnd, to: LegEnd, elapsedMs: number, limits: TravelThresholds = DEFAULT_TRAVEL_THRESHOLDS): LegAssessment {
  const distanceKm = greatCircleKm(from, to);
  const minimumKm = Math.max(0, distanceKm - (from.uncertaintyKm ?? 0) - (to.uncertaintyKm ?? 0));
  const impossible = minimumKm >= limits.minDistanceKm && speedKmh(minimumKm, Math.abs(elapsedMs)) > limits.speedKmh;
  return { distanceKm, minimumKm, elapsedMs, speedKmh: speedKmh(distanceKm, Math.abs(elapsedMs)), impossible };
}
