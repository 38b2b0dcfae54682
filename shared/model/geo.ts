// Schemas of the map channels (geo.*): IP enrichment, aggregated points, countries, travel legs.
import { z } from 'zod';
import { LIMITS } from '../api/limits';
import { pathField } from '../api/path-field';
import { FilterSpec } from './filter-spec';

/** Where a value of `ip_geo` came from, best first. */
export const IP_GEO_SOURCES = ['log', 'gazetteer', 'gazetteer-region', 'city-mmdb', 'asn-mmdb', 'country-mmdb', 'country-centroid'] as const;
export type IpGeoSource = (typeof IP_GEO_SOURCES)[number];

const Num = z.number().nullable();
const Str = z.string().nullable();

export const IpGeoInfo = z.object({
  ip: z.string(),
  kind: z.string(),
  country: Str,
  city: Str,
  latitude: Num,
  longitude: Num,
  uncertaintyKm: Num,
  asn: Num,
  org: Str,
  sourceCountry: Str,
  sourceCoords: Str,
  sourceAsn: Str,
});
export type IpGeoInfo = z.infer<typeof IpGeoInfo>;

export const GeoDatabaseInfo = z.object({ role: z.string(), path: z.string(), fileName: z.string(), databaseType: z.string(), buildDate: z.string() });

export const GeoStatus = z.object({
  databases: z.array(GeoDatabaseInfo),
  /** Last enrichment of this case (null: never run); `stale` when sign-ins were added since. */
  enrichment: z.object({ at: z.string(), ips: z.number(), located: z.number(), stale: z.boolean() }).nullable(),
});

const StatusCounts = { total: z.number(), success: z.number(), failure: z.number(), interrupted: z.number(), users: z.number(), ips: z.number() };

export const GeoPointsReq = z.object({
  filter: FilterSpec,
  /** Coordinates are rounded to this many decimals before grouping (1 ≈ 11 km). */
  decimals: z.number().int().min(0).max(3).default(1),
  limit: z.number().int().min(1).max(5000).default(1500),
});
export const GeoPoint = z.object({ lat: z.number(), lon: z.number(), ...StatusCounts, country: Str, city: Str, uncertaintyKm: Num, source: Str });
export const GeoPointsRes = z.object({ points: z.array(GeoPoint), located: z.number(), unlocated: z.number(), truncated: z.boolean() });

export const GeoCountriesRes = z.object({ countries: z.array(z.object({ country: z.string(), ...StatusCounts })), unlocated: z.number() });

export const GeoTravelReq = z.object({ filter: FilterSpec, user: z.string().min(1).max(LIMITS.maxText), maxStops: z.number().int().min(2).max(5000).default(2000) });
export const TravelStop = z.object({
  lat: z.number(),
  lon: z.number(),
  uncertaintyKm: z.number(),
  source: Str,
  country: Str,
  city: Str,
  ips: z.array(z.string()),
  firstMs: z.number(),
  lastMs: z.number(),
  signins: z.number(),
  firstRid: z.number(),
  lastRid: z.number(),
});
export const TravelLeg = z.object({
  from: z.number(),
  to: z.number(),
  distanceKm: z.number(),
  minimumKm: z.number(),
  elapsedMs: z.number(),
  /** null: both sign-ins at the same instant. */
  speedKmh: Num,
  impossible: z.boolean(),
});
export const GeoTravelRes = z.object({
  user: z.string(),
  stops: z.array(TravelStop),
  legs: z.array(TravelLeg),
  thresholds: z.object({ speedKmh: z.number(), minDistanceKm: z.number() }),
  unlocated: z.number(),
  truncated: z.boolean(),
});

export const geoChannels = {
  'geo.status': { req: z.object({}), res: GeoStatus },
  /** Paths: `cityMmdb`, `asnMmdb` (null removes the database). Re-runs the enrichment as a job. */
  'geo.setDatabases': {
    req: z.object({ cityMmdb: pathField('read').nullable().optional(), asnMmdb: pathField('read').nullable().optional() }),
    res: z.object({ status: GeoStatus, jobId: z.string() }),
  },
  'geo.enrich': { req: z.object({}), res: z.object({ jobId: z.string() }) },
  'geo.ip': { req: z.object({ ip: z.string().min(1).max(64) }), res: IpGeoInfo },
  'geo.points': { req: GeoPointsReq, res: GeoPointsRes },
  'geo.countries': { req: z.object({ filter: FilterSpec }), res: GeoCountriesRes },
  'geo.travel': { req: GeoTravelReq, res: GeoTravelRes },
  /** Natural Earth country shapes as GeoJSON (properties: name, iso2), antimeridian-safe for Leaflet. */
  'geo.basemap': {
    req: z.object({ resolution: z.enum(['110m', '50m']).default('50m') }),
    res: z.object({
      type: z.literal('FeatureCollection'),
      features: z.array(z.object({ type: z.literal('Feature'), id: z.string().nullable(), properties: z.object({ name: z.string(), iso2: Str }), geometry: z.unknown() })),
    }),
  },
} as const;
