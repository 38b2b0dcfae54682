// Microsoft Graph `signIn` (v1.0 and beta, camelCase) to a normalized sign-in. Diagnostic-settings
// `properties`, Log Analytics rows (after key mapping) and Elastic's original event all end here.
import { canonicalValue } from '../../../shared/model/vocabulary';
import { parseTimestamp } from '../../../shared/util/time';
import type { AuthStep, CaPolicyResult, NormalizedSignin, RecordHints } from './signin-record';
import { logCategoryOf, signInTypeOfRecord } from './sign-in-type';
import { deriveStatus } from './status';
import { arr, bool, int, obj, real, str } from './values';

export function normalizeGraphSignin(r: Record<string, unknown>, hints: RecordHints): NormalizedSignin {
  const status = obj(r.status) ?? {};
  const location = obj(r.location) ?? {};
  const geo = obj(location.geoCoordinates) ?? {};
  const device = obj(r.deviceDetail) ?? {};
  const createdMs = parseTimestamp(r.createdDateTime);
  const code = int(status.errorCode);
  const authSteps = authStepsOf(r.authenticationDetails);
  const mfa = authSteps?.find(isMfaStep);
  let lat = real(geo.latitude);
  let lon = real(geo.longitude);
  if (lat === 0 && lon === 0) lat = lon = null; // service principals report 0,0 for "unknown"
  const riskTypes = arr(r.riskEventTypes_v2) ?? arr(r.riskEventTypes);
  const signInType = hints.signInType ?? signInTypeOfRecord(r) ?? null;
  return {
    values: {
      created_at: createdMs ?? hints.fallbackTimeMs ?? null,
      id: str(r.id),
      sign_in_type: signInType,
      log_category: logCategoryOf(hints.logCategory, signInType),
      user_principal_name: str(r.userPrincipalName),
      user_display_name: str(r.userDisplayName),
      user_id: str(r.userId),
      user_type: canonicalValue('userType', r.userType),
      app_display_name: str(r.appDisplayName),
      app_id: str(r.appId),
      resource_display_name: str(r.resourceDisplayName),
      resource_id: str(r.resourceId),
      service_principal_name: str(r.servicePrincipalName),
      service_principal_id: str(r.servicePrincipalId),
      ip_address: str(r.ipAddress) ?? hints.fallbackIp ?? null,
      asn: int(r.autonomousSystemNumber),
      city: str(location.city),
      state: str(location.state),
      country: str(location.countryOrRegion),
      latitude: lat,
      longitude: lon,
      status: deriveStatus(code),
      status_code: code,
      failure_reason: failureReasonOf(code, status.failureReason),
      additional_details: str(status.additionalDetails),
      client_app_used: canonicalValue('clientApp', r.clientAppUsed),
      correlation_id: str(r.correlationId) ?? hints.fallbackCorrelationId ?? null,
      session_id: str(r.sessionId),
      unique_token_identifier: str(r.uniqueTokenIdentifier),
      conditional_access_status: canonicalValue('conditionalAccessStatus', r.conditionalAccessStatus),
      authentication_requirement: canonicalValue('authenticationRequirement', r.authenticationRequirement),
      authentication_protocol: canonicalValue('authenticationProtocol', r.authenticationProtocol),
      cross_tenant_access_type: canonicalValue('crossTenantAccessType', r.crossTenantAccessType),
      home_tenant_id: str(r.homeTenantId),
      resource_tenant_id: str(r.resourceTenantId),
      risk_level_during_sign_in: canonicalValue('riskLevel', r.riskLevelDuringSignIn),
      risk_level_aggregated: canonicalValue('riskLevel', r.riskLevelAggregated),
      risk_state: canonicalValue('riskState', r.riskState),
      risk_detail: canonicalValue('riskDetail', r.riskDetail),
      risk_event_types: riskTypes && riskTypes.length ? riskTypes.map(String).join(',') : null,
      device_id: str(device.deviceId),
      device_name: str(device.displayName),
      operating_system: canonicalValue('operatingSystem', device.operatingSystem),
      browser: str(device.browser),
      is_compliant: bool(device.isCompliant),
      is_managed: bool(device.isManaged),
      trust_type: canonicalValue('trustType', device.trustType),
      user_agent: str(r.userAgent),
      incoming_token_type: canonicalValue('incomingTokenType', r.incomingTokenType),
      mfa_method: mfa?.method ?? null,
      mfa_result: mfa?.result ?? null,
      original_request_id: str(r.originalRequestId),
      source_format: hints.sourceFormat,
    },
    authSteps,
    // The 2018 preview named the list `conditionalAccessPolicies`.
    caPolicies: caPoliciesOf(r.appliedConditionalAccessPolicies ?? r.conditionalAccessPolicies),
    timeSource: createdMs !== null ? 'createdDateTime' : hints.fallbackTimeMs != null ? (hints.fallbackTimeSource ?? 'time') : null,
  };
}

/** Graph fills `failureReason` with "Other." on successes; diagnostic settings and the admin center leave it empty. */
function failureReasonOf(code: number | null, reason: unknown): string | null {
  const text = str(reason);
  return code === 0 && text !== null && /^other\.?$/i.test(text.trim()) ? null : text;
}

function isMfaStep(step: AuthStep): boolean {
  if (step.requirement && /multi/i.test(step.requirement)) return true;
  return !!step.method && !/^(password|previously satisfied|none)$/i.test(step.method);
}

function authStepsOf(v: unknown): AuthStep[] | null {
  const list = arr(v);
  if (!list || list.length === 0) return null;
  return list.map((item) => {
    const s = obj(item) ?? {};
    return {
      method: str(s.authenticationMethod),
      detail: str(s.authenticationMethodDetail),
      succeeded: s.succeeded === undefined || s.succeeded === null ? null : bool(s.succeeded) === 1,
      result: str(s.authenticationStepResultDetail),
      requirement: canonicalValue('stepRequirement', s.authenticationStepRequirement),
    };
  });
}

function caPoliciesOf(v: unknown): CaPolicyResult[] | null {
  const list = arr(v);
  if (!list || list.length === 0) return null;
  return list.map((item) => {
    const p = obj(item) ?? {};
    const join = (x: unknown) => (arr(x)?.length ? arr(x)!.map(String).join(', ') : null);
    return {
      id: str(p.id),
      name: str(p.displayName),
      result: canonicalValue('policyResult', p.result),
      grant: join(p.enforcedGrantControls),
      session: join(p.enforcedSessionControls),
    };
  });
}
