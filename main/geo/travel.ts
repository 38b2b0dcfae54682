// A user's sign-ins in time order as stops (consecutive sign-ins at one location) and legs between
// them, each leg with its great-circle distance, elapsed time, speed and the impossible-travel flag.
import type { z } from 'zod';
import type { FilterSpec } from '../../shared/model/filter-spec';
import type { GeoTravelRes } from '../../shared/model/geo';
import type { CaseDb } from '../db/case-db';
import { CELL, NUM, NUM_NULL, STR_NULL, type SqlValue } from '../db/row-spec';
import { buildWhere } from '../query/filters';
import { inList } from '../query/sql-list';
import { travelThresholds } from '../detections/travel-setting';
import { assessLeg, type TravelThresholds } from './distance';
import { ensureIpGeoTable } from './ip-geo-table';

type Travel = z.infer<typeof GeoTravelRes>;
type Stop = Travel['stops'][number];

export function geoTravel(caseDb: CaseDb, req: { filter: FilterSpec; user: string; maxStops: number }): Travel {
  ensureIpGeoTable(caseDb);
  const limits = travelThresholds(caseDb);
  const result: Travel = { user: req.user, stops: [], legs: [], thresholds: limits, unlocated: 0, truncated: false };
  // UPNs differ in case between exports: every spelling of the name counts.
  const userIds = caseDb.rows('SELECT id FROM strings WHERE value = ? COLLATE NOCASE', [req.user], { id: NUM }).map((r) => r.id);
  if (!userIds.length) return result;
  const where = buildWhere(caseDb, req.filter);
  const params: SqlValue[] = [];
  const userSql = inList('d.user_principal_name_k', userIds, params);
  const rows = caseDb.tuples(
    `SELECT d.rid, d.created_ms, g.ip, g.latitude, g.longitude, g.uncertainty_km, g.source_coords, g.country, g.city
     FROM signin_data d LEFT JOIN ip_geo g ON g.ip_k = d.ip_address_k
     WHERE ${userSql} AND d.created_ms IS NOT NULL AND ${where.sql}
     ORDER BY d.created_ms, d.rid`,
    [...params, ...where.params],
    [NUM, NUM, CELL, NUM_NULL, NUM_NULL, NUM_NULL, STR_NULL, STR_NULL, STR_NULL],
  );
  for (const [rid, ms, ip, lat, lon, uncertainty, source, country, city] of rows) {
    if (lat === null || lon === null) {
      result.unlocated++;
      continue;
    }
    const last = result.stops[result.stops.length - 1];
    if (last && last.lat === lat && last.lon === lon) {
      last.lastMs = ms;
      last.lastRid = rid;
      last.signins++;
      if (ip !== null && !last.ips.includes(String(ip)) && last.ips.length < 20) last.ips.push(String(ip));
      continue;
    }
    if (result.stops.length >= req.maxStops) {
      result.truncated = true;
      break;
    }
    const stop: Stop = {
      lat,
      lon,
      uncertaintyKm: uncertainty ?? 0,
      source,
      country,
      city,
      ips: ip === null ? [] : [String(ip)],
      firstMs: ms,
      lastMs: ms,
      signins: 1,
      firstRid: rid,
      lastRid: rid,
    };
    if (last) result.legs.push(legBetween(result.stops.length - 1, last, stop, limits));
    result.stops.push(stop);
  }
  return result;
}

/** From the last sign-in at one place to the first at the next: the tightest time between them. */
function legBetween(index: number, from: Stop, to: Stop, limits: TravelThresholds): Travel['legs'][number] {
  const leg = assessLeg(from, to, to.firstMs - from.lastMs, limits);
  return {
    from: index,
    to: index + 1,
    distanceKm: Math.round(leg.distanceKm * 10) / 10,
    minimumKm: Math.round(leg.minimumKm * 10) / 10,
    elapsedMs: leg.elapsedMs,
    speedKmh: Number.isFinite(leg.speedKmh) ? Math.round(leg.speedKmh) : null,
    impossible: leg.impossible,
  };
}
