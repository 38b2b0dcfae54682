// Log Analytics / Sentinel rows (SigninLogs, AADNonInteractiveUserSignInLogs, AADServicePrincipalSignInLogs,
// AADManagedIdentitySignInLogs), as JSON or CSV: PascalCase columns, nested objects often as JSON text,
// `TimeGenerated` = ingestion time (only a fallback: the sign-in time is CreatedDateTime).
import { parseTimestamp } from '../../../shared/util/time';
import { normalizeGraphSignin } from './graph';
import { firstVerdict, verdictOfCategory, verdictOfFields, type RecordVerdict } from './record-category';
import type { NormalizedSignin } from './signin-record';
import { signInTypeOfCategory } from './sign-in-type';
import { maybeJson, obj, str } from './values';

/** LA column names that are not simply the Graph name with a capital first letter. */
const RENAMED: Record<string, string> = {
  LocationDetails: 'location',
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
  return firstVerdict(() => verdictOfCategory(row.Type), () => verdictOfCategory(row.Category)) ?? verdictOfFields(column);
}

export function normalizeLogAnalyticsRow(row: Record<string, unknown>, sourceFormat: string): NormalizedSignin {
  const r = laToGraphShape(row);
  const status = obj(r.status) ?? {};
  if (status.errorCode === undefined && r.resultType !== undefined) {
    r.status = { ...status, errorCode: r.resultType, failureReason: status.failureReason ?? r.resultDescription };
  }
  if (obj(r.location) === undefined && typeof r.location === 'string') r.location = { countryOrRegion: r.location };
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
