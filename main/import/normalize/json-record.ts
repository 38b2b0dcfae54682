// Decides, per JSON record, which export shape it is and normalizes it. Files mix shapes rarely, but
// deciding per record costs nothing and survives concatenated exports from different tools.
import { normalizeDiagnosticRecord } from './diagnostic';
import { elasticOriginal, isElasticDocument, normalizeElasticDocument } from './elastic';
import { normalizeGraphSignin } from './graph';
import { isLogAnalyticsRow, normalizeLogAnalyticsRow, verdictOfLogAnalyticsRow } from './log-analytics';
import { firstVerdict, SIGN_IN, verdictOfCategory, verdictOfFields, verdictOfGraphContext, type RecordVerdict } from './record-category';
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

/** A sign-in, or the category of a record that is not one (kept out of `signins`, counted per file). */
export type JsonRecordResult = { shape: JsonShape; signin: NormalizedSignin } | { shape: JsonShape; skipped: string };

/** `pageContext`: the `@odata.context` of the Graph page the record came from, if any. */
export function normalizeJsonRecord(value: unknown, pageContext: string | null = null): JsonRecordResult {
  const r = obj(value);
  if (!r) throw new RecordError(`expected a JSON object, found ${Array.isArray(value) ? 'an array' : typeof value}`);
  const shape = jsonShapeOf(r);
  if (shape === 'elastic') {
    const original = elasticOriginal(r);
    if (original) {
      if (isElasticDocument(original)) throw new RecordError('event.original nests another Elastic document');
      return { ...normalizeJsonRecord(original), shape };
    }
    const verdict = verdictOfCategory(obj(obj(r.azure)?.signinlogs)?.category) ?? SIGN_IN;
    return verdict.signIn ? { shape, signin: normalizeElasticDocument(r, 'elastic-ecs') } : { shape, skipped: verdict.category };
  }
  const verdict = verdictOf(shape, r, pageContext);
  if (!verdict.signIn) return { shape, skipped: verdict.category };
  switch (shape) {
    case 'diagnostic':
      return { shape, signin: normalizeDiagnosticRecord(r, 'azure-monitor-diagnostic') };
    case 'log-analytics':
      return { shape, signin: normalizeLogAnalyticsRow(r, 'log-analytics') };
    default:
      return { shape: 'graph', signin: normalizeGraphSignin(r, { sourceFormat: 'graph' }) };
  }
}

function verdictOf(shape: JsonShape, r: Record<string, unknown>, pageContext: string | null): RecordVerdict {
  const props = obj(r.properties) ?? {};
  switch (shape) {
    case 'diagnostic':
      return verdictOfCategory(r.category) ?? verdictOfFields((k) => props[k]);
    case 'log-analytics':
      return verdictOfLogAnalyticsRow(r);
    default:
      return (
        firstVerdict(
          () => verdictOfGraphContext(r['@odata.type']),
          () => verdictOfGraphContext(r['@odata.context'] ?? pageContext),
          () => verdictOfCategory(obj(r.event)?.dataset), // an Elastic document of another data stream
        ) ?? verdictOfFields((k) => r[k])
      );
  }
}
