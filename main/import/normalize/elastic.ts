// Elastic ECS documents (the azure.signinlogs integration's output). `event.original` holds the raw
// diagnostic record when the pipeline kept it; otherwise the snake_case copy is mapped back.
import { normalizeGraphSignin } from './graph';
import type { NormalizedSignin } from './signin-record';
import { signInTypeOfCategory } from './sign-in-type';
import { obj, str } from './values';

export function isElasticDocument(r: Record<string, unknown>): boolean {
  return obj(obj(r.azure)?.signinlogs) !== undefined;
}

export function elasticOriginal(r: Record<string, unknown>): Record<string, unknown> | undefined {
  const original = obj(r.event)?.original;
  if (typeof original !== 'string') return undefined;
  try {
    return obj(JSON.parse(original));
  } catch {
    return undefined;
  }
}

const snakeToCamel = (k: string) => k.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
const RENAMED: Record<string, string> = {
  createdAt: 'createdDateTime',
  riskLevelDuringSignin: 'riskLevelDuringSignIn',
  processingTimeMs: 'processingTimeInMilliseconds',
  riskEventTypesV2: 'riskEventTypes_v2',
};

function camelize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(camelize);
  const o = obj(v);
  if (!o) return v;
  return Object.fromEntries(Object.entries(o).map(([k, val]) => [RENAMED[snakeToCamel(k)] ?? snakeToCamel(k), camelize(val)]));
}

export function normalizeElasticDocument(r: Record<string, unknown>, sourceFormat: string): NormalizedSignin {
  const signinlogs = obj(obj(r.azure)?.signinlogs) ?? {};
  const props = (camelize(signinlogs.properties) as Record<string, unknown> | undefined) ?? {};
  const source = obj(r.source);
  // The integration moves the location to ECS `geo` and keeps the failure text at the envelope.
  props.location ??= locationOfGeo(obj(r.geo));
  const status = obj(props.status);
  if (status && status.failureReason === undefined && signinlogs.result_description !== undefined) {
    props.status = { ...status, failureReason: signinlogs.result_description };
  }
  return normalizeGraphSignin(props, {
    signInType: signInTypeOfCategory(signinlogs.category),
    logCategory: str(signinlogs.category) ?? undefined,
    fallbackTimeMs: typeof r['@timestamp'] === 'string' ? Date.parse(r['@timestamp']) : null,
    fallbackTimeSource: '@timestamp',
    fallbackIp: str(source?.ip),
    fallbackCorrelationId: str(obj(r.azure)?.correlation_id),
    sourceFormat,
  });
}

/** ECS `geo` (from the log, unlike `source.geo`, which is the pipeline's GeoIP) to Graph's location. */
function locationOfGeo(geo: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!geo) return undefined;
  const at = obj(geo.location);
  return {
    city: geo.city_name,
    state: geo.region_name,
    countryOrRegion: geo.country_iso_code,
    geoCoordinates: at ? { latitude: at.lat, longitude: at.lon } : {},
  };
}
