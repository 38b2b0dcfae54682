// Decides, per JSON record, which export shape it is and normalizes it. Files mix shapes rarely, but
// deciding per record costs nothing and survives concatenated exports from different tools.
import { normalizeDiagnosticRecord } from './diagnostic';
import { elasticOriginal, isElasticDocument, normalizeElasticDocument } from './elastic';
import { normalizeGraphSignin } from './graph';
import { isLogAnalyticsRow, normalizeLogAnalyticsRow } from './log-analytics';
import { RecordError, type NormalizedSignin } from './signin-record';
import { obj } from './values';

export type JsonShape = 'graph' | 'diagnostic' | 'log-analytics' | 'elastic';

export function jsonShapeOf(r: Record<string, unknown>): JsonShape {
  if (isElasticDocument(r)) return 'elastic';
  if (obj(r.properties) && ('category' in r || 'operationName' in r || 'time' in r)) return 'diagnostic';
  if ('category' in r && 'time' in r) return 'diagnostic';
  if (isLogAnalyticsRow(r)) return 'log-analytics';
  return 'graph';
}

export function normalizeJsonRecord(value: unknown): { shape: JsonShape; signin: NormalizedSignin } {
  const r = obj(value);
  if (!r) throw new RecordError(`expected a JSON object, found ${Array.isArray(value) ? 'an array' : typeof value}`);
  const shape = jsonShapeOf(r);
  if (shape === 'elastic') {
    const original = elasticOriginal(r);
    if (original) {
      if (isElasticDocument(original)) throw new RecordError('event.original nests another Elastic document');
      return { shape, signin: normalizeJsonRecord(original).signin };
    } else {
      return { shape, signin: normalizeElasticDocument(r, 'elastic-ecs') };
    }
  }
  switch (shape) {
    case 'diagnostic':
      return { shape, signin: normalizeDiagnosticRecord(r, 'azure-monitor-diagnostic') };
    case 'log-analytics':
      return { shape, signin: normalizeLogAnalyticsRow(r, 'log-analytics') };
    default:
      if (!('id' in r) && !('createdDateTime' in r) && !('userPrincipalName' in r)) {
        throw new RecordError('not a sign-in record (no id, createdDateTime or userPrincipalName)');
      }
      return { shape: 'graph', signin: normalizeGraphSignin(r, { sourceFormat: 'graph' }) };
  }
}
