// The map's aggregates for the active filter: located points (rounded coordinates) and per-country
// counts. Each is one grouped scan of the filtered sign-ins joined to `ip_geo` by integer key.
import type { z } from 'zod';
import type { FilterSpec } from '../../shared/model/filter-spec';
import type { GeoCountriesRes, GeoPointsRes } from '../../shared/model/geo';
import type { CaseDb } from '../db/case-db';
import { buildWhere } from '../query/filters';
import { ensureIpGeoTable } from './ip-geo-table';
import { statusIds, statusSums } from './status-ids';

type Points = z.infer<typeof GeoPointsRes>;
type Countries = z.infer<typeof GeoCountriesRes>;

export function geoPoints(caseDb: CaseDb, req: { filter: FilterSpec; decimals: number; limit: number }): Points {
  ensureIpGeoTable(caseDb);
  const where = buildWhere(caseDb, req.filter);
  const sums = statusSums(statusIds(caseDb));
  // The unlocated group (NULL coordinates) sorts first; window sums count every group past the limit.
  const rows = caseDb.all(
    `SELECT round(g.latitude, ?) AS la, round(g.longitude, ?) AS lo, count(*) AS total, ${sums.sql},
       count(DISTINCT d.user_principal_name_k), count(DISTINCT d.ip_address_k),
       sum(count(*)) OVER () AS everything, count(*) OVER () AS groups
     FROM signin_data d LEFT JOIN ip_geo g ON g.ip_k = d.ip_address_k
     WHERE ${where.sql}
     GROUP BY la, lo ORDER BY la IS NULL DESC, total DESC LIMIT ?`,
    [req.decimals, req.decimals, ...sums.params, ...where.params, req.limit + 1],
  ) as (number | null)[][];
  const unlocatedRow = rows[0] && rows[0][0] === null ? rows.shift()! : null;
  const unlocated = Number(unlocatedRow?.[2] ?? 0);
  const everything = Number(rows[0]?.[8] ?? unlocatedRow?.[8] ?? 0);
  const groups = Number(rows[0]?.[9] ?? unlocatedRow?.[9] ?? 0) - (unlocatedRow ? 1 : 0);
  const kept = rows.slice(0, req.limit);
  const labels = pointLabels(caseDb, req, where);
  return {
    points: kept.map(([la, lo, total, success, failure, interrupted, users, ips]) => {
      const label = labels.get(`${la}|${lo}`);
      return {
        lat: Number(la),
        lon: Number(lo),
        total: Number(total),
        success: Number(success),
        failure: Number(failure),
        interrupted: Number(interrupted),
        users: Number(users),
        ips: Number(ips),
        country: label?.country ?? null,
        city: label?.city ?? null,
        uncertaintyKm: label?.uncertaintyKm ?? null,
        source: label?.source ?? null,
      };
    }),
    located: everything - unlocated,
    unlocated,
    truncated: groups > req.limit,
  };
}

interface PointLabel {
  country: string | null;
  city: string | null;
  uncertaintyKm: number | null;
  source: string | null;
  rows: number;
}

/** Per rounded location, the country/city (and how it was placed) of its busiest IP location. */
function pointLabels(caseDb: CaseDb, req: { filter: FilterSpec; decimals: number }, where: { sql: string; params: (string | number)[] }): Map<string, PointLabel> {
  const rows = caseDb.all(
    `SELECT round(g.latitude, ?) AS la, round(g.longitude, ?) AS lo, g.country, g.city, g.uncertainty_km, g.source_coords, count(*) AS n
     FROM signin_data d JOIN ip_geo g ON g.ip_k = d.ip_address_k
     WHERE g.latitude IS NOT NULL AND ${where.sql}
     GROUP BY la, lo, g.country, g.city, g.uncertainty_km, g.source_coords`,
    [req.decimals, req.decimals, ...where.params],
  ) as (string | number | null)[][];
  const labels = new Map<string, PointLabel>();
  for (const [la, lo, country, city, uncertainty, source, n] of rows) {
    const key = `${la}|${lo}`;
    if ((labels.get(key)?.rows ?? -1) >= Number(n)) continue;
    labels.set(key, { country: country as string | null, city: city as string | null, uncertaintyKm: uncertainty as number | null, source: source as string | null, rows: Number(n) });
  }
  return labels;
}

/** Counts per country: the sign-in's own country, else its IP's. */
export function geoCountries(caseDb: CaseDb, filter: FilterSpec): Countries {
  ensureIpGeoTable(caseDb);
  const where = buildWhere(caseDb, filter);
  const sums = statusSums(statusIds(caseDb));
  const rows = caseDb.all(
    `SELECT upper(coalesce(c.value, g.country)) AS cc, count(*) AS total, ${sums.sql},
       count(DISTINCT d.user_principal_name_k), count(DISTINCT d.ip_address_k)
     FROM signin_data d LEFT JOIN ip_geo g ON g.ip_k = d.ip_address_k LEFT JOIN strings c ON c.id = d.country_k
     WHERE ${where.sql}
     GROUP BY cc ORDER BY total DESC`,
    [...sums.params, ...where.params],
  ) as (string | number | null)[][];
  let unlocated = 0;
  const countries: Countries['countries'] = [];
  for (const [cc, total, success, failure, interrupted, users, ips] of rows) {
    if (cc === null) unlocated = Number(total);
    else countries.push({ country: String(cc), total: Number(total), success: Number(success), failure: Number(failure), interrupted: Number(interrupted), users: Number(users), ips: Number(ips) });
  }
  return { countries, unlocated };
}
