// `ip_geo` in memory, keyed by the address's string id, for the map's scans. Reloaded when the
// enrichment ran again.
import type { CaseDb } from '../db/case-db';
import { NUM, NUM_NULL, STR_NULL } from '../db/row-spec';
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
  const spec = { ip_k: NUM, latitude: NUM_NULL, longitude: NUM_NULL, country: STR_NULL, city: STR_NULL, uncertainty_km: NUM_NULL, source_coords: STR_NULL } as const;
  caseDb.forEach('SELECT ip_k, latitude, longitude, country, city, uncertainty_km, source_coords FROM ip_geo', [], spec, (g) => {
    map.set(g.ip_k, { lat: g.latitude, lon: g.longitude, country: g.country, city: g.city, uncertaintyKm: g.uncertainty_km, source: g.source_coords });
  });
  loaded.set(caseDb, { stamp, map });
  return map;
}
