// The case table `ip_geo`: one row per distinct IP of the case with its best location, ASN and the
// source of each value. Keyed by the address's string id so queries join it to `signin_data`
// without touching text.
import type { IpGeoInfo } from '../../shared/model/geo';
import type { CaseDb } from '../db/case-db';
import { NUM_NULL, STR, STR_NULL } from '../db/row-spec';
import type { IpGeo } from './resolve-ip';

const DDL = `CREATE TABLE IF NOT EXISTS ip_geo (
  ip_k INTEGER PRIMARY KEY, ip TEXT NOT NULL, kind TEXT NOT NULL, country TEXT, city TEXT,
  latitude REAL, longitude REAL, uncertainty_km REAL, asn INTEGER, org TEXT,
  source_country TEXT, source_coords TEXT, source_asn TEXT
)`;

export function ensureIpGeoTable(caseDb: CaseDb): void {
  caseDb.exec(DDL);
}

/** Replaces the table's content in one transaction. */
export function writeIpGeo(caseDb: CaseDb, rows: Iterable<[ipK: number, geo: IpGeo]>): void {
  ensureIpGeoTable(caseDb);
  const insert = caseDb.prepareWrite('INSERT INTO ip_geo VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)');
  try {
    caseDb.transaction(() => {
      caseDb.run('DELETE FROM ip_geo');
      for (const [ipK, g] of rows) {
        insert.run([ipK, g.ip, g.kind, g.country, g.city, g.latitude, g.longitude, g.uncertaintyKm, g.asn, g.org, g.sourceCountry, g.sourceCoords, g.sourceAsn]);
      }
    });
  } finally {
    insert.free();
  }
}

const IP_GEO_SPEC = {
  ip: STR,
  kind: STR,
  country: STR_NULL,
  city: STR_NULL,
  latitude: NUM_NULL,
  longitude: NUM_NULL,
  uncertainty_km: NUM_NULL,
  asn: NUM_NULL,
  org: STR_NULL,
  source_country: STR_NULL,
  source_coords: STR_NULL,
  source_asn: STR_NULL,
} as const;

export function hasIpGeo(caseDb: CaseDb): boolean {
  return caseDb.hasTable('ip_geo');
}

export function readIpGeo(caseDb: CaseDb, ip: string): IpGeoInfo | null {
  if (!hasIpGeo(caseDb)) return null;
  const g = caseDb.first('SELECT ip, kind, country, city, latitude, longitude, uncertainty_km, asn, org, source_country, source_coords, source_asn FROM ip_geo WHERE ip = ?', [ip], IP_GEO_SPEC);
  if (!g) return null;
  return {
    ip: g.ip,
    kind: g.kind,
    country: g.country,
    city: g.city,
    latitude: g.latitude,
    longitude: g.longitude,
    uncertaintyKm: g.uncertainty_km,
    asn: g.asn,
    org: g.org,
    sourceCountry: g.source_country,
    sourceCoords: g.source_coords,
    sourceAsn: g.source_asn,
  };
}
