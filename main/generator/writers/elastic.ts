/**
 * Elastic ECS documents as the azure.signinlogs integration indexes them, one per line (a
 * `_search` hits dump or an `elasticdump` file). Like shared/samples sample_event.json: the
 * sign-in sits under `azure.signinlogs.properties` in snake_case, `created_at` for createdDateTime,
 * `risk_level_during_signin`, `processing_time_ms`; the location moved to top-level `geo`, the IP to
 * `source.ip`. No `event.original` (the integration keeps it only with `preserve_original_event`).
 */
import { diagProperties, diagRecord } from './diagnostic';
import { BaseWriter } from './record-writer';
import type { GeneratedSignIn } from '../types';

const RENAMED: Readonly<Record<string, string>> = {
  createdDateTime: 'created_at',
  riskLevelDuringSignIn: 'risk_level_during_signin',
  processingTimeInMilliseconds: 'processing_time_ms',
};

const snake = (key: string): string => RENAMED[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

function snakeKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(snakeKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, val]) => [snake(k), snakeKeys(val)]));
}

export function elasticDocument(g: GeneratedSignIn): Record<string, unknown> {
  const s = g.signIn;
  const envelope = diagRecord(g);
  const { location, ipAddress, ...properties } = diagProperties(g);
  void location;
  void ipAddress;
  const coords = s.location.geoCoordinates;
  const code = s.status.errorCode;
  return {
    '@timestamp': new Date(g.ms).toISOString(),
    event: { kind: 'event', action: 'Sign-in activity', category: ['authentication'], type: ['info'], outcome: code === 0 ? 'success' : 'failure' },
    source: { ip: s.ipAddress, address: s.ipAddress },
    ...(s.location.countryOrRegion
      ? {
          geo: {
            city_name: s.location.city,
            region_name: s.location.state,
            country_iso_code: s.location.countryOrRegion,
            ...('latitude' in coords ? { location: { lat: coords.latitude, lon: coords.longitude } } : {}),
          },
        }
      : {}),
    cloud: { provider: 'azure' },
    azure: {
      tenant_id: envelope.tenantId,
      correlation_id: s.correlationId,
      resource: { provider: 'Microsoft.aadiam', id: envelope.resourceId },
      signinlogs: {
        operation_name: envelope.operationName,
        operation_version: envelope.operationVersion,
        category: envelope.category,
        result_type: envelope.resultType,
        result_signature: envelope.resultSignature,
        ...(code === 0 ? {} : { result_description: s.status.failureReason }),
        ...(envelope.identity !== undefined ? { identity: envelope.identity } : {}),
        properties: snakeKeys(properties),
      },
    },
  };
}

export class ElasticNdjsonWriter extends BaseWriter {
  protected emit(record: GeneratedSignIn): Promise<void> | undefined {
    return this.sink.write(JSON.stringify(elasticDocument(record)) + '\n');
  }
}
