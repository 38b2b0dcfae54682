/** What was planted: lets tests and the demo check that detections find it. */

export type AttackKind =
  | 'password-spray'
  | 'low-and-slow-spray'
  | 'brute-force'
  | 'smart-lockout'
  | 'mfa-fatigue'
  | 'legacy-auth'
  | 'device-code-phishing'
  | 'impossible-travel'
  | 'risky-sign-in'
  | 'ca-block-burst'
  | 'app-not-found-recon'
  | 'token-reuse';

export interface AttackTruth {
  kind: AttackKind;
  title: string;
  /** The public rule (and threshold) this attack is built to exceed. */
  detection: string;
  attackerIps: string[];
  attackerAsns: number[];
  /** Targeted user names (some sprayed names do not exist in the tenant). */
  victims: string[];
  /** Accounts the attacker signed in to successfully. */
  compromised: string[];
  /** Graph-style UTC times of the first and last planted sign-in. */
  start: string;
  end: string;
  /** Every planted sign-in (request id), attacker and victim side. */
  requestIds: string[];
  /** The attacker's successful sign-ins (subset of requestIds). */
  successRequestIds: string[];
}

export interface UntrustedTextTruth {
  /** A user whose display name is HTML. */
  displayName: { upn: string; value: string };
  /** Sign-ins whose user agent contains a script tag. */
  userAgent: { value: string; requestIds: string[] };
  /** Sign-ins with a spreadsheet formula in deviceDetail.displayName. */
  csvFormula: { field: string; value: string; requestIds: string[] };
}

export interface GroundTruth {
  seed: number;
  tenantId: string;
  tenantName: string;
  domain: string;
  users: number;
  days: number;
  /** Window covered by the data set (UTC, end exclusive). */
  start: string;
  end: string;
  attacks: AttackTruth[];
  untrustedText: UntrustedTextTruth;
}
