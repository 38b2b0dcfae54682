// The IP databases in use: the bundled country database plus the analyst's optional City and ASN
// files (geo.setDatabases). One set per engine process, shared by every case it opens.
import { openBundledCountryDb, openGeoDatabase, type GeoDatabase, type GeoDatabaseInfo } from './mmdb';

const configured: { city: GeoDatabase | null; asn: GeoDatabase | null } = { city: null, asn: null };

export interface ConfiguredDatabases {
  cityDb: GeoDatabase | null;
  asnDb: GeoDatabase | null;
  countryDb: GeoDatabase;
}

export async function currentDatabases(): Promise<ConfiguredDatabases> {
  return { cityDb: configured.city, asnDb: configured.asn, countryDb: await openBundledCountryDb() };
}

/** undefined keeps the current file, null removes it, a path opens (and checks) it. */
export async function setDatabases(req: { cityMmdb?: string | null | undefined; asnMmdb?: string | null | undefined }): Promise<void> {
  const city = req.cityMmdb === undefined ? configured.city : req.cityMmdb === null ? null : await openGeoDatabase(req.cityMmdb, 'city');
  const asn = req.asnMmdb === undefined ? configured.asn : req.asnMmdb === null ? null : await openGeoDatabase(req.asnMmdb, 'asn');
  configured.city = city;
  configured.asn = asn;
}

export async function databaseInfo(): Promise<GeoDatabaseInfo[]> {
  const dbs = await currentDatabases();
  return [dbs.countryDb, dbs.cityDb, dbs.asnDb].filter((d): d is GeoDatabase => !!d).map((d) => d.info);
}
