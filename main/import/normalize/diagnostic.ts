// Azure Monitor diagnostic-settings records (storage PT1H.json lines, Event Hub `records[]`): the
// sign-in sits under `properties`; the envelope adds category, record time, caller IP and result.
import { parseTimestamp } from '../../../shared/util/time';
import { normalizeGraphSignin } from './graph';
import type { NormalizedSignin } from './signin-record';
import { signInTypeOfCategory } from './sign-in-type';
import { obj, str } from './values';

export function normalizeDiagnosticRecord(r: Record<string, unknown>, sourceFormat: string): NormalizedSignin {
  const props: Record<string, unknown> = { ...(obj(r.properties) ?? {}) };
  // Envelope fields fill what `properties` lacks (fragments and minimal records carry only these).
  if (props.status === undefined && r.resultType !== undefined) {
    props.status = { errorCode: r.resultType, failureReason: r.resultDescription };
  }
  props.userDisplayName ??= r.identity;
  if (props.location === undefined && typeof r.location === 'string') props.location = { countryOrRegion: r.location };
  const fallbackTime = parseTimestamp(r.time);
  return normalizeGraphSignin(props, {
    signInType: signInTypeOfCategory(r.category),
    logCategory: str(r.category) ?? undefined,
    fallbackTimeMs: fallbackTime,
    fallbackTimeSource: 'time',
    fallbackIp: str(r.callerIpAddress),
    fallbackCorrelationId: str(r.correlationId),
    sourceFormat,
  });
}
