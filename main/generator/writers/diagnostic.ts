/**
 * Azure Monitor diagnostic-settings records (storage PT1H.json lines, or Event
 * Hub {"records":[...]} batches). The sign-in sits under `properties` with
 * the diagnostic quirks: 7-digit "+00:00" createdDateTime, CA condition flags
 * as integers, capitalised userType, and status without "Other." on success.
 */
import { conditionsToInt } from '../conditional-access';
import { iso7 } from '../time-format';
import { TENANT_ID } from '../tenant';
import { BaseWriter, type WriterOptions } from './record-writer';
import type { Category, GeneratedSignIn } from '../types';

export const DIAG_CATEGORY: Readonly<Record<Category, string>> = {
  interactiveUser: 'SignInLogs',
  nonInteractiveUser: 'NonInteractiveUserSignInLogs',
  servicePrincipal: 'ServicePrincipalSignInLogs',
  managedIdentity: 'ManagedIdentitySignInLogs',
};

export const ARM_RESOURCE_ID = `/tenants/${TENANT_ID}/providers/Microsoft.aadiam`;

/** The camelCase `properties` object as diagnostic settings emit it. */
export function diagProperties(g: GeneratedSignIn): Record<string, unknown> {
  const s = g.signIn;
  const code = s.status.errorCode;
  return {
    ...s,
    createdDateTime: iso7(g.ms, g.sub, '+00:00'),
    userType: s.userType === 'guest' ? 'Guest' : 'Member',
    status: code === 0 ? (s.status.additionalDetails ? { errorCode: 0, additionalDetails: s.status.additionalDetails } : { errorCode: 0 }) : s.status,
    appliedConditionalAccessPolicies: s.appliedConditionalAccessPolicies.map((p) => ({
      ...p,
      conditionsSatisfied: conditionsToInt(p.conditionsSatisfied),
      conditionsNotSatisfied: conditionsToInt(p.conditionsNotSatisfied),
    })),
  };
}

export function diagRecord(g: GeneratedSignIn): Record<string, unknown> {
  const s = g.signIn;
  const code = s.status.errorCode;
  return {
    time: iso7(g.ms, g.sub),
    resourceId: ARM_RESOURCE_ID,
    operationName: 'Sign-in activity',
    operationVersion: '1.0',
    category: DIAG_CATEGORY[g.category],
    tenantId: TENANT_ID,
    resultType: String(code),
    resultSignature: code === 0 ? 'SUCCESS' : 'None',
    ...(code === 0 ? {} : { resultDescription: s.status.failureReason }),
    durationMs: 0,
    callerIpAddress: s.ipAddress,
    correlationId: s.correlationId,
    ...(s.userDisplayName !== null ? { identity: s.userDisplayName } : {}),
    Level: 4,
    location: s.location.countryOrRegion,
    properties: diagProperties(g),
  };
}

export class DiagnosticWriter extends BaseWriter {
  private readonly batch: number;

  constructor(
    path: string,
    private readonly style: 'lines' | 'eventhub',
    options: WriterOptions = {},
  ) {
    super(path, options);
    this.batch = options.pageSize ?? 50;
  }

  protected emit(record: GeneratedSignIn, index: number): Promise<void> | undefined {
    const json = JSON.stringify(diagRecord(record));
    if (this.style === 'lines') return this.sink.write(json + '\n');
    const first = index % this.batch === 0;
    return this.sink.write((first ? (index === 0 ? '' : ']}\n') + '{"records":[' : ',') + json);
  }

  protected override finish(): Promise<void> | undefined {
    if (this.style === 'lines') return undefined;
    return this.sink.write(this.count === 0 ? '{"records":[]}\n' : ']}\n');
  }
}
