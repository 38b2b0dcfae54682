// Entra admin center "Download → CSV" rows (InteractiveSignIns, NonInteractiveSignIns, ApplicationSignIns,
// MSISignIns). Headers are matched after trimming and folding spaces ("Application ID ", "Autonomous
// system  number"); "Incoming token type" appears twice and the first non-empty one wins.
import type { SignInType } from '../../../shared/model/columns';
import { canonicalValue } from '../../../shared/model/vocabulary';
import { parseTimestamp, type DateOrder } from '../../../shared/util/time';
import type { NormalizedSignin } from './signin-record';
import { logCategoryOf } from './sign-in-type';
import { normalizeStatusText } from './status';
import { splitLocation } from './location-text';
import { bool, int } from './values';

export function foldHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Column positions by folded header name; duplicates keep every position. */
export class HeaderIndex {
  private readonly positions = new Map<string, number[]>();
  /** Positions by the name as asked for (the normalizer asks the same few dozen names on every row). */
  private readonly asked = new Map<string, readonly number[]>();
  constructor(readonly headers: readonly string[]) {
    headers.forEach((h, i) => {
      const key = foldHeader(h);
      this.positions.set(key, [...(this.positions.get(key) ?? []), i]);
    });
  }
  has(name: string): boolean {
    return this.positions.has(foldHeader(name));
  }
  private positionsOf(name: string): readonly number[] {
    let p = this.asked.get(name);
    if (p === undefined) {
      p = this.positions.get(foldHeader(name)) ?? [];
      this.asked.set(name, p);
    }
    return p;
  }
  get(fields: readonly string[], ...names: string[]): string | null {
    for (const name of names) {
      for (const i of this.positionsOf(name)) {
        const v = fields[i];
        if (v !== undefined && v !== '') return v;
      }
    }
    return null;
  }
}

export function signInTypeOfFileName(fileName: string): SignInType | undefined {
  const name = fileName.toLowerCase();
  if (name.startsWith('noninteractivesignins')) return 'nonInteractiveUser';
  if (name.startsWith('interactivesignins')) return 'interactiveUser';
  if (name.startsWith('applicationsignins')) return 'servicePrincipal';
  if (name.startsWith('msisignins')) return 'managedIdentity';
  return undefined;
}

export function isPortalSigninHeader(h: HeaderIndex): boolean {
  return (h.has('Request ID') || h.has('Date (UTC)')) && !isPortalAuthDetailsHeader(h);
}

export function isPortalAuthDetailsHeader(h: HeaderIndex): boolean {
  return h.has('Request ID') && h.has('Authentication method') && !h.has('Application') && !h.has('User agent');
}

export function normalizePortalCsvRow(h: HeaderIndex, f: readonly string[], fileType: SignInType | undefined, order: DateOrder): NormalizedSignin {
  const get = (...names: string[]) => h.get(f, ...names);
  const code = int(get('Sign-in error code'));
  const loc = splitLocation(get('Location'));
  const spId = get('Service principal ID');
  const msiType = get('Managed Identity type');
  const signInType: SignInType | null = fileType ?? (msiType ? 'managedIdentity' : spId ? 'servicePrincipal' : get('Username') ? 'interactiveUser' : null);
  const dateText = get('Date (UTC)', 'Date');
  return {
    values: {
      created_at: parseTimestamp(dateText, order),
      id: get('Request ID'),
      sign_in_type: signInType,
      log_category: logCategoryOf(undefined, signInType),
      user_principal_name: get('Username'),
      user_display_name: get('User'),
      user_id: get('User ID'),
      user_type: canonicalValue('userType', get('User type')),
      app_display_name: get('Application'),
      app_id: get('Application ID'),
      resource_display_name: get('Resource'),
      resource_id: get('Resource ID'),
      service_principal_name: get('Service principal name'),
      service_principal_id: spId,
      ip_address: get('IP address'),
      asn: int(get('Autonomous system number')),
      city: loc.city,
      state: loc.state,
      country: loc.country,
      latitude: null,
      longitude: null,
      status: normalizeStatusText(get('Status'), code),
      status_code: code,
      failure_reason: get('Failure reason'),
      additional_details: get('Additional details'),
      client_app_used: canonicalValue('clientApp', get('Client app')),
      correlation_id: get('Correlation ID'),
      session_id: get('Session ID'),
      unique_token_identifier: get('Unique token identifier'),
      conditional_access_status: canonicalValue('conditionalAccessStatus', get('Conditional Access')),
      authentication_requirement: canonicalValue('authenticationRequirement', get('Authentication requirement')),
      authentication_protocol: canonicalValue('authenticationProtocol', get('Authentication Protocol')),
      cross_tenant_access_type: canonicalValue('crossTenantAccessType', get('Cross tenant access type')),
      home_tenant_id: get('Home tenant ID'),
      resource_tenant_id: get('Resource tenant ID'),
      risk_level_during_sign_in: canonicalValue('riskLevel', get('Risk level during sign-in', 'Risk level')),
      risk_level_aggregated: canonicalValue('riskLevel', get('Aggregated risk level')),
      risk_state: canonicalValue('riskState', get('Risk state')),
      risk_detail: canonicalValue('riskDetail', get('Risk detail')),
      risk_event_types: get('Risk event types'),
      device_id: get('Device ID'),
      device_name: get('Device name'),
      operating_system: canonicalValue('operatingSystem', get('Operating System')),
      browser: get('Browser'),
      is_compliant: bool(get('Compliant')),
      is_managed: bool(get('Managed')),
      trust_type: canonicalValue('trustType', get('Join Type')),
      user_agent: get('User agent'),
      incoming_token_type: canonicalValue('incomingTokenType', get('Incoming token type')),
      mfa_method: get('Multifactor authentication auth method'),
      mfa_result: get('Multifactor authentication result'),
      original_request_id: null,
      source_format: 'portal-csv',
    },
    authSteps: null,
    caPolicies: null,
    timeSource: dateText === null ? null : h.has('Date (UTC)') ? 'Date (UTC)' : 'Date',
  };
}

export interface CsvAuthStep {
  requestId: string;
  stepAt: string | null;
  method: string | null;
  detail: string | null;
  requirement: string | null;
  succeeded: number | null;
  result: string | null;
}

export function portalAuthDetailsRow(h: HeaderIndex, f: readonly string[], order: DateOrder): CsvAuthStep | null {
  const requestId = h.get(f, 'Request ID');
  if (!requestId) return null;
  const at = parseTimestamp(h.get(f, 'Date (UTC)', 'Date', 'Authentication step date'), order);
  return {
    requestId,
    stepAt: at === null ? null : new Date(at).toISOString(),
    method: h.get(f, 'Authentication method'),
    detail: h.get(f, 'Authentication method detail'),
    requirement: canonicalValue('stepRequirement', h.get(f, 'Requirement', 'Authentication step requirement')),
    succeeded: bool(h.get(f, 'Succeeded')),
    result: h.get(f, 'Result detail', 'Authentication step result detail'),
  };
}
