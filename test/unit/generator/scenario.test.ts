// Planted attacks exceed the public detection thresholds; benign background does not.
import { beforeAll, describe, expect, it } from 'vitest';
import { createScenario, type Scenario } from '../../../main/generator/scenario';
import { HOSTING_ASNS } from '../../../main/generator/data/networks';
import { LEGACY_CLIENTS } from '../../../main/generator/data/apps';
import type { AttackKind } from '../../../main/generator/ground-truth';
import type { SignIn } from '../../../main/generator/types';

const MIN = 60_000;
let scenario: Scenario;
let all: SignIn[];
let benign: SignIn[];
const byAttack = new Map<AttackKind, SignIn[]>();

const t = (s: SignIn): number => Date.parse(s.createdDateTime);
const km = (a: SignIn, b: SignIn): number => {
  const ga = a.location.geoCoordinates as { latitude: number; longitude: number };
  const gb = b.location.geoCoordinates as { latitude: number; longitude: number };
  const r = Math.PI / 180;
  const h = Math.sin(((gb.latitude - ga.latitude) * r) / 2) ** 2 + Math.cos(ga.latitude * r) * Math.cos(gb.latitude * r) * Math.sin(((gb.longitude - ga.longitude) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};
/** Largest number of items inside any window of `width` ms (items sorted by time). */
function maxInWindow<T>(items: T[], time: (x: T) => number, width: number, measure: (xs: T[]) => number = (xs) => xs.length): number {
  const sorted = [...items].sort((a, b) => time(a) - time(b));
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (time(sorted[i]!) - time(sorted[j]!) > width) j++;
    best = Math.max(best, measure(sorted.slice(j, i + 1)));
  }
  return best;
}
function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}
const distinct = (xs: SignIn[], f: (s: SignIn) => string): number => new Set(xs.map(f)).size;

beforeAll(() => {
  scenario = createScenario({ seed: 5, users: 40, days: 7 });
  all = [...scenario.signIns()].map((g) => g.signIn);
  const planted = new Set<string>();
  const index = new Map(all.map((s) => [s.id, s]));
  for (const a of scenario.groundTruth.attacks) {
    byAttack.set(a.kind, a.requestIds.map((id) => index.get(id)!).filter(Boolean));
    a.requestIds.forEach((id) => planted.add(id));
  }
  benign = all.filter((s) => !planted.has(s.id));
});

describe('scenario stream', () => {
  it('has unique request ids, all ground-truth ids, and consistent CA outcomes', () => {
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    for (const a of scenario.groundTruth.attacks) {
      expect(byAttack.get(a.kind)!.length, a.kind).toBe(a.requestIds.length);
      expect(a.successRequestIds.every((id) => a.requestIds.includes(id))).toBe(true);
    }
    for (const s of all) {
      if (s.conditionalAccessStatus === 'failure') expect(s.status.errorCode, s.id).not.toBe(0);
      if (s.status.errorCode === 53003) expect(s.conditionalAccessStatus).toBe('failure');
    }
    expect(all.length).toBeGreaterThan(5000);
  });

  it('records are about the size of real Graph beta exports', () => {
    const avg = all.reduce((n, s) => n + JSON.stringify(s).length, 0) / all.length;
    expect(avg).toBeGreaterThan(4500);
    expect(avg).toBeLessThan(6500);
  });

  it('one interactive MFA sign-in spans several records with one correlationId (50074 then success)', () => {
    const flows = groupBy(
      all.filter((s) => s.isInteractive),
      (s) => s.correlationId,
    );
    const mfa = [...flows.values()].filter((f) => f.some((s) => s.status.errorCode === 50074) && f.some((s) => s.status.errorCode === 0));
    expect(mfa.length).toBeGreaterThan(20);
  });

  it('plants the untrusted-text values', () => {
    const u = scenario.groundTruth.untrustedText;
    expect(all.some((s) => s.userDisplayName === u.displayName.value && u.displayName.value.includes('<img src=x onerror=alert(1)>'))).toBe(true);
    expect(u.userAgent.requestIds.length).toBeGreaterThan(0);
    for (const id of u.userAgent.requestIds) expect(all.find((s) => s.id === id)!.userAgent).toContain('<script>alert(1)</script>');
    for (const id of u.csvFormula.requestIds) expect(all.find((s) => s.id === id)!.deviceDetail.displayName).toBe('=HYPERLINK("http://x")');
  });
});

describe('planted attacks exceed their thresholds', () => {
  it('password spray: >= 10 users failing 50126 from one IP within 1 h, then a success from it', () => {
    const recs = byAttack.get('password-spray')!;
    const fails = recs.filter((s) => s.status.errorCode === 50126);
    expect(distinct(fails, (s) => s.ipAddress)).toBe(1);
    expect(maxInWindow(fails, t, 60 * MIN, (xs) => distinct(xs, (s) => s.userPrincipalName!))).toBeGreaterThanOrEqual(10);
    expect(maxInWindow(fails, t, 20 * MIN, (xs) => distinct(xs, (s) => s.userPrincipalName!))).toBeGreaterThanOrEqual(5);
    expect(recs.some((s) => s.status.errorCode === 0 && s.ipAddress === fails[0]!.ipAddress)).toBe(true);
  });

  it('low-and-slow spray: each victim fails from > 5 countries, each IP once per user', () => {
    const recs = byAttack.get('low-and-slow-spray')!;
    for (const [, xs] of groupBy(recs, (s) => s.userPrincipalName!)) {
      expect(distinct(xs, (s) => s.location.countryOrRegion)).toBeGreaterThan(5);
      expect(distinct(xs, (s) => s.ipAddress)).toBe(xs.length);
    }
    const times = recs.map(t);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(3 * 86_400_000); // spread over days
  });

  it('brute force: > 100 failures and a success for one UPN+IP in one clock hour', () => {
    const recs = byAttack.get('brute-force')!;
    const hours = groupBy(recs, (s) => `${s.userPrincipalName}|${s.ipAddress}|${s.createdDateTime.slice(0, 13)}`);
    expect([...hours.values()].some((xs) => xs.filter((s) => s.status.errorCode === 50126).length > 100 && xs.some((s) => s.status.errorCode === 0))).toBe(true);
    expect(recs.every((s) => s.appDisplayName === 'Azure Portal')).toBe(true);
  });

  it('smart lockout: 50053 bursts; one account > 30 attempts in a day from >= 3 countries', () => {
    const recs = byAttack.get('smart-lockout')!;
    expect(recs.filter((s) => s.status.errorCode === 50053).length).toBeGreaterThan(20);
    const perDay = groupBy(recs, (s) => `${s.userPrincipalName}|${s.createdDateTime.slice(0, 10)}`);
    expect([...perDay.values()].some((xs) => xs.length > 30 && distinct(xs, (s) => s.location.countryOrRegion) >= 3)).toBe(true);
  });

  it('MFA fatigue: > 10 denials within 5 min from one IP, then a completed MFA within 10 min', () => {
    const recs = byAttack.get('mfa-fatigue')!;
    const denied = recs.filter((s) => s.status.errorCode === 500121 && s.authenticationDetails.some((d) => d.authenticationStepResultDetail.startsWith('MFA denied')));
    expect(distinct(denied, (s) => s.ipAddress)).toBe(1);
    expect(maxInWindow(denied, t, 5 * MIN)).toBeGreaterThan(10);
    const last = Math.max(...denied.map(t));
    const ok = recs.find((s) => s.status.errorCode === 0 && s.authenticationDetails.some((d) => d.authenticationStepResultDetail === 'MFA successfully completed'));
    expect(ok).toBeDefined();
    expect(t(ok!) - last).toBeLessThanOrEqual(10 * MIN);
  });

  it('legacy auth: successful IMAP/POP/SMTP/EAS sign-ins with the BAV2ROPC agent', () => {
    const ok = byAttack.get('legacy-auth')!.filter((s) => s.status.errorCode === 0);
    expect(ok.length).toBeGreaterThan(5);
    expect(ok.every((s) => (LEGACY_CLIENTS as readonly string[]).includes(s.clientAppUsed) && s.userAgent.includes('BAV2ROPC'))).toBe(true);
    expect(distinct(ok, (s) => s.clientAppUsed)).toBeGreaterThanOrEqual(4);
  });

  it('device-code phishing: deviceCode success from a hosting ASN', () => {
    const recs = byAttack.get('device-code-phishing')!;
    expect(recs.some((s) => s.authenticationProtocol === 'deviceCode' && s.status.errorCode === 0 && HOSTING_ASNS.has(s.autonomousSystemNumber))).toBe(true);
  });

  it('impossible travel: successes > 5,000 km apart within 10 minutes', () => {
    const ok = byAttack
      .get('impossible-travel')!
      .filter((s) => s.status.errorCode === 0)
      .sort((a, b) => t(a) - t(b));
    const [home, far] = ok;
    expect(home!.location.countryOrRegion).not.toBe(far!.location.countryOrRegion);
    expect(t(far!) - t(home!)).toBeLessThanOrEqual(10 * MIN);
    expect(km(home!, far!)).toBeGreaterThan(5000);
    expect(ok.every((s) => s.conditionalAccessStatus === 'success')).toBe(true);
  });

  it('risky sign-in: interactive success at high risk from a hosting ASN', () => {
    expect(
      byAttack
        .get('risky-sign-in')!
        .some((s) => s.isInteractive && s.status.errorCode === 0 && s.riskLevelDuringSignIn === 'high' && s.riskState === 'atRisk' && HOSTING_ASNS.has(s.autonomousSystemNumber)),
    ).toBe(true);
  });

  it('CA block burst and app-not-found recon are bursts', () => {
    expect(
      maxInWindow(
        byAttack.get('ca-block-burst')!.filter((s) => s.status.errorCode === 53003),
        t,
        30 * MIN,
      ),
    ).toBeGreaterThanOrEqual(20);
    const recon = byAttack.get('app-not-found-recon')!.filter((s) => s.status.errorCode === 700016);
    expect(distinct(recon, (s) => s.ipAddress)).toBe(1);
    expect(maxInWindow(recon, t, 15 * MIN)).toBeGreaterThanOrEqual(20);
  });

  it('token reuse: one token and one session seen from two ASNs within 15 minutes', () => {
    const recs = byAttack.get('token-reuse')!;
    const multi = (key: (s: SignIn) => string): boolean => [...groupBy(recs, key).values()].some((xs) => distinct(xs, (s) => String(s.autonomousSystemNumber)) > 1 && maxInWindow(xs, t, 15 * MIN) > 1);
    expect(multi((s) => s.uniqueTokenIdentifier)).toBe(true);
    expect(multi((s) => s.sessionId)).toBe(true);
  });
});

describe('benign background does not look like the attacks', () => {
  it('has no attack-only markers', () => {
    for (const s of benign) {
      expect(s.authenticationProtocol).not.toBe('deviceCode');
      expect(s.userAgent).not.toContain('BAV2ROPC');
      expect(s.riskLevelDuringSignIn).toBe('none');
      expect([53003, 700016, 50053, 50034]).not.toContain(s.status.errorCode);
      if (s.isInteractive) expect(HOSTING_ASNS.has(s.autonomousSystemNumber)).toBe(false);
      if (s.status.errorCode === 0) expect((LEGACY_CLIENTS as readonly string[]).includes(s.clientAppUsed)).toBe(false);
    }
  });

  it('has no spray, brute-force or MFA-fatigue pattern', () => {
    const failing = benign.filter((s) => [50126, 50053, 50055].includes(s.status.errorCode));
    for (const [, xs] of groupBy(failing, (s) => `${s.ipAddress}|${s.appId}`)) {
      expect(maxInWindow(xs, t, 20 * MIN, (w) => distinct(w, (s) => s.userPrincipalName!))).toBeLessThan(5);
    }
    const sigma = benign.filter((s) => /^[567]/.test(String(s.status.errorCode)) && ![50140, 70043, 50074].includes(s.status.errorCode));
    for (const [, xs] of groupBy(sigma, (s) => s.ipAddress)) expect(maxInWindow(xs, t, 10 * MIN)).toBeLessThanOrEqual(3);
    for (const [, xs] of groupBy(
      benign.filter((s) => s.status.errorCode === 500121),
      (s) => s.userPrincipalName!,
    )) {
      expect(maxInWindow(xs, t, 10 * MIN)).toBeLessThanOrEqual(1);
    }
  });

  it('users travel slowly and keep tokens and sessions on one network', () => {
    for (const [, xs] of groupBy(
      benign.filter((s) => s.userId && s.status.errorCode === 0 && s.location.countryOrRegion),
      (s) => s.userId!,
    )) {
      const sorted = xs.sort((a, b) => t(a) - t(b));
      for (let i = 1; i < sorted.length; i++) {
        const d = km(sorted[i - 1]!, sorted[i]!);
        if (d > 500) expect((t(sorted[i]!) - t(sorted[i - 1]!)) / 3_600_000, sorted[i]!.id).toBeGreaterThan(d / 900);
      }
    }
    for (const [key, xs] of groupBy(
      benign.filter((s) => s.sessionId),
      (s) => s.sessionId,
    )) {
      expect(
        distinct(xs, (s) => String(s.autonomousSystemNumber)),
        key,
      ).toBe(1);
    }
    expect(new Set(benign.map((s) => s.uniqueTokenIdentifier)).size).toBe(benign.length);
  });
});
