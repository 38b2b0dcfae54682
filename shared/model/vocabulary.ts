// One spelling per meaning for every enumerated sign-in value. Exports disagree: Graph writes
// `notApplied`, the admin center CSV `Not Applied`, diagnostic settings `Member` where Graph says
// `member`, the 2018 preview `2`. Normalizers store the canonical value (the Graph enum member where
// Graph has one); the renderer shows the admin center's label; exports keep the canonical value.
// Sources of every list: docs/schema.md, "Vocabulary".
import { LEGACY_CLIENT_APPS, SIGN_IN_TYPES, STATUSES, type SignInType } from './columns';

export interface VocabularyTerm {
  /** The stored value: the Graph enum member (or Graph's string where the property is a plain string). */
  readonly value: string;
  /** What the admin center shows. */
  readonly label: string;
  /** Member value in Graph's CSDL, which the 2018 preview wrote as a number. */
  readonly legacy?: number;
  /** Other spellings seen in exports that do not fold to the value (see `foldKey`). */
  readonly aliases?: readonly string[];
}

export interface Vocabulary {
  readonly terms: readonly VocabularyTerm[];
  /** Flags enums (incomingTokenType, signInAccessType) hold several members joined by commas. */
  readonly flags?: boolean;
}

const t = (value: string, label: string, extra: Partial<VocabularyTerm> = {}): VocabularyTerm => ({ value, label, ...extra });
/** Members whose admin-center label is the value itself. */
const same = (...values: string[]): VocabularyTerm[] => values.map((v) => t(v, v));
/** camelCase member to a sentence ("adminConfirmedSigninSafe" → "Admin confirmed signin safe"). */
const sentence = (value: string): string => {
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const sentences = (...values: string[]): VocabularyTerm[] => values.map((v) => t(v, sentence(v)));
const UNKNOWN_FUTURE = t('unknownFutureValue', 'Unknown future value');

const SIGN_IN_TYPE_LABELS: Readonly<Record<SignInType, string>> = {
  interactiveUser: 'Interactive user',
  nonInteractiveUser: 'Non-interactive user',
  servicePrincipal: 'Service principal',
  managedIdentity: 'Managed identity',
};

const RISK_LEVEL: Vocabulary = {
  terms: [t('none', 'None'), t('low', 'Low'), t('medium', 'Medium'), t('high', 'High'), t('hidden', 'Hidden'), UNKNOWN_FUTURE],
};

export const VOCABULARIES = {
  /** No Graph enum exists (Graph has only `status.errorCode`): the admin center's words are the values. */
  status: { terms: same(...STATUSES) },
  conditionalAccessStatus: {
    terms: [t('success', 'Success', { legacy: 0 }), t('failure', 'Failure', { legacy: 1 }), t('notApplied', 'Not Applied', { legacy: 2 }), { ...UNKNOWN_FUTURE, legacy: 3 }],
  },
  policyResult: {
    terms: [
      t('success', 'Success', { legacy: 0 }),
      t('failure', 'Failure', { legacy: 1 }),
      t('notApplied', 'Not applied', { legacy: 2 }),
      t('notEnabled', 'Not enabled', { legacy: 3 }),
      t('unknown', 'Unknown', { legacy: 4 }),
      { ...UNKNOWN_FUTURE, legacy: 5 },
      t('reportOnlySuccess', 'Report-only: Success', { legacy: 6 }),
      t('reportOnlyFailure', 'Report-only: Failure', { legacy: 7 }),
      t('reportOnlyNotApplied', 'Report-only: Not applied', { legacy: 8 }),
      t('reportOnlyInterrupted', 'Report-only: User action required', { legacy: 9, aliases: ['Report-only: Interrupted'] }),
    ],
  },
  authenticationRequirement: {
    terms: [t('singleFactorAuthentication', 'Single-factor authentication'), t('multiFactorAuthentication', 'Multifactor authentication')],
  },
  authenticationProtocol: {
    terms: [
      t('none', 'None'),
      t('oAuth2', 'OAuth 2.0', { aliases: ['OAuth 2.0', 'OAuth'] }),
      t('ropc', 'ROPC', { aliases: ['Resource owner password credentials'] }),
      t('wsFederation', 'WS-Federation'),
      t('saml20', 'SAML 2.0'),
      t('deviceCode', 'Device code'),
      UNKNOWN_FUTURE,
      t('authenticationTransfer', 'Authentication transfer'),
      t('nativeAuth', 'Native authentication', { aliases: ['Native auth'] }),
    ],
  },
  incomingTokenType: {
    flags: true,
    terms: [
      t('none', 'None'),
      t('primaryRefreshToken', 'Primary Refresh Token', { aliases: ['PRT'] }),
      t('saml11', 'SAML 1.1'),
      t('saml20', 'SAML 2.0'),
      UNKNOWN_FUTURE,
      t('remoteDesktopToken', 'Remote desktop token'),
      t('refreshToken', 'Refresh token'),
    ],
  },
  crossTenantAccessType: {
    flags: true,
    terms: [
      t('none', 'None'),
      t('b2bCollaboration', 'B2B collaboration'),
      t('b2bDirectConnect', 'B2B direct connect'),
      t('microsoftSupport', 'Microsoft support'),
      t('serviceProvider', 'Service provider'),
      UNKNOWN_FUTURE,
      t('passthrough', 'Passthrough'),
    ],
  },
  userType: { terms: [t('member', 'Member'), t('guest', 'Guest'), UNKNOWN_FUTURE] },
  signInType: { terms: SIGN_IN_TYPES.map((type) => t(type, SIGN_IN_TYPE_LABELS[type])) },
  riskLevel: RISK_LEVEL,
  riskState: {
    terms: [
      t('none', 'None'),
      t('confirmedSafe', 'Confirmed safe'),
      t('remediated', 'Remediated'),
      t('dismissed', 'Dismissed'),
      t('atRisk', 'At risk'),
      t('confirmedCompromised', 'Confirmed compromised'),
      UNKNOWN_FUTURE,
    ],
  },
  riskDetail: {
    terms: [
      t('none', 'None'),
      ...sentences(
        'adminGeneratedTemporaryPassword',
        'userPerformedSecuredPasswordChange',
        'userPerformedSecuredPasswordReset',
        'adminConfirmedSigninSafe',
        'aiConfirmedSigninSafe',
        'userPassedMFADrivenByRiskBasedPolicy',
        'adminDismissedAllRiskForUser',
        'adminConfirmedSigninCompromised',
        'hidden',
        'adminConfirmedUserCompromised',
        'unknownFutureValue',
        'adminConfirmedServicePrincipalCompromised',
        'adminDismissedAllRiskForServicePrincipal',
        'm365DAdminDismissedDetection',
        'userChangedPasswordOnPremises',
        'adminDismissedRiskForSignIn',
        'adminConfirmedAccountSafe',
      ),
    ],
  },
  /** deviceDetail.trustType is a plain string in Graph; the admin center now says "Microsoft Entra ...". */
  trustType: {
    terms: [
      t('Azure AD joined', 'Microsoft Entra joined', { aliases: ['Microsoft Entra joined', 'AzureAD joined'] }),
      t('Hybrid Azure AD joined', 'Microsoft Entra hybrid joined', { aliases: ['Microsoft Entra hybrid joined'] }),
      t('Azure AD registered', 'Microsoft Entra registered', { aliases: ['Microsoft Entra registered', 'Workplace joined'] }),
    ],
  },
  /** clientAppUsed is a plain string in Graph (the admin center's "Client app" filter lists the same words). */
  clientApp: { terms: same('Browser', 'Mobile Apps and Desktop clients', ...LEGACY_CLIENT_APPS, 'Unknown') },
  /** Operating system families as Graph spells them when no version follows. */
  operatingSystem: { terms: same('Windows 10', 'Windows 11', 'Windows', 'MacOs', 'Ios', 'Android', 'Linux', 'ChromeOS', 'Windows Phone') },
  /** authenticationDetails[].authenticationStepRequirement. */
  stepRequirement: { terms: same('Primary authentication', 'Multi-factor authentication') },
} as const satisfies Record<string, Vocabulary>;

export type VocabularyName = keyof typeof VOCABULARIES;

/** The vocabulary of every enumerated column of `signins` (docs/schema.md lists the same). */
export const COLUMN_VOCABULARY: Readonly<Record<string, VocabularyName>> = {
  status: 'status',
  sign_in_type: 'signInType',
  user_type: 'userType',
  client_app_used: 'clientApp',
  conditional_access_status: 'conditionalAccessStatus',
  authentication_requirement: 'authenticationRequirement',
  authentication_protocol: 'authenticationProtocol',
  cross_tenant_access_type: 'crossTenantAccessType',
  risk_level_during_sign_in: 'riskLevel',
  risk_level_aggregated: 'riskLevel',
  risk_state: 'riskState',
  risk_detail: 'riskDetail',
  operating_system: 'operatingSystem',
  trust_type: 'trustType',
  incoming_token_type: 'incomingTokenType',
};

/** Case, spaces, hyphens, dots and underscores do not change a meaning: "Not Applied" ≡ "notApplied". */
export function foldKey(text: string): string {
  return text.toLowerCase().replace(/[\s\-_.:]+/g, '');
}

interface Index {
  byKey: Map<string, VocabularyTerm>;
  byLegacy: Map<number, VocabularyTerm>;
  byValue: Map<string, VocabularyTerm>;
  /** Raw text → stored value: imports repeat the same few spellings millions of times. */
  seen: Map<string, string>;
}

const SEEN_LIMIT = 4096;

const INDEXES = new Map<VocabularyName, Index>();

function indexOf(name: VocabularyName): Index {
  let index = INDEXES.get(name);
  if (!index) {
    index = { byKey: new Map(), byLegacy: new Map(), byValue: new Map(), seen: new Map() };
    for (const term of (VOCABULARIES[name] as Vocabulary).terms) {
      index.byValue.set(term.value, term);
      for (const spelling of [term.value, term.label, ...(term.aliases ?? [])]) index.byKey.set(foldKey(spelling), term);
      if (term.legacy !== undefined) index.byLegacy.set(term.legacy, term);
    }
    INDEXES.set(name, index);
  }
  return index;
}

const isFlags = (name: VocabularyName): boolean => (VOCABULARIES[name] as Vocabulary).flags === true;

function canonicalOne(index: Index, text: string): string {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return index.byLegacy.get(Number(trimmed))?.value ?? trimmed;
  return index.byKey.get(foldKey(trimmed))?.value ?? trimmed;
}

/**
 * The stored spelling of a raw export value: known spellings (any case, the admin center's label, the
 * 2018 preview's number) become the canonical value; anything unknown is kept verbatim (trimmed).
 * Empty stays null. `remember` = false for one-off scans (a case's whole string table), which would
 * only crowd out the spellings imports repeat.
 */
export function canonicalValue(name: VocabularyName, raw: unknown, remember = true): string | null {
  if (raw === null || raw === undefined) return null;
  const text = typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : JSON.stringify(raw);
  const index = INDEXES.get(name) ?? indexOf(name);
  const known = index.seen.get(text);
  if (known !== undefined) return known;
  if (text.trim() === '') return null;
  const value =
    !isFlags(name) || !text.includes(',')
      ? canonicalOne(index, text)
      : text
          .split(',')
          .map((part) => canonicalOne(index, part))
          .filter((part) => part !== '')
          .join(',');
  if (remember && index.seen.size < SEEN_LIMIT) index.seen.set(text, value);
  return value;
}

/** The admin center's label of a stored value; unknown values are shown as they are. */
export function vocabularyLabel(name: VocabularyName, value: string): string {
  const index = indexOf(name);
  if (isFlags(name) && value.includes(','))
    return value
      .split(',')
      .map((part) => index.byValue.get(part)?.label ?? part)
      .join(', ');
  return index.byValue.get(value)?.label ?? value;
}

/** Display label of a column's value, for the renderer (columns without a vocabulary pass through). */
export function displayValue(column: string, value: string): string {
  const name = COLUMN_VOCABULARY[column];
  return name ? vocabularyLabel(name, value) : value;
}

/** Canonical values of a column whose admin-center label contains `search` (so "not applied" finds `notApplied`). */
export function valuesLabelled(column: string, search: string): string[] {
  const name = COLUMN_VOCABULARY[column];
  const needle = search.trim().toLowerCase();
  if (!name || !needle) return [];
  return (VOCABULARIES[name] as Vocabulary).terms.filter((term) => term.label.toLowerCase().includes(needle)).map((term) => term.value);
}
