/**
 * Entra admin center "Download" CSVs: every field quoted, UTF-8 BOM, CRLF.
 * Headers are copied exactly, quirks included: trailing space in
 * "Application ID " and "Resource ID ", the double space in
 * "Autonomous system  number" and "Incoming token type" twice.
 */
import { vocabularyLabel, type VocabularyName } from '../../../shared/model/vocabulary';
import { portalStatus } from '../data/errors';
import { BOM, csvRowAllQuoted, type Cell } from './csv';
import { BaseWriter, type WriterOptions } from './record-writer';
import type { GeneratedSignIn, SignIn } from '../types';

export const USER_HEADERS = [
  'Date (UTC)',
  'Request ID',
  'User agent',
  'Correlation ID',
  'User ID',
  'User',
  'Username',
  'User type',
  'Cross tenant access type',
  'Incoming token type',
  'Authentication Protocol',
  'Unique token identifier',
  'Original transfer method',
  'Client credential type',
  'Token Protection - Sign In Session',
  'Token Protection - Sign In Session StatusCode',
  'Application',
  'Application ID ',
  'Resource',
  'Resource ID ',
  'Resource tenant ID',
  'Home tenant ID',
  'Home tenant name',
  'IP address',
  'Location',
  'Status',
  'Sign-in error code',
  'Failure reason',
  'Client app',
  'Device ID',
  'Browser',
  'Operating System',
  'Compliant',
  'Managed',
  'Join Type',
  'Multifactor authentication result',
  'Multifactor authentication auth method',
  'Multifactor authentication auth detail',
  'Authentication requirement',
  'Sign-in identifier',
  'Session ID',
  'IP address (seen by resource)',
  'Through Global Secure Access',
  'Global Secure Access IP address',
  'Autonomous system  number',
  'Flagged for review',
  'Token issuer type',
  'Incoming token type',
  'Token issuer name',
  'Latency',
  'Conditional Access',
  'Managed Identity type',
  'Associated Resource Id',
  'Federated Token Id',
  'Federated Token Issuer',
] as const;

export const APPLICATION_HEADERS = [
  'Date (UTC)',
  'Request ID',
  'Correlation ID',
  'Service principal ID',
  'Service principal name',
  'Credential key ID',
  'Credential thumbprint',
  'Application',
  'Application ID ',
  'App owner tenant ID',
  'Resource',
  'Resource ID ',
  'Resource tenant ID',
  'Resource owner tenant ID',
  'Home tenant ID',
  'Home tenant name',
  'IP address',
  'Location',
  'Status',
  'Sign-in error code',
  'Failure reason',
  'Conditional Access',
] as const;

export const MSI_HEADERS = [...APPLICATION_HEADERS, 'Managed Identity type', 'Associated Resource Id'] as const;

export const AUTH_DETAILS_HEADERS = ['Request ID', 'Date (UTC)', 'Authentication method', 'Authentication method detail', 'Requirement', 'Succeeded', 'Result detail'] as const;

export type PortalCsvKind = 'user' | 'application' | 'msi';

const bool = (b: boolean): string => (b ? 'True' : 'False');
/** The admin center writes its display labels ("Not Applied", "Primary Refresh Token"), not Graph's enum members. */
const label = (name: VocabularyName, value: string | null | undefined): string => (value ? vocabularyLabel(name, value) : '');

export function portalLocation(s: SignIn): string {
  const l = s.location;
  return l.countryOrRegion ? `${l.city}, ${l.state}, ${l.countryOrRegion}` : '';
}

function common(s: SignIn): { status: string; reason: string; ca: string } {
  const code = s.status.errorCode;
  return { status: portalStatus(code), reason: code === 0 ? '' : (s.status.failureReason ?? ''), ca: label('conditionalAccessStatus', s.conditionalAccessStatus) };
}

export function userRow(s: SignIn): Cell[] {
  const c = common(s);
  const d = s.deviceDetail;
  const mfa = s.authenticationDetails.find((x) => x.authenticationStepRequirement === 'Multi-factor authentication');
  const msi = s.managedServiceIdentity;
  return [
    s.createdDateTime,
    s.id,
    s.userAgent,
    s.correlationId,
    s.userId,
    s.userDisplayName,
    s.userPrincipalName,
    label('userType', s.userType),
    label('crossTenantAccessType', s.crossTenantAccessType),
    label('incomingTokenType', s.incomingTokenType),
    label('authenticationProtocol', s.authenticationProtocol),
    s.uniqueTokenIdentifier,
    s.originalTransferMethod,
    s.clientCredentialType,
    s.tokenProtectionStatusDetails.signInSessionStatus,
    '',
    s.appDisplayName,
    s.appId,
    s.resourceDisplayName,
    s.resourceId,
    s.resourceTenantId,
    s.homeTenantId,
    s.homeTenantName,
    s.ipAddress,
    portalLocation(s),
    c.status,
    s.status.errorCode,
    c.reason,
    s.clientAppUsed,
    d.deviceId,
    d.browser,
    d.operatingSystem,
    bool(d.isCompliant),
    bool(d.isManaged),
    label('trustType', d.trustType),
    mfa?.authenticationStepResultDetail,
    mfa?.authenticationMethod,
    mfa?.authenticationMethodDetail,
    label('authenticationRequirement', s.authenticationRequirement),
    s.signInIdentifier,
    s.sessionId,
    '',
    bool(s.isThroughGlobalSecureAccess),
    s.globalSecureAccessIpAddress,
    s.autonomousSystemNumber,
    bool(s.flaggedForReview),
    s.tokenIssuerType,
    label('incomingTokenType', s.incomingTokenType),
    s.tokenIssuerName,
    s.processingTimeInMilliseconds,
    c.ca,
    msi.msiType === 'none' ? '' : msi.msiType,
    msi.associatedResourceId,
    msi.federatedTokenId,
    msi.federatedTokenIssuer,
  ];
}

export function applicationRow(s: SignIn, msi: boolean): Cell[] {
  const c = common(s);
  const row: Cell[] = [
    s.createdDateTime,
    s.id,
    s.correlationId,
    s.servicePrincipalId,
    s.servicePrincipalName,
    s.servicePrincipalCredentialKeyId,
    s.servicePrincipalCredentialThumbprint,
    s.appDisplayName,
    s.appId,
    s.appOwnerTenantId,
    s.resourceDisplayName,
    s.resourceId,
    s.resourceTenantId,
    s.resourceOwnerTenantId,
    s.homeTenantId,
    s.homeTenantName,
    s.ipAddress,
    portalLocation(s),
    c.status,
    s.status.errorCode,
    c.reason,
    c.ca,
  ];
  if (msi) row.push(s.managedServiceIdentity.msiType, s.managedServiceIdentity.associatedResourceId);
  return row;
}

export class PortalCsvWriter extends BaseWriter {
  constructor(
    path: string,
    private readonly kind: PortalCsvKind,
    options: WriterOptions = {},
  ) {
    super(path, options);
    void this.sink.write(BOM + csvRowAllQuoted(kind === 'user' ? USER_HEADERS : kind === 'msi' ? MSI_HEADERS : APPLICATION_HEADERS));
  }

  protected emit(record: GeneratedSignIn): Promise<void> | undefined {
    const s = record.signIn;
    return this.sink.write(csvRowAllQuoted(this.kind === 'user' ? userRow(s) : applicationRow(s, this.kind === 'msi')));
  }
}

/** InteractiveSignIns_AuthDetails_*.csv: one row per authentication step, joined on Request ID. */
export class AuthDetailsCsvWriter extends BaseWriter {
  constructor(path: string, options: WriterOptions = {}) {
    super(path, options);
    void this.sink.write(BOM + csvRowAllQuoted(AUTH_DETAILS_HEADERS));
  }

  protected emit(record: GeneratedSignIn): Promise<void> | undefined {
    const s = record.signIn;
    const rows = s.authenticationDetails.map((a) =>
      csvRowAllQuoted([s.id, a.authenticationStepDateTime, a.authenticationMethod, a.authenticationMethodDetail, a.authenticationStepRequirement, bool(a.succeeded), a.authenticationStepResultDetail]),
    );
    return rows.length ? this.sink.write(rows.join('')) : undefined;
  }
}
