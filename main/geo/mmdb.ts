// IP databases in MaxMind's format: the bundled country database (ip-location-db, GeoFeed + RIR
// WHOIS + ASN) and the analyst's own GeoLite2-City / GeoLite2-ASN files. Records of the different
// schemas (MaxMind's nested one, ip-location-db's flat one) are read into one shape.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Reader, type Response } from 'maxmind';

export interface IpRecord {
  country: string | null;
  city: string | null;
  lat: number | null;
  lon: number | null;
  /** MaxMind's accuracy radius in km, when it gives one. */
  accuracyKm: number | null;
  asn: number | null;
  org: string | null;
}

export interface GeoDatabaseInfo {
  role: 'bundled-country' | 'city' | 'asn';
  path: string;
  fileName: string;
  databaseType: string;
  buildDate: string;
}

export interface GeoDatabase {
  readonly info: GeoDatabaseInfo;
  lookup(ip: string): IpRecord | null;
}

const BUNDLED_PACKAGE = '@ip-location-db/geo-whois-asn-country-mmdb';

export function bundledCountryDbPath(): string {
  const require = createRequire(__filename);
  return path.join(path.dirname(require.resolve(`${BUNDLED_PACKAGE}/package.json`)), 'geo-whois-asn-country.mmdb');
}

/** Opens a `.mmdb` file; throws a readable error when it is not a MaxMind database. */
export async function openGeoDatabase(file: string, role: GeoDatabaseInfo['role']): Promise<GeoDatabase> {
  const bytes = await readFile(file);
  let reader: Reader<Response>;
  try {
    reader = new Reader<Response>(bytes);
  } catch (e) {
    throw new Error(`${path.basename(file)} is not a MaxMind database (.mmdb): ${(e as Error).message}`, { cause: e });
  }
  const info: GeoDatabaseInfo = {
    role,
    path: file,
    fileName: path.basename(file),
    databaseType: reader.metadata.databaseType,
    buildDate: reader.metadata.buildEpoch.toISOString(),
  };
  return {
    info,
    lookup(ip) {
      const raw = reader.get(ip);
      return raw ? toIpRecord(raw as Record<string, unknown>) : null;
    },
  };
}

let bundled: Promise<GeoDatabase> | undefined;

export function openBundledCountryDb(): Promise<GeoDatabase> {
  bundled ??= openGeoDatabase(bundledCountryDbPath(), 'bundled-country');
  return bundled;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** MaxMind GeoIP2/GeoLite2 (`country.iso_code`, `location.latitude`...) or ip-location-db (`country_code`, `latitude`...). */
export function toIpRecord(r: Record<string, unknown>): IpRecord {
  const location = obj(r.location);
  const names = obj(obj(r.city).names);
  return {
    country: text(obj(r.country).iso_code) ?? text(r.country_code) ?? text(obj(r.registered_country).iso_code),
    city: text(names.en) ?? text(r.city),
    lat: num(location.latitude) ?? num(r.latitude),
    lon: num(location.longitude) ?? num(r.longitude),
    accuracyKm: num(location.accuracy_radius),
    asn: num(r.autonomous_system_number),
    org: text(r.autonomous_system_organization),
  };
}
