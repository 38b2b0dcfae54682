// Values the public rules name: error-code sets, hosting ASNs, attacker tooling. Kept in one place so
// docs/detections.md and the rules agree.

/** Wrong-password family used by Sentinel SigninPasswordSpray / DistribPassCrackAttempt, plus 50034
 * (user does not exist): sprays always include guessed names, and Sigma counts every 5xxxx failure. */
export const PASSWORD_FAILURE_CODES = [50126, 50053, 50055, 50056, 50034] as const;

/** Sentinel SigninPasswordSpray's "successful" codes: the password was right even if MFA, CA or a
 * password change then stopped the sign-in. */
export const PASSWORD_VALID_CODES = [0, 50055, 50057, 50155, 50105, 50133, 50005, 50076, 50079, 50173, 50158, 50072, 50074, 53003, 53000, 53001, 50129] as const;

/** Sigma azure_successful_mfa_fatigue_attack: failed MFA result types. */
export const MFA_DENIED_CODES = [500121, 70037, 1003033] as const;

/** MFA required and prompted (strong authentication required; MFA required by a policy or a new
 * location): the sign-in waits for the second factor. */
export const MFA_INTERRUPT_CODES = [50074, 50076] as const;

/** Token lifetime / sign-in frequency refusals: not credential attempts. */
export const TOKEN_EXPIRY_CODES = [70043, 70044, 50140] as const;

/** Sigma azure_signin_risky_interactive_hosting_asn: cloud, VPS and VPN provider ASNs. */
export const HOSTING_ASNS: ReadonlySet<number> = new Set([16509, 14618, 8987, 396982, 8075, 14061, 16276, 9009, 63949, 20473, 24940, 51167, 212238, 60068, 62240, 136787, 209854]);

export const APP_IDS = {
  authBroker: '29d9ed98-a469-4536-ade2-f981bc1d605e',
  aadPowerShell: '1b730954-1685-4b74-9bfd-dac224a7b894',
  azureCli: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
} as const;

export interface ToolSignature {
  label: string;
  /** Case-insensitive substrings of the user agent. */
  agentContains?: readonly string[];
  /** The whole user agent, exactly. */
  agentEquals?: string;
  /** Restricts the match to these application ids. */
  appIds?: readonly string[];
  source: string;
}

/** Attacker tooling user agents (Microsoft-Analyzer-Suite UserAgent blacklist; Sigma spray tooling). */
export const TOOL_SIGNATURES: readonly ToolSignature[] = [
  { label: 'python-requests', agentContains: ['python-requests'], source: 'Microsoft-Analyzer-Suite UserAgent blacklist' },
  { label: 'axios', agentContains: ['axios/'], source: 'Microsoft-Analyzer-Suite UserAgent blacklist' },
  { label: 'BAV2ROPC', agentContains: ['BAV2ROPC'], source: 'Microsoft-Analyzer-Suite UserAgent blacklist; Sigma azure_ad_legacy_client_mfa_bypass' },
  { label: 'AzureHound', agentContains: ['azurehound'], source: 'Microsoft-Analyzer-Suite UserAgent blacklist' },
  { label: 'AADInternals', agentContains: ['AADInternals'], source: 'Microsoft-Analyzer-Suite UserAgent blacklist' },
  { label: 'fasthttp', agentContains: ['fasthttp'], source: 'Microsoft-Analyzer-Suite UserAgent blacklist' },
  { label: 'PostmanRuntime', agentContains: ['PostmanRuntime'], source: 'Microsoft-Analyzer-Suite UserAgent blacklist' },
  {
    label: 'MSOLSpray/TeamFiltration (bare "Mozilla/5.0" for AAD PowerShell or Azure CLI)',
    agentEquals: 'Mozilla/5.0',
    appIds: [APP_IDS.aadPowerShell, APP_IDS.azureCli],
    source: 'Sigma azure_signin_spray_tooling_failed_auth',
  },
];

/** Outcomes that prove the password was right and are not counted as failures (50055 is both). */
export const PASSWORD_ACCEPTED_CODES: readonly number[] = PASSWORD_VALID_CODES.filter((c) => !(PASSWORD_FAILURE_CODES as readonly number[]).includes(c));
