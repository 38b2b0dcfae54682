// Impossible travel: two consecutive successful sign-ins of one account too far apart for the time
// between them, computed from the sign-ins' own coordinates (great-circle maths from main/geo).
import { NUM, NUM_NULL } from '../../db/row-spec';
import type { Finding } from '../../../shared/model/detection';
import { throwIfAborted } from '../case-sql';
import { stringValues } from '../../db/string-text';
import { numberSet } from '../../query/sql-list';
import { groupBy } from '../collections';
import { plural, span } from '../describe';
import { Evidence, extraIds, extraNum, selectRows } from '../evidence';
import { assessLeg, DEFAULT_TRAVEL_THRESHOLDS, speedKmh } from '../../geo/distance';
import type { CaseDb } from '../../db/case-db';
import { defineRule } from '../rule';
import { dropPlaces, PLACES_TABLE, preparePlaces } from '../row-places';

interface Hop {
  user: number;
  fromRid: number;
  toRid: number;
  km: number;
  minutes: number;
  kmh: number;
}

/** One step of a user's located successes and the step before it (lat/lon are never NULL here). */
const HOP_SPEC = { u: NUM, rid: NUM, ms: NUM_NULL, lat: NUM, lon: NUM, err: NUM, prev_rid: NUM, prev_ms: NUM_NULL, prev_lat: NUM, prev_lon: NUM, prev_err: NUM } as const;

export const impossibleTravel = defineRule({
  id: 'impossible-travel',
  title: 'Impossible travel',
  severity: 'medium',
  description: 'Two consecutive successful sign-ins of one account whose locations are further apart than anyone could travel in the time between them.',
  logic:
    "Per account, successful sign-ins with coordinates in time order (the sign-in's own latitude/longitude; without them, its city/state/country located with the offline gazetteer, less the place's uncertainty); for each consecutive pair from different IPs the great-circle distance and speed are computed. Pairs at least `minDistanceKm` apart (below that, IP geolocation error dominates) and faster than `maxSpeedKmh` are impossible hops; one finding per account lists them all.",
  references: [
    'Sentinel hunting: User Login IP Address Teleportation (UserLoginIPAddressTeleportation.yaml), with real distance/speed instead of "two countries within 10 min"',
    'Entra ID Protection: Atypical travel / impossible travel (Sigma identity_protection rules)',
  ],
  falsePositives: [
    'Corporate VPN or proxy egress in another country alternating with direct access',
    'Mobile carriers geolocating IPs at a distant gateway',
    'Non-interactive refreshes that carry the token-issuance IP of a cloud service',
  ],
  params: {
    // Also the map's travel legs (travel-setting.ts): one setting for both.
    minDistanceKm: { label: 'Ignore hops shorter than', unit: 'km', default: DEFAULT_TRAVEL_THRESHOLDS.minDistanceKm, min: 0, max: 20_000 },
    maxSpeedKmh: { label: 'Faster than', unit: 'km/h', default: DEFAULT_TRAVEL_THRESHOLDS.speedKmh, min: 100, max: 100_000 },
  },
  run(db, p, signal) {
    let hops: Hop[];
    try {
      hops = impossibleHops(db, p.minDistanceKm, p.maxSpeedKmh);
    } finally {
      dropPlaces(db);
    }
    throwIfAborted(signal);
    const findings: Finding[] = [];
    for (const [user, list] of groupBy(hops, (h) => h.user)) {
      const rids = list.flatMap((h) => [h.fromRid, h.toRid]);
      const evidence = new Evidence(selectRows(db, `rid IN ${numberSet(rids)}`, [], ['city_k', 'country_k']));
      const byRid = new Map(evidence.rows().map((r) => [r.rid, r]));
      const fastest = list.reduce((a, b) => (b.kmh > a.kmh ? b : a));
      const names = stringValues(db, [user, ...extraIds(evidence.rows(), [0, 1])]);
      const place = (rid: number) => {
        const r = byRid.get(rid);
        const [city, country] = r ? [extraNum(r, 0), extraNum(r, 1)] : [null, null];
        return (
          [city, country]
            .map((id) => (id === null ? null : names.get(id)))
            .filter(Boolean)
            .join(', ') || 'unknown place'
        );
      };
      const speed = Number.isFinite(fastest.kmh) ? `${Math.round(fastest.kmh).toLocaleString('en-US')} km/h` : 'same instant';
      const title = `Impossible travel for ${names.get(user)}: ${place(fastest.fromRid)} → ${place(fastest.toRid)}, ${Math.round(fastest.km).toLocaleString('en-US')} km in ${span(fastest.minutes * 60_000)} (${speed})${list.length > 1 ? `; ${plural(list.length, 'impossible hop')} in all` : ''}`;
      const details = { hops: list.length, maxKm: Math.round(fastest.km), maxKmh: Number.isFinite(fastest.kmh) ? Math.round(fastest.kmh) : null, minutes: Math.round(fastest.minutes * 10) / 10 };
      findings.push(evidence.toFinding(db, { ruleId: 'impossible-travel', severity: 'medium', title, details }));
    }
    return findings;
  },
});

/**
 * Consecutive successful sign-ins per account, measured in JS. Two SQL passes keep it set-based:
 * accounts whose distinct points span at least the minimum distance (a cheap degree bound: one
 * degree is at most ~111.2 km, so |dLat| + |dLon| >= km / 111.2), then a window function over those
 * accounts only. Sign-ins without coordinates are placed by their own place text (row-places.ts),
 * whose uncertainty (a region or country) is subtracted from the distance.
 */
function impossibleHops(db: CaseDb, minKm: number, maxKmh: number): Hop[] {
  const minDegrees = Math.max(0, minKm) / 111.2;
  const places = preparePlaces(db, 'status_code = 0 AND user_principal_name_k IS NOT NULL');
  const points = (filter: string, scan: boolean) => `
    SELECT d.user_principal_name_k AS u, d.rid AS rid, d.created_ms AS ms, d.ip_address_k AS ip,
      ${places ? 'coalesce(d.latitude, p.lat)' : 'd.latitude'} AS lat, ${places ? 'coalesce(d.longitude, p.lon)' : 'd.longitude'} AS lon,
      ${places ? 'CASE WHEN d.latitude IS NULL THEN coalesce(p.err, 0) ELSE 0 END' : '0'} AS err
    FROM signin_data d ${scan ? 'NOT INDEXED' : ''}
      ${places ? `LEFT JOIN ${PLACES_TABLE} p ON p.c = coalesce(d.city_k, 0) AND p.s = coalesce(d.state_k, 0) AND p.k = coalesce(d.country_k, 0)` : ''}
    WHERE ${filter} AND d.status_code = 0`;
  const movers = db
    .rows(
      `SELECT u FROM (SELECT DISTINCT u, lat, lon FROM (${points('d.user_principal_name_k IS NOT NULL', true)}) WHERE lat IS NOT NULL AND lon IS NOT NULL)
          GROUP BY u HAVING max(lat) - min(lat) + max(lon) - min(lon) >= ?`,
      [minDegrees],
      { u: NUM },
    )
    .map((r) => r.u);
  if (!movers.length) return [];
  const rows = db.rows(
    `SELECT u, rid, ms, lat, lon, err, prev_rid, prev_ms, prev_lat, prev_lon, prev_err FROM (
       SELECT u, rid, ms, lat, lon, err, ip,
         lag(rid) OVER w AS prev_rid, lag(ms) OVER w AS prev_ms, lag(lat) OVER w AS prev_lat,
         lag(lon) OVER w AS prev_lon, lag(err) OVER w AS prev_err, lag(ip) OVER w AS prev_ip
       FROM (${points(`d.user_principal_name_k IN ${numberSet(movers)}`, false)})
       WHERE lat IS NOT NULL AND lon IS NOT NULL
       WINDOW w AS (PARTITION BY u ORDER BY ms, rid))
     WHERE prev_rid IS NOT NULL AND prev_ip IS NOT ip AND abs(lat - prev_lat) + abs(lon - prev_lon) >= ?`,
    [minDegrees],
    HOP_SPEC,
  );
  const hops: Hop[] = [];
  for (const r of rows) {
    const elapsed = Number(r.ms) - Number(r.prev_ms); // a sign-in without a time counts as 0, as before
    // The same test as the map's legs; the speed reported is over the least distance covered.
    const leg = assessLeg({ lat: r.prev_lat, lon: r.prev_lon, uncertaintyKm: r.prev_err }, { lat: r.lat, lon: r.lon, uncertaintyKm: r.err }, elapsed, { speedKmh: maxKmh, minDistanceKm: minKm });
    if (leg.impossible) hops.push({ user: r.u, fromRid: r.prev_rid, toRid: r.rid, km: leg.distanceKm, minutes: elapsed / 60_000, kmh: speedKmh(leg.minimumKm, elapsed) });
  }
  return hops;
}
