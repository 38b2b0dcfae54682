// The map's aggregates for the active filter: located points (rounded coordinates) and per-country
// counts, each from one scan of the filtered sign-ins (sign-in-tally.ts) joined in memory to the
// IPs' locations.
import type { z } from 'zod';
import type { FilterSpec } from '../../shared/model/filter-spec';
import type { GeoCountriesRes, GeoPointsRes } from '../../shared/model/geo';
import type { CaseDb } from '../db/case-db';
import { stringLookup } from '../db/string-text';
import { ipLocations } from './ip-locations';
import { busiestIp, tallySignins, type Tally } from './sign-in-tally';

type Points = z.infer<typeof GeoPointsRes>;
type Countries = z.infer<typeof GeoCountriesRes>;

export function geoPoints(caseDb: CaseDb, req: { filter: FilterSpec; decimals: number; limit: number }): Points {
  const locations = ipLocations(caseDb);
  const scale = 10 ** req.decimals;
  const keys = new Map<number, string | null>(); // per IP id, its rounded location
  const keyOf = (ipK: number | null) => {
    if (ipK === null) return null;
    let key = keys.get(ipK);
    if (key === undefined) {
      const loc = locations.get(ipK);
      key = loc?.lat != null && loc.lon != null ? `${Math.round(loc.lat * scale) / scale}|${Math.round(loc.lon * scale) / scale}` : null;
      keys.set(ipK, key);
    }
    return key;
  };
  const { tallies, unkeyed } = tallySignins(caseDb, req.filter, keyOf);
  const sorted = [...tallies].sort((a, b) => b[1].total - a[1].total);
  let located = 0;
  for (const [, t] of sorted) located += t.total;
  return {
    points: sorted.slice(0, req.limit).map(([key, t]) => {
      const [lat, lon] = key.split('|').map(Number) as [number, number];
      const top = locations.get(busiestIp(t) ?? -1);
      return { lat, lon, ...counts(t), country: top?.country ?? null, city: top?.city ?? null, uncertaintyKm: top?.uncertaintyKm ?? null, source: top?.source ?? null };
    }),
    located,
    unlocated: unkeyed,
    truncated: sorted.length > req.limit,
  };
}

/** Counts per country: the sign-in's own country, else its IP's. */
export function geoCountries(caseDb: CaseDb, filter: FilterSpec): Countries {
  const locations = ipLocations(caseDb);
  const countryText = stringLookup(caseDb, upperAscii);
  const keyOf = (ipK: number | null, countryK: number | null) => (countryK !== null ? countryText(countryK) : null) ?? (ipK !== null ? (locations.get(ipK)?.country ?? null) : null);
  const { tallies, unkeyed } = tallySignins(caseDb, filter, keyOf);
  return {
    countries: [...tallies].sort((a, b) => b[1].total - a[1].total).map(([country, t]) => ({ country, ...counts(t) })),
    unlocated: unkeyed,
  };
}

function counts(t: Tally): { total: number; success: number; failure: number; interrupted: number; users: number; ips: number } {
  return { total: t.total, success: t.success, failure: t.failure, interrupted: t.interrupted, users: t.users.size, ips: t.ips.size };
}

/** SQLite's upper(): ASCII letters only, as the country keys were always folded. */
function upperAscii(text: string): string {
  return text.replace(/[a-z]+/g, (s) => s.toUpperCase());
}
