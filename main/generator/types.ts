/** Shapes of the canonical Graph beta `signIn` object the generator emits. */

export type Category = 'interactiveUser' | 'nonInteractiveUser' | 'servicePrincipal' | 'managedIdentity';

export const CATEGORIES: readonly Category[] = ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity'];

export interface SignInStatus {
  errorCode: number;
  failureReason: string | null;
  additionalDetails: string | null;
}

export interface DeviceDetail {
  deviceId: string;
  displayName: string;
  operatingSystem: string;
  browser: string;
  isCompliant: boolean;
  isManaged: boolean;
  trustType: string;
}

export interface SignInLocation {
  city: string;
  state: string;
  countryOrRegion: string;
  geoCoordinates: { altitude: number | null; latitude: number; longitude: number } | Record<string, never>;
}

export interface AppliedCaPolicy {
  id: string;
  displayName: string;
  enforcedGrantControls: string[];
  enforcedSessionControls: string[];
  result: string;
  /** Graph beta renders the condition flags as a comma list; diagnostic records as an int bitmask. */
  conditionsSatisfied: string;
  conditionsNotSatisfied: string;
}

export interface AuthenticationDetail {
  authenticationStepDateTime: string;
  authenticationMethod: string;
  authenticationMethodDetail: string | null;
  succeeded: boolean;
  authenticationStepResultDetail: string;
  authenticationStepRequirement: string;
}

export interface ManagedServiceIdentity {
  msiType: 'none' | 'userAssigned' | 'systemAssigned';
  associatedResourceId: string | null;
  federatedTokenId: string | null;
  federatedTokenIssuer: string | null;
}

/** Graph beta signIn (field order follows real exports). */
export interface SignIn {
  id: string;
  createdDateTime: string;
  userDisplayName: string | null;
  userPrincipalName: string | null;
  userId: string | null;
  appId: string;
  appDisplayName: string;
  ipAddress: string;
  clientAppUsed: string;
  userAgent: string;
  correlationId: string;
  conditionalAccessStatus: string;
  originalRequestId: string;
  isInteractive: boolean;
  tokenIssuerName: string;
  tokenIssuerType: string;
  clientCredentialType: string;
  processingTimeInMilliseconds: number;
  riskDetail: string;
  riskLevelAggregated: string;
  riskLevelDuringSignIn: string;
  riskState: string;
  riskEventTypes: string[];
  riskEventTypes_v2: string[];
  resourceDisplayName: string;
  resourceId: string;
  resourceTenantId: string;
  homeTenantId: string;
  homeTenantName: string;
  authenticationMethodsUsed: string[];
  authenticationRequirement: string;
  signInIdentifier: string;
  signInIdentifierType: string | null;
  servicePrincipalName: string;
  signInEventTypes: Category[];
  servicePrincipalId: string;
  userType: string;
  flaggedForReview: boolean;
  isTenantRestricted: boolean;
  autonomousSystemNumber: number;
  crossTenantAccessType: string;
  servicePrincipalCredentialKeyId: string;
  servicePrincipalCredentialThumbprint: string;
  uniqueTokenIdentifier: string;
  incomingTokenType: string;
  authenticationProtocol: string;
  signInTokenProtectionStatus: string;
  originalTransferMethod: string;
  isThroughGlobalSecureAccess: boolean;
  globalSecureAccessIpAddress: string;
  conditionalAccessAudiences: string[];
  sessionId: string;
  appOwnerTenantId: string;
  resourceOwnerTenantId: string;
  mfaDetail: { authMethod: string | null; authDetail: string | null } | Record<string, never>;
  status: SignInStatus;
  deviceDetail: DeviceDetail;
  location: SignInLocation;
  appliedConditionalAccessPolicies: AppliedCaPolicy[];
  authenticationContextClassReferences: { id: string; detail: string }[];
  authenticationProcessingDetails: { key: string; value: string }[];
  networkLocationDetails: { networkType: string; networkNames: string[] }[];
  authenticationDetails: AuthenticationDetail[];
  authenticationRequirementPolicies: { requirementProvider: string; detail: string }[];
  sessionLifetimePolicies: { expirationRequirement: string; detail: string }[];
  privateLinkDetails: Record<string, never>;
  tokenProtectionStatusDetails: { signInSessionStatus: string; signInSessionStatusCode: number | null };
  managedServiceIdentity: ManagedServiceIdentity;
}

/** One generated sign-in plus what the non-Graph formats need. */
export interface GeneratedSignIn {
  signIn: SignIn;
  category: Category;
  /** Epoch milliseconds and the extra 100-ns ticks (0..9999) for 7-digit timestamps. */
  ms: number;
  sub: number;
  /** Delay before Log Analytics ingestion (TimeGenerated = createdDateTime + this). */
  ingestDelayMs: number;
}
