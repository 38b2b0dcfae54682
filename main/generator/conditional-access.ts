/**
 * Northwind's Conditional Access policies and a small evaluator, so every
 * record's appliedConditionalAccessPolicies, conditionalAccessStatus and
 * authenticationRequirement agree with its error code and auth steps.
 */
import { APPS, RESOURCES, isLegacyClient } from './data/apps';
import { mfaDone, primaryFailed } from './auth-steps';
import type { SignInSpec } from './spec';
import type { AppliedCaPolicy } from './types';

/** Graph conditionalAccessConditions flag values (diagnostic records carry the int). */
export const CONDITION_BITS: Readonly<Record<string, number>> = {
  application: 1,
  users: 2,
  devicePlatform: 4,
  location: 8,
  clientType: 16,
  signInRisk: 32,
  userRisk: 64,
  time: 128,
  deviceState: 256,
  client: 512,
  authenticationFlows: 16384,
};

type Cond = 'application' | 'users' | 'devicePlatform' | 'location' | 'clientType' | 'signInRisk' | 'deviceState' | 'authenticationFlows';

interface PolicyDef {
  id: string;
  displayName: string;
  grant: string[];
  session: string[];
  state: 'enabled' | 'reportOnly' | 'disabled';
  rules: Partial<Record<Cond, string>>;
  /** The first condition the sign-in does not meet, or null when the policy applies. */
  miss: (s: SignInSpec) => Cond | null;
  /** Whether the grant controls are satisfied when the policy applies. */
  satisfied: (s: SignInSpec) => boolean;
}

const BLOCKED_COUNTRIES = new Set(['RU', 'KP', 'IR', 'BY']);
const AZURE_MGMT = new Set([APPS.azurePortal.id, APPS.azureCli.id, RESOURCES.arm.id]);

const excluded = (s: SignInSpec): boolean => s.user?.caExcluded === true;

const POLICIES: PolicyDef[] = [
  {
    id: 'a3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c01',
    displayName: 'CA001: Require MFA for all users',
    grant: ['Mfa'],
    session: [],
    state: 'enabled',
    rules: { application: 'allApps', users: 'allUsers' },
    miss: (s) => (excluded(s) ? 'users' : null),
    satisfied: (s) => mfaDone(s.steps),
  },
  {
    id: 'b4e2d3c5-6f70-4b8c-9dae-1f2a3b4c5d02',
    displayName: 'CA002: Block legacy authentication',
    grant: ['Block'],
    session: [],
    state: 'enabled',
    rules: { application: 'allApps', users: 'allUsers', clientType: 'exchangeActiveSync,other' },
    miss: (s) => (excluded(s) ? 'users' : !isLegacyClient(s.clientAppUsed) ? 'clientType' : null),
    satisfied: () => false,
  },
  {
    id: 'c5f3e4d6-7081-4c9d-aebf-2a3b4c5d6e03',
    displayName: 'CA003: Admins need a compliant device',
    grant: ['RequireCompliantDevice', 'RequireDomainJoinedDevice'],
    session: [],
    state: 'enabled',
    rules: { application: 'allApps', users: 'directoryRole' },
    miss: (s) => (s.user?.role !== 'admin' ? 'users' : null),
    satisfied: (s) => s.device !== null && (s.device.isCompliant || s.device.trustType === 'Hybrid Azure AD joined'),
  },
  {
    id: 'd6a4f5e7-8192-4dae-bfc0-3b4c5d6e7f04',
    displayName: 'CA004: Block restricted countries',
    grant: ['Block'],
    session: [],
    state: 'enabled',
    rules: { application: 'allApps', users: 'allUsers', location: 'namedLocation' },
    miss: (s) => (!BLOCKED_COUNTRIES.has(s.net.city?.country ?? '') ? 'location' : null),
    satisfied: () => false,
  },
  {
    id: 'e7b5a6f8-92a3-4ebf-c0d1-4c5d6e7f8a05',
    displayName: 'CA005: MFA for Azure management',
    grant: ['Mfa'],
    session: [],
    state: 'enabled',
    rules: { application: 'appId', users: 'allUsers' },
    miss: (s) => (AZURE_MGMT.has(s.app.id) || AZURE_MGMT.has(s.resource.id) ? (excluded(s) ? 'users' : null) : 'application'),
    satisfied: (s) => mfaDone(s.steps),
  },
  {
    id: 'f8c6b7a9-a3b4-4fc0-d1e2-5d6e7f8a9b06',
    displayName: 'CA006: MFA for medium+ sign-in risk',
    grant: ['Mfa'],
    session: [],
    state: 'enabled',
    rules: { application: 'allApps', users: 'allUsers', signInRisk: 'medium,high' },
    miss: (s) => (s.risk && s.risk.level !== 'low' ? null : 'signInRisk'),
    satisfied: (s) => mfaDone(s.steps),
  },
  {
    id: '1ae8d9cb-c5d6-41e2-f304-7f8a9b0c1d08',
    displayName: 'CA008: 12h sign-in frequency, unmanaged',
    grant: [],
    session: ['SignInFrequency', 'PersistentBrowserSessionMode'],
    state: 'enabled',
    rules: { application: 'allApps', users: 'allUsers', deviceState: 'unmanaged' },
    miss: (s) => (s.device?.isManaged ? 'deviceState' : null),
    satisfied: () => true,
  },
  {
    id: '2bf9eadc-d6e7-42f3-0415-8a9b0c1d2e09',
    displayName: 'CA009: Block device code flow',
    grant: ['Block'],
    session: [],
    state: 'reportOnly',
    rules: { application: 'allApps', users: 'allUsers', authenticationFlows: 'deviceCodeFlow' },
    miss: (s) => (s.authenticationProtocol === 'deviceCode' ? null : 'authenticationFlows'),
    satisfied: () => false,
  },
];

export interface CaOutcome {
  policies: AppliedCaPolicy[];
  status: 'success' | 'failure' | 'notApplied';
  mfaRequired: boolean;
}

function flags(conds: Cond[]): string {
  return conds.length === 0 ? 'none' : conds.join(',');
}

export function evaluateCa(s: SignInSpec): CaOutcome {
  // Workload identities are outside these user policies; a failed first factor stops evaluation.
  if (s.user === null && s.workload !== null) return { policies: [], status: 'notApplied', mfaRequired: false };
  const preAuthFail = primaryFailed(s.steps) || s.user === null;
  let status: CaOutcome['status'] = 'notApplied';
  let mfaRequired = false;
  const policies = POLICIES.map((p): AppliedCaPolicy => {
    const all = Object.keys(p.rules) as Cond[];
    const base = {
      id: p.id,
      displayName: p.displayName,
      enforcedGrantControls: p.grant,
      enforcedSessionControls: p.session,
    };
    const prefix = p.state === 'reportOnly' ? 'reportOnly' : '';
    if (p.state === 'disabled' || preAuthFail) {
      return { ...base, result: p.state === 'disabled' ? 'notEnabled' : `${prefix ? 'reportOnlyN' : 'n'}otApplied`, conditionsSatisfied: 'none', conditionsNotSatisfied: 'none' };
    }
    const missed = p.miss(s);
    if (missed) {
      const met = all.slice(0, Math.max(0, all.indexOf(missed)));
      return { ...base, result: prefix ? 'reportOnlyNotApplied' : 'notApplied', conditionsSatisfied: flags(met), conditionsNotSatisfied: missed };
    }
    const ok = p.satisfied(s);
    if (p.state === 'enabled') {
      if (!ok) status = 'failure';
      else if (status !== 'failure') status = 'success';
      if (p.grant.includes('Mfa')) mfaRequired = true;
    }
    return {
      ...base,
      result: prefix ? (ok ? 'reportOnlySuccess' : 'reportOnlyFailure') : ok ? 'success' : 'failure',
      conditionsSatisfied: flags(all),
      conditionsNotSatisfied: 'none',
    };
  });
  return { policies, status, mfaRequired };
}

/** "application,users" -> 3, as diagnostic-settings and Log Analytics records store it. */
export function conditionsToInt(value: string): number {
  if (value === 'none' || value === '') return 0;
  let n = 0;
  for (const part of value.split(',')) n |= CONDITION_BITS[part] ?? 0;
  return n;
}
