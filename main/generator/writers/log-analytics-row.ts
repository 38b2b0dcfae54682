/**
 * A Log Analytics / Sentinel row (SigninLogs, AADNonInteractiveUserSignInLogs,
 * AADServicePrincipalSignInLogs, AADManagedIdentitySignInLogs), as returned by
 * a `union` query export: PascalCase columns, dynamic columns serialised as
 * JSON strings, ResultType as a string, TenantId = the workspace id and
 * TimeGenerated = ingestion time (a little after CreatedDateTime).
 */
import { iso7 } from '../time-format';
import { TENANT_ID } from '../tenant';
import { ARM_RESOURCE_ID, DIAG_CATEGORY, diagProperties } from './diagnostic';
import type { Category, GeneratedSignIn } from '../types';

export const WORKSPACE_ID = '5e2b8c47-1d3f-4a69-b0e8-9c7d6f4a2b13';

export const LA_TABLE: Readonly<Record<Category, string>> = {
  interactiveUser: 'SigninLogs',
  nonInteractiveUser: 'AADNonInteractiveUserSignInLogs',
  servicePrincipal: 'AADServicePrincipalSignInLogs',
  managedIdentity: 'AADManagedIdentitySignInLogs',
};

/** Columns that hold datetimes (the CSV export labels them "<name> [UTC]"). */
export const LA_DATETIME_COLUMNS: ReadonlySet<string> = new Set(['TimeGenerated', 'CreatedDateTime']);

export type LaValue = string | number | boolean | null;

export function laRow(g: GeneratedSignIn): Record<string, LaValue> {
  const s = g.signIn;
  const p = diagProperties(g);
  const j = (v: unknown): string => JSON.stringify(v);
  const code = s.status.errorCode;
  return {
    TenantId: WORKSPACE_ID,
    SourceSystem: 'Azure AD',
    TimeGenerated: iso7(g.ms + g.ingestDelayMs, g.sub),
    ResourceId: ARM_RESOURCE_ID,
    OperationName: 'Sign-in activity',
    OperationVersion: '1.0',
    Category: DIAG_CATEGORY[g.category],
    ResultType: String(code),
    ResultSignature: code === 0 ? 'SUCCESS' : 'None',
    ResultDescription: code === 0 ? '' : (s.status.failureReason ?? ''),
    DurationMs: 0,
    CorrelationId: s.correlationId,
    Resource: 'Microsoft.aadiam',
    ResourceGroup: 'Microsoft.aadiam',
    ResourceProvider: 'Microsoft.aadiam',
    Identity: s.userDisplayName ?? s.servicePrincipalName,
    Level: '4',
    Location: s.location.countryOrRegion,
    AlternateSignInName: s.userPrincipalName ?? '',
    AppDisplayName: s.appDisplayName,
    AppId: s.appId,
    AuthenticationDetails: j(s.authenticationDetails),
    AuthenticationMethodsUsed: j(s.authenticationMethodsUsed),
    AuthenticationProcessingDetails: j(s.authenticationProcessingDetails),
    AuthenticationProtocol: s.authenticationProtocol,
    AuthenticationRequirement: s.authenticationRequirement,
    AuthenticationRequirementPolicies: j(s.authenticationRequirementPolicies),
    AutonomousSystemNumber: s.autonomousSystemNumber,
    ClientAppUsed: s.clientAppUsed,
    ClientCredentialType: s.clientCredentialType,
    ConditionalAccessPolicies: j(p.appliedConditionalAccessPolicies),
    ConditionalAccessStatus: s.conditionalAccessStatus,
    CreatedDateTime: iso7(g.ms, g.sub),
    CrossTenantAccessType: s.crossTenantAccessType,
    DeviceDetail: j(s.deviceDetail),
    HomeTenantId: s.homeTenantId,
    Id: s.id,
    IncomingTokenType: s.incomingTokenType,
    IPAddress: s.ipAddress,
    IsInteractive: s.isInteractive,
    IsRisky: s.riskState === 'atRisk',
    LocationDetails: j(s.location),
    ManagedServiceIdentity: g.category === 'managedIdentity' ? j(s.managedServiceIdentity) : '',
    MfaDetail: j(s.mfaDetail),
    NetworkLocationDetails: j(s.networkLocationDetails),
    OriginalRequestId: s.originalRequestId,
    OriginalTransferMethod: s.originalTransferMethod,
    // A string column in the SigninLogs schema, unlike the number in Graph.
    ProcessingTimeInMilliseconds: String(s.processingTimeInMilliseconds),
    ResourceDisplayName: s.resourceDisplayName,
    ResourceIdentity: s.resourceId,
    ResourceTenantId: s.resourceTenantId,
    RiskDetail: s.riskDetail,
    RiskEventTypes: j(s.riskEventTypes),
    RiskEventTypes_V2: j(s.riskEventTypes_v2),
    RiskLevelAggregated: s.riskLevelAggregated,
    RiskLevelDuringSignIn: s.riskLevelDuringSignIn,
    RiskState: s.riskState,
    ServicePrincipalCredentialKeyId: s.servicePrincipalCredentialKeyId,
    ServicePrincipalCredentialThumbprint: s.servicePrincipalCredentialThumbprint,
    ServicePrincipalId: s.servicePrincipalId,
    ServicePrincipalName: s.servicePrincipalName,
    SessionId: s.sessionId,
    SessionLifetimePolicies: j(s.sessionLifetimePolicies),
    SignInIdentifier: s.signInIdentifier,
    SignInIdentifierType: s.signInIdentifierType ?? '',
    Status: j(p.status),
    TokenIssuerName: s.tokenIssuerName,
    TokenIssuerType: s.tokenIssuerType,
    UniqueTokenIdentifier: s.uniqueTokenIdentifier,
    UserAgent: s.userAgent,
    UserDisplayName: s.userDisplayName ?? '',
    UserId: s.userId ?? '',
    UserPrincipalName: s.userPrincipalName ?? '',
    UserType: p.userType as string,
    AADTenantId: TENANT_ID,
    Type: LA_TABLE[g.category],
  };
}
