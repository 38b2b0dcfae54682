// `ip_geo` in memory, keyed by the address's string id, for the map's scans. Reloaded when the
// enrichment ran again.
import type { CaseDb } from '../db/case-db';
import { ENRICH_META_KEY } from './enrich';
import { ensureIpGeoTable } from './ip-geo-table';

export interface IpLocation {
  lat: number | null;
  lon: number | null;
  country: string | null;
  city: string | null;
  uncertaintyKm: number | null;
  source: string | null;
}

const loaded = new WeakMap<CaseDb, { stamp: string; map: Map<number, IpLocation> }>();

export function ipLocations(caseDb: CaseDb): Map<number, IpLocation> {
  const stamp = caseDb.meta(ENRICH_META_KEY) ?? '';
  const hit = loaded.get(caseDb);
  if (hit && hit.stamp === stamp) return hit.map;
  ensureIpGeoTable(caseDb);
  const map = new Map<number, IpLocation>();
  for (const [k, lat, lon, country, city, unc, source] of caseDb.all('SELECT ip_k, latitude, longitude, country, city, uncertainty_km, source_coords FROM ip_geo') as (number | string | null)[][]) {
    map.set(Number(k), {
      lat: lat as number | null,
      lon: lon as number | null,
      country: country as string | null,
      city: city as string | null,
      uncertaintyKm: unc as number | null,
      source: source as string | null,
    });
  }
  loaded.set(caseDb, { stamp, map });
  return map;
}
