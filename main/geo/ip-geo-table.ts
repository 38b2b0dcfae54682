// The case table `ip_geo`: one row per distinct IP of the case with its best location, ASN and the
// source of each value. Keyed by the address's string id so queries join it to `signin_data`
// without touching text.
import type { IpGeoInfo } from '../../shared/model/geo';
import type { CaseDb } from '../db/case-db';
import type { IpGeo } from './resolve-ip';

const DDL = `CREATE TABLE IF NOT EXISTS ip_geo (
  ip_k INTEGER PRIMARY KEY, ip TEXT NOT NULL, kind TEXT NOT NULL, country TEXT, city TEXT,
  latitude REAL, longitude REAL, uncertainty_km REAL, asn INTEGER, org TEXT,
  source_country TEXT, source_coords TEXT, source_asn TEXT
)`;

export function ensureIpGeoTable(caseDb: CaseDb): void {
  caseDb.db.exec(DDL);
}

/** Replaces the table's content in one transaction. */
export function writeIpGeo(caseDb: CaseDb, rows: Iterable<[ipK: number, geo: IpGeo]>): void {
  ensureIpGeoTable(caseDb);
  const insert = caseDb.db.prepare('INSERT INTO ip_geo VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)');
  caseDb.db.exec('BEGIN');
  try {
    caseDb.db.exec('DELETE FROM ip_geo');
    for (const [ipK, g] of rows) {
      insert.run([ipK, g.ip, g.kind, g.country, g.city, g.latitude, g.longitude, g.uncertaintyKm, g.asn, g.org, g.sourceCountry, g.sourceCoords, g.sourceAsn]);
    }
    caseDb.db.exec('COMMIT');
  } catch (e) {
    caseDb.db.exec('ROLLBACK');
    throw e;
  } finally {
    insert.free();
  }
}

export function hasIpGeo(caseDb: CaseDb): boolean {
  return caseDb.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ip_geo'") === 1;
}

export function readIpGeo(caseDb: CaseDb, ip: string): IpGeoInfo | null {
  if (!hasIpGeo(caseDb)) return null;
  const row = caseDb.all('SELECT ip, kind, country, city, latitude, longitude, uncertainty_km, asn, org, source_country, source_coords, source_asn FROM ip_geo WHERE ip = ?', [ip])[0];
  if (!row) return null;
  const [addr, kind, country, city, latitude, longitude, uncertaintyKm, asn, org, sourceCountry, sourceCoords, sourceAsn] = row as (string | number | null)[];
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    ip: String(addr),
    kind: String(kind),
    country: s(country),
    city: s(city),
    latitude: n(latitude),
    longitude: n(longitude),
    uncertaintyKm: n(uncertaintyKm),
    asn: n(asn),
    org: s(org),
    sourceCountry: s(sourceCountry),
    sourceCoords: s(sourceCoords),
    sourceAsn: s(sourceAsn),
  };
}
