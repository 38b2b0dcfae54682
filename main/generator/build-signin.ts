/** Turns a SignInSpec into the canonical Graph beta signIn object. */
import { evaluateCa } from './conditional-access';
import { ADDITIONAL_DETAILS, failureReason } from './data/errors';
import { MFA_BY_CLAIM } from './auth-steps';
import { graphTime } from './time-format';
import { TENANT_ID, TENANT_NAME } from './tenant';
import type { SignInSpec } from './spec';
import type { AuthenticationDetail, DeviceDetail, GeneratedSignIn, SignIn, SignInLocation } from './types';

/** Tenant that owns Microsoft first-party apps and resources. */
const MICROSOFT_SERVICES_TENANT = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

const EMPTY_DEVICE: DeviceDetail = {
  deviceId: '',
  displayName: '',
  operatingSystem: '',
  browser: '',
  isCompliant: false,
  isManaged: false,
  trustType: '',
};

function deviceDetail(s: SignInSpec): DeviceDetail {
  const d = s.device;
  const base: DeviceDetail = d
    ? { deviceId: d.deviceId, displayName: d.displayName, operatingSystem: d.kind.os, browser: d.kind.browser, isCompliant: d.isCompliant, isManaged: d.isManaged, trustType: d.trustType }
    : EMPTY_DEVICE;
  // Native clients report "Rich Client" rather than the browser name.
  const browser = d && s.clientAppUsed === 'Mobile Apps and Desktop clients' && !d.kind.mobile ? 'Rich Client 5.2.6.0' : base.browser;
  return { ...base, browser, ...s.deviceOverride };
}

function location(s: SignInSpec): SignInLocation {
  const c = s.net.city;
  if (!c) return { city: '', state: '', countryOrRegion: '', geoCoordinates: {} };
  return { city: c.city, state: c.state, countryOrRegion: c.country, geoCoordinates: { altitude: null, latitude: c.lat, longitude: c.lon } };
}

function statusDetails(s: SignInSpec): string | null {
  if (s.additionalDetails !== undefined) return s.additionalDetails;
  if (s.errorCode === 0) {
    if (s.steps.some((x) => x.result === MFA_BY_CLAIM)) return MFA_BY_CLAIM;
    if (s.steps.some((x) => x.method !== 'Previously satisfied' && x.requirement === 'Multi-factor authentication' && x.succeeded)) {
      return 'MFA completed in Azure AD';
    }
    return null;
  }
  if (s.errorCode === 500121) return s.steps.find((x) => !x.succeeded)?.result ?? null;
  return ADDITIONAL_DETAILS[s.errorCode] ?? null;
}

export function buildSignIn(s: SignInSpec): GeneratedSignIn {
  const u = s.user;
  const w = s.workload;
  const ca = evaluateCa(s);
  const created = graphTime(s.ms);
  const details: AuthenticationDetail[] = s.steps.map((x) => ({
    authenticationStepDateTime: graphTime(s.ms + x.offsetMs),
    authenticationMethod: x.method,
    authenticationMethodDetail: x.detail,
    succeeded: x.succeeded,
    authenticationStepResultDetail: x.result,
    authenticationStepRequirement: x.requirement,
  }));
  const mfaStep = s.steps.find((x) => x.requirement === 'Multi-factor authentication' && x.method !== 'Previously satisfied');
  const methodsUsed = [...new Set(s.steps.filter((x) => x.succeeded && x.method !== 'Previously satisfied').map((x) => x.method))];
  const upn = u?.upn ?? s.ghostUpn ?? '';
  const guest = u?.role === 'guest';
  const isUser = w === null;
  const signIn: SignIn = {
    id: s.id,
    createdDateTime: created,
    userDisplayName: isUser ? (u?.displayName ?? '') : null,
    userPrincipalName: isUser ? upn : null,
    userId: isUser ? (u?.id ?? '') : null,
    appId: w ? w.appId : s.app.id,
    appDisplayName: w ? w.name : s.app.name,
    ipAddress: s.net.ip,
    clientAppUsed: s.clientAppUsed,
    userAgent: s.userAgent,
    correlationId: s.correlationId,
    conditionalAccessStatus: ca.status,
    originalRequestId: s.id,
    isInteractive: s.category === 'interactiveUser',
    tokenIssuerName: '',
    tokenIssuerType: 'AzureAD',
    clientCredentialType: w ? w.credentialType : 'none',
    processingTimeInMilliseconds: s.processingMs,
    riskDetail: s.risk?.detail ?? 'none',
    riskLevelAggregated: s.risk?.aggregated ?? 'none',
    riskLevelDuringSignIn: s.risk?.level ?? 'none',
    riskState: s.risk?.state ?? 'none',
    riskEventTypes: s.risk?.events ?? [],
    riskEventTypes_v2: s.risk?.events ?? [],
    resourceDisplayName: s.resource.name,
    resourceId: s.resource.id,
    resourceTenantId: TENANT_ID,
    homeTenantId: u?.homeTenantId ?? TENANT_ID,
    homeTenantName: u?.homeTenantName ?? TENANT_NAME,
    authenticationMethodsUsed: methodsUsed,
    authenticationRequirement: ca.mfaRequired ? 'multiFactorAuthentication' : 'singleFactorAuthentication',
    signInIdentifier: isUser ? upn : '',
    signInIdentifierType: isUser ? 'userPrincipalName' : null,
    servicePrincipalName: w ? w.name : '',
    signInEventTypes: [s.category],
    servicePrincipalId: w ? w.servicePrincipalId : '',
    userType: guest ? 'guest' : 'member',
    flaggedForReview: false,
    isTenantRestricted: false,
    autonomousSystemNumber: s.net.asn,
    crossTenantAccessType: guest ? 'b2bCollaboration' : 'none',
    servicePrincipalCredentialKeyId: w?.credentialType === 'clientSecret' ? w.credentialKeyId : '',
    servicePrincipalCredentialThumbprint: w?.credentialType === 'certificate' ? w.credentialKeyId.replace(/-/g, '').toUpperCase().slice(0, 40) : '',
    uniqueTokenIdentifier: s.uniqueTokenIdentifier,
    incomingTokenType: s.incomingTokenType,
    authenticationProtocol: s.authenticationProtocol,
    signInTokenProtectionStatus: 'none',
    originalTransferMethod: s.originalTransferMethod,
    isThroughGlobalSecureAccess: false,
    globalSecureAccessIpAddress: '',
    conditionalAccessAudiences: [],
    sessionId: s.sessionId,
    appOwnerTenantId: w ? TENANT_ID : MICROSOFT_SERVICES_TENANT,
    resourceOwnerTenantId: MICROSOFT_SERVICES_TENANT,
    mfaDetail: mfaStep?.succeeded ? { authMethod: mfaStep.method, authDetail: mfaStep.detail } : {},
    status: { errorCode: s.errorCode, failureReason: failureReason(s.errorCode, s.app.id), additionalDetails: statusDetails(s) },
    deviceDetail: deviceDetail(s),
    location: location(s),
    appliedConditionalAccessPolicies: ca.policies,
    authenticationContextClassReferences: [],
    authenticationProcessingDetails: processingDetails(s),
    networkLocationDetails: s.net.asn === 3356 || s.net.ip.startsWith('203.0.113.') ? [{ networkType: 'trustedNamedLocation', networkNames: ['Northwind Offices'] }] : [],
    authenticationDetails: details,
    authenticationRequirementPolicies: ca.mfaRequired ? [{ requirementProvider: 'multiConditionalAccess', detail: 'Conditional Access' }] : [],
    sessionLifetimePolicies: s.device && !s.device.isManaged ? [{ expirationRequirement: 'signInFrequencyPeriodicReauthentication', detail: 'Sign-in frequency' }] : [],
    privateLinkDetails: {},
    tokenProtectionStatusDetails: { signInSessionStatus: s.category === 'interactiveUser' ? 'unbound' : 'none', signInSessionStatusCode: null },
    managedServiceIdentity: {
      msiType: w?.msiType ?? 'none',
      associatedResourceId: w?.associatedResourceId ?? null,
      federatedTokenId: null,
      federatedTokenIssuer: null,
    },
  };
  return { signIn, category: s.category, ms: s.ms, sub: s.sub, ingestDelayMs: s.ingestDelayMs };
}

function processingDetails(s: SignInSpec): { key: string; value: string }[] {
  if (s.workload) {
    return [
      { key: 'Azure AD App Authentication Library', value: 'Family: MSAL Library: MSAL.NET 4.66.2.0 Platform: .NET Core' },
      { key: 'Is CAE Token', value: 'True' },
    ];
  }
  return [
    { key: 'Legacy TLS (TLS 1.0, 1.1, 3DES)', value: 'False' },
    { key: 'Oauth Scope Info', value: '["openid","profile","offline_access"]' },
    { key: 'Is CAE Token', value: s.category === 'nonInteractiveUser' ? 'True' : 'False' },
  ];
}
