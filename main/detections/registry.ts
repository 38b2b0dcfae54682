// Every detection rule, in the order they run and are listed.
import type { DetectionRule } from './rule';
import { appNotFound } from './rules/app-not-found';
import { attackTooling } from './rules/attack-tooling';
import { bruteForce } from './rules/brute-force';
import { caBlockBurst } from './rules/ca-block-burst';
import { consentPrompt } from './rules/consent-prompt';
import { crossTenant } from './rules/cross-tenant';
import { deviceCode } from './rules/device-code';
import { distributedSpray } from './rules/distributed-spray';
import { impossibleTravel } from './rules/impossible-travel';
import { legacyAuth } from './rules/legacy-auth';
import { mfaFatigue } from './rules/mfa-fatigue';
import { mfaFraud } from './rules/mfa-fraud';
import { newCountry } from './rules/new-country';
import { passwordSpray } from './rules/password-spray';
import { passwordSprayAsn } from './rules/password-spray-asn';
import { riskySuccess } from './rules/risky-success';
import { smartLockout } from './rules/smart-lockout';
import { successThenFailure } from './rules/success-then-failure';
import { tokenReuse } from './rules/token-reuse';

export const RULES: readonly DetectionRule[] = [
  passwordSpray,
  passwordSprayAsn,
  distributedSpray,
  bruteForce,
  smartLockout,
  mfaFatigue,
  mfaFraud,
  legacyAuth,
  deviceCode,
  attackTooling,
  impossibleTravel,
  newCountry,
  successThenFailure,
  riskySuccess,
  caBlockBurst,
  appNotFound,
  consentPrompt,
  crossTenant,
  tokenReuse,
];

export const RULE_BY_ID: ReadonlyMap<string, DetectionRule> = new Map(RULES.map((r) => [r.id, r]));
