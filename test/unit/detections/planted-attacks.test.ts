// Every rule against the generator's planted attacks (fixed seed): each finds its attack, its
// supporting sign-ins are the planted ones (or the victim's own), and the benign background alone
// raises nothing of high severity.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../../shared/model/detection';
import { CaseDb } from '../../../main/db/case-db';
import { runDetections, type RunResult } from '../../../main/detections/runner';
import type { AttackKind, AttackTruth } from '../../../main/generator/ground-truth';
import { demoCase, type DemoCase } from './helpers/demo-case';
import { requestIds } from './helpers/graph-fixture';
import { all, scalar } from '../../helpers/sql';

interface Expectation {
  rule: string;
  severity: Severity;
  /** Which planted sign-ins the rule's findings must cover (default: all of them). */
  covers?: (a: AttackTruth) => string[];
  /** Share of them that must be covered (1 = all). */
  minCoverage?: number;
}

const EXPECTED: Record<AttackKind, Expectation> = {
  'password-spray': { rule: 'password-spray', severity: 'high' },
  'low-and-slow-spray': { rule: 'distributed-spray', severity: 'medium' },
  'brute-force': { rule: 'brute-force', severity: 'high' },
  'smart-lockout': { rule: 'smart-lockout', severity: 'medium' },
  // The last of the attacker's three follow-up refreshes comes > 10 min after the last denial.
  'mfa-fatigue': { rule: 'mfa-fatigue', severity: 'high', minCoverage: 0.95 },
  'legacy-auth': { rule: 'legacy-auth', severity: 'high', covers: (a) => a.successRequestIds },
  'device-code-phishing': { rule: 'device-code', severity: 'high' },
  'impossible-travel': { rule: 'impossible-travel', severity: 'medium' },
  'risky-sign-in': { rule: 'risky-success', severity: 'high', covers: (a) => a.successRequestIds },
  'ca-block-burst': { rule: 'ca-block-burst', severity: 'medium' },
  'app-not-found-recon': { rule: 'app-not-found', severity: 'medium' },
  'token-reuse': { rule: 'token-reuse', severity: 'high' },
};

const RANK: Record<Severity, number> = { informational: 0, low: 1, medium: 2, high: 3 };

let demo: DemoCase;
let run: RunResult;
const idsOf = new Map<Finding, string[]>();

beforeAll(async () => {
  demo = await demoCase();
  run = await runDetections(demo.db);
  for (const f of run.findings) idsOf.set(f, requestIds(demo.db, f.rids));
});

describe('mfa-fatigue on the planted push bombing', () => {
  it('counts the planted unanswered prompts (a lone 50074 in its correlation id) with the denials', () => {
    const attack = demo.truth.attacks.find((a) => a.kind === 'mfa-fatigue')!;
    const [f, ...rest] = run.findings.filter((x) => x.ruleId === 'mfa-fatigue');
    expect(rest).toEqual([]);
    expect(f!.details).toMatchObject({ denied: 11, unanswered: 3 });
    expect(f!.severity).toBe('high');
    expect(f!.users).toEqual(attack.victims);
    // Each unanswered prompt is a planted interrupt whose correlation id holds nothing else.
    const lone = all(
      demo.db,
      `SELECT d.id FROM signin_data d WHERE d.status_code = 50074 AND d.user_principal_name_k = (SELECT id FROM strings WHERE value = ?)
         AND (SELECT count(*) FROM signin_data o WHERE o.correlation_id = d.correlation_id) = 1`,
      [attack.victims[0]!],
    ).map((r) => String(r[0]));
    expect(lone.filter((id) => attack.requestIds.includes(id))).toHaveLength(3);
    expect(idsOf.get(f!)).toEqual(expect.arrayContaining(lone.filter((id) => attack.requestIds.includes(id))));
  });
});

describe('detections on the planted attacks', () => {
  it('runs every rule without error', () => {
    expect(run.summary.rules.filter((r) => r.error)).toEqual([]);
    expect(run.summary.cancelled).toBe(false);
  });

  it('plants every attack kind the table expects', () => {
    expect(demo.truth.attacks.map((a) => a.kind).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [kind, exp] of Object.entries(EXPECTED) as [AttackKind, Expectation][]) {
    it(`${exp.rule} finds the planted ${kind}`, () => {
      const attack = demo.truth.attacks.find((a) => a.kind === kind)!;
      const planted = new Set(attack.requestIds);
      const hits = run.findings.filter((f) => f.ruleId === exp.rule && idsOf.get(f)!.some((id) => planted.has(id)));
      expect(hits.length, `${exp.rule} findings touching ${kind}`).toBeGreaterThan(0);
      const supporting = new Set(hits.flatMap((f) => idsOf.get(f)!));
      const wanted = exp.covers ? exp.covers(attack) : attack.requestIds;
      const covered = wanted.filter((id) => supporting.has(id)).length;
      expect(covered / wanted.length, `${kind}: ${covered} of ${wanted.length} planted sign-ins supported`).toBeGreaterThanOrEqual(exp.minCoverage ?? 1);
      expect(Math.max(...hits.map((f) => RANK[f.severity]))).toBe(RANK[exp.severity]);
      // Anything else a finding cites is planted too, or the victim's own activity.
      const victims = new Set(attack.victims);
      for (const f of hits) {
        const stray = idsOf.get(f)!.filter((id) => !demo.kindOf.has(id) && !victims.has(String(scalar(demo.db, 'SELECT s.user_principal_name FROM signins s WHERE s.id = ?', [id]))));
        expect(stray, `${f.title} cites unrelated sign-ins`).toEqual([]);
      }
    });
  }

  it('names the source, the accounts and the outcome in the spray title', () => {
    const spray = demo.truth.attacks.find((a) => a.kind === 'password-spray')!;
    const f = run.findings.find((x) => x.ruleId === 'password-spray')!;
    expect(f.title).toContain(`Password spray from ${spray.attackerIps[0]}`);
    expect(f.title).toMatch(/\d+ users failed in \d+ min, then 1 success/);
    expect(f.ips).toEqual(spray.attackerIps);
    expect(new Set(f.users)).toEqual(new Set(spray.victims));
    expect(f.timeFrom).toBe(Date.parse(spray.start));
    expect(f.timeTo).toBe(Date.parse(spray.end));
  });

  it('raises nothing of high severity on the benign background alone', async () => {
    const benign = await CaseDb.create(demo.db.export());
    const planted = [...demo.kindOf.keys()];
    for (let i = 0; i < planted.length; i += 500) {
      const chunk = planted.slice(i, i + 500);
      benign.run(`DELETE FROM signin_data WHERE id IN (${chunk.map(() => '?').join(',')})`, chunk);
    }
    expect(Number(scalar(benign, 'SELECT count(*) FROM signin_data'))).toBeGreaterThan(10_000);
    const { findings } = await runDetections(benign);
    expect(findings.filter((f) => f.severity === 'high').map((f) => f.title)).toEqual([]);
    // Attack-only rules stay silent; what remains is travel and guest inventory (low / informational).
    const quiet = [
      'password-spray',
      'password-spray-asn',
      'distributed-spray',
      'brute-force',
      'smart-lockout',
      'mfa-fatigue',
      'mfa-fraud',
      'device-code',
      'attack-tooling',
      'ca-block-burst',
      'app-not-found',
      'token-reuse',
    ];
    expect(findings.filter((f) => quiet.includes(f.ruleId)).map((f) => f.title)).toEqual([]);
    benign.close();
  });
});
