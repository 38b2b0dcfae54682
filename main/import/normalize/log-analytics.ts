// Log Analytics / Sentinel rows (SigninLogs, AADNonInteractiveUserSignInLogs, AADServicePrincipalSignInLogs,
// AADManagedIdentitySignInLogs), as JSON or CSV: PascalCase columns, nested objects often as JSON text,
// `TimeGenerated` = ingestion time (only a fallback: the sign-in time is CreatedDateTime).
import { parseTimestamp } from '../../../shared/util/time';
import { normalizeGraphSignin } from './graph';
import { firstVerdict, verdictOfCategory, verdictOfFields, type RecordVerdict } from './record-category';
import type { NormalizedSignin } from './signin-record';
import { signInTypeOfCategory } from './sign-in-type';
import { splitLocation } from './location-text';
import { maybeJson, obj, str } from './values';

/** LA column names that are not simply the Graph name with a capital first letter. */
const RENAMED: Record<string, string> = {
  LocationDetails: 'location',
  // The top-level country code, not the location object: kept apart so it can fill an empty LocationDetails.
  Location: 'locationText',
  IPAddress: 'ipAddress',
  ConditionalAccessPolicies: 'appliedConditionalAccessPolicies',
  ConditionalAccessPolicies_V2: 'appliedConditionalAccessPolicies',
  ResourceIdentity: 'resourceId',
  RiskEventTypes_V2: 'riskEventTypes_v2',
  AuthenticationDetails: 'authenticationDetails',
  ManagedIdentityType: 'msiTypeColumn',
};

export function laToGraphShape(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(row)) {
    const key = rawKey.replace(/ \[UTC\]$/, '').trim();
    const target = RENAMED[key] ?? key.charAt(0).toLowerCase() + key.slice(1);
    if (target === 'appliedConditionalAccessPolicies' && out[target] !== undefined && (value === '' || value === '[]')) continue;
    out[target] = maybeJson(value);
  }
  return out;
}

export function isLogAnalyticsRow(r: Record<string, unknown>): boolean {
  return 'CreatedDateTime' in r || 'TimeGenerated' in r || 'TimeGenerated [UTC]' in r || 'ResultType' in r || 'Category' in r;
}

/** The table (`Type`) decides, then `Category`; a row that names neither must prove itself. */
export function verdictOfLogAnalyticsRow(row: Record<string, unknown>): RecordVerdict {
  const column = (graphKey: string) => {
    const name = graphKey.charAt(0).toUpperCase() + graphKey.slice(1);
    return row[name] ?? row[`${name} [UTC]`];
  };
  return (
    firstVerdict(
      () => verdictOfCategory(row.Type),
      () => verdictOfCategory(row.Category),
    ) ?? verdictOfFields(column)
  );
}

export function normalizeLogAnalyticsRow(row: Record<string, unknown>, sourceFormat: string): NormalizedSignin {
  const r = laToGraphShape(row);
  const status = obj(r.status) ?? {};
  if (status.errorCode === undefined && r.resultType !== undefined) {
    r.status = { ...status, errorCode: r.resultType, failureReason: status.failureReason ?? r.resultDescription };
  }
  r.location = locationOf(r.location, r.locationText);
  if (r.msiTypeColumn !== undefined && r.managedServiceIdentity === undefined) r.managedServiceIdentity = { msiType: r.msiTypeColumn };
  const fallbackTime = parseTimestamp(r.timeGenerated);
  return normalizeGraphSignin(r, {
    signInType: signInTypeOfCategory(r.type) ?? signInTypeOfCategory(r.category),
    logCategory: str(r.type) ?? str(r.category) ?? undefined,
    fallbackTimeMs: fallbackTime,
    fallbackTimeSource: 'TimeGenerated',
    fallbackIp: null,
    fallbackCorrelationId: str(r.correlationId),
    sourceFormat,
  });
}

/** LocationDetails when it says anything; else the `Location` column ("US", or "City, State, CC"). */
function locationOf(details: unknown, text: unknown): Record<string, unknown> | undefined {
  const o = obj(details);
  if (o && ['city', 'state', 'countryOrRegion'].some((k) => str(o[k]) !== null)) return o;
  const fallback = splitLocation(str(text) ?? (typeof details === 'string' ? str(details) : null));
  if (fallback.country === null && fallback.city === null) return o;
  return { ...o, city: fallback.city, state: fallback.state, countryOrRegion: fallback.country };
}
