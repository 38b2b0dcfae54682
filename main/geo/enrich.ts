// Enriches a case: every distinct IP gets its best location and ASN (resolve-ip.ts) in `ip_geo`.
// Runs as a job after each import and when the analyst adds IP databases; idempotent (the table
// is rebuilt from the sign-ins each time).
import type { CaseDb } from '../db/case-db';
import { caseVersion } from '../query/case-cache';
import { loadGazetteer } from './gazetteer';
import { currentDatabases } from './geo-databases';
import { writeIpGeo } from './ip-geo-table';
import type { GeoDatabase } from './mmdb';
import { resolveIpGeo, type GeoSources, type IpGeo, type LogEvidence } from './resolve-ip';

/** Databases to use instead of the configured ones (geo-databases.ts); null: none. */
export interface EnrichOptions {
  cityDb?: GeoDatabase | null;
  asnDb?: GeoDatabase | null;
  countryDb?: GeoDatabase | null;
}

export interface EnrichSummary {
  ips: number;
  located: number;
  bySource: Record<string, number>;
  ms: number;
}

export const ENRICH_META_KEY = 'geo.enrichment';

interface Candidate extends LogEvidence {
  ip: string;
  rows: number;
}

export async function enrichCase(caseDb: CaseDb, signal?: AbortSignal, opts: EnrichOptions = {}): Promise<EnrichSummary> {
  const started = Date.now();
  const configured = await currentDatabases();
  const pick = (given: GeoDatabase | null | undefined, fallback: GeoDatabase | null) => (given === undefined ? fallback : given);
  const cityDb = pick(opts.cityDb, configured.cityDb);
  const asnDb = pick(opts.asnDb, configured.asnDb);
  const countryDb = pick(opts.countryDb, configured.countryDb);
  const evidence = logEvidence(caseDb);
  signal?.throwIfAborted();
  const needsGazetteer = [...evidence.values()].some((e) => e.lat === null || e.lon === null);
  const sources: GeoSources = { gazetteer: needsGazetteer ? loadGazetteer() : null, cityDb, asnDb, countryDb };
  const resolved: [number, IpGeo][] = [];
  const bySource: Record<string, number> = {};
  for (const [ipK, e] of evidence) {
    if (resolved.length % 2000 === 0) signal?.throwIfAborted();
    const geo = resolveIpGeo(e.ip, e, sources);
    resolved.push([ipK, geo]);
    const key = geo.sourceCoords ?? 'none';
    bySource[key] = (bySource[key] ?? 0) + 1;
  }
  signal?.throwIfAborted();
  writeIpGeo(caseDb, resolved);
  const located = resolved.filter(([, g]) => g.latitude !== null).length;
  const databases = [countryDb, cityDb, asnDb].filter((d): d is GeoDatabase => !!d).map((d) => d.info);
  caseDb.setMeta(ENRICH_META_KEY, JSON.stringify({ at: new Date().toISOString(), version: caseVersion(caseDb), ips: resolved.length, located, databases }));
  return { ips: resolved.length, located, bySource, ms: Date.now() - started };
}

/**
 * Per IP, the log's most frequent location (rows with coordinates first, then with a city, then a
 * country) and its most frequent ASN. One grouped scan of the sign-ins.
 */
function logEvidence(caseDb: CaseDb): Map<number, Candidate> {
  const rows = caseDb.all(`
    SELECT g.ip_k, ip.value, g.lat, g.lon, city.value, state.value, country.value, g.asn, g.n
    FROM (SELECT ip_address_k AS ip_k, latitude AS lat, longitude AS lon, city_k, state_k, country_k, asn, count(*) AS n
          FROM signin_data WHERE ip_address_k IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7) g
    JOIN strings ip ON ip.id = g.ip_k
    LEFT JOIN strings city ON city.id = g.city_k
    LEFT JOIN strings state ON state.id = g.state_k
    LEFT JOIN strings country ON country.id = g.country_k`);
  const best = new Map<number, Candidate>();
  const asnVotes = new Map<number, Map<number, number>>();
  for (const [ipK, ip, lat, lon, city, state, country, asn, n] of rows as [number, string, number | null, number | null, string | null, string | null, string | null, number | null, number][]) {
    const cand: Candidate = { ip, lat, lon, city, state, country, asn: null, rows: n };
    const cur = best.get(ipK);
    if (!cur || rank(cand) > rank(cur)) best.set(ipK, { ...cand, rows: n });
    if (asn !== null) {
      const votes = asnVotes.get(ipK) ?? new Map<number, number>();
      votes.set(asn, (votes.get(asn) ?? 0) + n);
      asnVotes.set(ipK, votes);
    }
  }
  for (const [ipK, votes] of asnVotes) {
    const top = [...votes].sort((a, b) => b[1] - a[1])[0];
    best.get(ipK)!.asn = top ? top[0] : null;
  }
  return best;
}

/** Richer evidence first, then the more frequent. */
function rank(c: Candidate): number {
  const richness = c.lat !== null && c.lon !== null ? 3 : c.city ? 2 : c.country ? 1 : 0;
  return richness * 1e12 + c.rows;
}

/** The last enrichment of this case, and whether sign-ins were added since. */
export function enrichmentStatus(caseDb: CaseDb): { at: string; ips: number; located: number; stale: boolean } | null {
  const raw = caseDb.meta(ENRICH_META_KEY);
  if (!raw) return null;
  const meta = JSON.parse(raw) as { at: string; version: string; ips: number; located: number };
  return { at: meta.at, ips: meta.ips, located: meta.located, stale: meta.version !== caseVersion(caseDb) };
}
