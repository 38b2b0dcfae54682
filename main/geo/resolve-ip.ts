// Which source wins for each value of an IP's geolocation. The log's own values come first (they
// are what Entra saw at sign-in time), then the gazetteer for a portal-CSV "City, State, CC",
// then the IP databases; a country alone is placed at the centre of its towns.
import type { IpGeoSource } from '../../shared/model/geo';
import type { Gazetteer, Place } from './gazetteer';
import { parseIp, type IpKind } from './ip';
import type { GeoDatabase, IpRecord } from './mmdb';

/** What the sign-ins themselves say about an IP (its most frequent values). */
export interface LogEvidence {
  lat: number | null;
  lon: number | null;
  city: string | null;
  state: string | null;
  country: string | null;
  asn: number | null;
}

export interface GeoSources {
  gazetteer: Gazetteer | null;
  cityDb?: GeoDatabase | null;
  asnDb?: GeoDatabase | null;
  countryDb?: GeoDatabase | null;
}

export interface IpGeo {
  ip: string;
  kind: IpKind;
  country: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  uncertaintyKm: number | null;
  asn: number | null;
  org: string | null;
  sourceCountry: IpGeoSource | null;
  sourceCoords: IpGeoSource | null;
  sourceAsn: IpGeoSource | null;
}

const EMPTY_LOG: LogEvidence = { lat: null, lon: null, city: null, state: null, country: null, asn: null };

export function resolveIpGeo(ip: string, evidence: LogEvidence | null, sources: GeoSources): IpGeo {
  const log = evidence ?? EMPTY_LOG;
  const parsed = parseIp(ip);
  const kind = parsed?.kind ?? 'invalid';
  // Only public addresses are in the IP databases; the others keep what the log says.
  const lookupIp = kind === 'public' ? parsed!.address : null;
  const cityRec = lookupIp ? (sources.cityDb?.lookup(lookupIp) ?? null) : null;
  const asnRec = lookupIp ? (sources.asnDb?.lookup(lookupIp) ?? null) : null;
  const countryRec = lookupIp && !log.country && !cityRec?.country ? (sources.countryDb?.lookup(lookupIp) ?? null) : null;

  const [country, sourceCountry] = firstOf<string>([log.country?.toUpperCase() ?? null, 'log'], [cityRec?.country ?? null, 'city-mmdb'], [countryRec?.country ?? null, 'country-mmdb']);
  const coords = placeOf(log, country, cityRec, sources.gazetteer);
  const [asn, sourceAsn] = firstOf<number>([log.asn, 'log'], [asnRec?.asn ?? null, 'asn-mmdb']);
  return {
    ip,
    kind,
    country,
    city: log.city ?? cityRec?.city ?? null,
    latitude: coords?.lat ?? null,
    longitude: coords?.lon ?? null,
    uncertaintyKm: coords?.uncertaintyKm ?? null,
    asn,
    // the organisation only comes from an ASN database, and only describes the ASN it found
    org: asnRec?.asn !== null && asnRec?.asn === asn ? asnRec.org : null,
    sourceCountry,
    sourceCoords: coords?.source ?? null,
    sourceAsn,
  };
}

type Located = { lat: number; lon: number; uncertaintyKm: number; source: IpGeoSource };

function placeOf(log: LogEvidence, country: string | null, cityRec: IpRecord | null, gazetteer: Gazetteer | null): Located | null {
  if (log.lat !== null && log.lon !== null) return { lat: log.lat, lon: log.lon, uncertaintyKm: 0, source: 'log' };
  const fromLogText = log.city || log.state ? gazetteer?.locate(log.city, log.state, log.country) : null;
  if (fromLogText && fromLogText.precision !== 'country') return located(fromLogText, fromLogText.precision === 'city' ? 'gazetteer' : 'gazetteer-region');
  if (cityRec?.lat != null && cityRec.lon != null) return { lat: cityRec.lat, lon: cityRec.lon, uncertaintyKm: cityRec.accuracyKm ?? 0, source: 'city-mmdb' };
  const centre = country ? gazetteer?.country(country) : null;
  return centre ? located(centre, 'country-centroid') : null;
}

function located(p: Place, source: IpGeoSource): Located {
  return { lat: p.lat, lon: p.lon, uncertaintyKm: p.uncertaintyKm, source };
}

function firstOf<T>(...candidates: [T | null, IpGeoSource][]): [T | null, IpGeoSource | null] {
  for (const [value, source] of candidates) if (value !== null && value !== undefined) return [value, source];
  return [null, null];
}
