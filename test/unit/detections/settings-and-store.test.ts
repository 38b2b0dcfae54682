// Thresholds per case (validated, persisted in the case file), the findings tables, cancellation
// between rules, and the detections channels through the engine.
import { describe, expect, it } from 'vitest';
import { CaseDb } from '../../../main/db/case-db';
import { listFindings, replaceFindings } from '../../../main/detections/finding-store';
import { RULES } from '../../../main/detections/registry';
import { runDetections } from '../../../main/detections/runner';
import { InvalidSettingError, listRules, updateSettings } from '../../../main/detections/settings';
import { Engine } from '../../../main/engine/engine';
import { after, fixtureCase, type FixtureSignin } from './helpers/graph-fixture';
import { scalar } from '../../helpers/sql';

const T0 = '2025-03-04T10:00:00.000Z';
/** Six accounts failing from one hosting IP, then one success from it: a high password spray. */
const SPRAY: FixtureSignin[] = [
  ...Array.from({ length: 6 }, (_, i) => ({ at: after(T0, i), user: `u${i}@contoso.example`, ip: '198.51.100.7', asn: 9009, code: 50126 })),
  { at: after(T0, 9), user: 'u9@contoso.example', ip: '198.51.100.7', asn: 9009 },
];

describe('detection settings', () => {
  it('lists every rule with its default thresholds', async () => {
    const rules = listRules(await CaseDb.create());
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    const spray = rules.find((r) => r.id === 'password-spray')!;
    expect(spray.params.find((p) => p.key === 'minUsers')).toMatchObject({ default: 5, value: 5, integer: true });
    for (const r of rules) {
      expect(r.references.length, r.id).toBeGreaterThan(0);
      expect(r.falsePositives.length, r.id).toBeGreaterThan(0);
      for (const p of r.params) expect(p.default >= p.min && p.default <= p.max, `${r.id}.${p.key}`).toBe(true);
    }
  });

  it('refuses invalid changes without storing any part of them', async () => {
    const db = await CaseDb.create();
    const bad: { ruleId: string; params: Record<string, number> }[] = [
      { ruleId: 'nope', params: {} },
      { ruleId: 'password-spray', params: { nope: 3 } },
      { ruleId: 'password-spray', params: { windowMinutes: 30, minUsers: 1 } },
      { ruleId: 'password-spray', params: { minUsers: 5.5 } },
      { ruleId: 'password-spray', params: { minUsers: Number.NaN } },
    ];
    for (const change of bad) expect(() => updateSettings(db, change), JSON.stringify(change)).toThrow(InvalidSettingError);
    expect(
      listRules(db)
        .find((r) => r.id === 'password-spray')!
        .params.find((p) => p.key === 'windowMinutes')!.value,
    ).toBe(20);
  });

  it('applies stored thresholds and enabled flags to runs, and keeps them in the case file', async () => {
    const db = await fixtureCase(SPRAY);
    expect((await runDetections(db, { ruleIds: ['password-spray'] })).findings).toHaveLength(1);
    updateSettings(db, { ruleId: 'password-spray', params: { minUsers: 7 } });
    expect((await runDetections(db, { ruleIds: ['password-spray'] })).findings).toHaveLength(0);
    const reopened = await CaseDb.create(db.export());
    expect(
      listRules(reopened)
        .find((r) => r.id === 'password-spray')!
        .params.find((p) => p.key === 'minUsers')!.value,
    ).toBe(7);
    updateSettings(reopened, { ruleId: 'password-spray', params: { minUsers: null } });
    expect((await runDetections(reopened, { ruleIds: ['password-spray'] })).findings).toHaveLength(1);
    updateSettings(reopened, { ruleId: 'password-spray', enabled: false, params: {} });
    const all = await runDetections(reopened);
    expect(all.summary.rules.map((r) => r.ruleId)).not.toContain('password-spray');
    expect(all.summary.rules).toHaveLength(RULES.length - 1);
  });
});

describe('findings store and runs', () => {
  it('stores findings with their sign-ins and replaces only the rules that ran', async () => {
    const db = await fixtureCase(SPRAY);
    const run = await runDetections(db);
    const stored = replaceFindings(db, run.completedRuleIds, run.findings);
    expect(stored.every((f) => typeof f.id === 'number')).toBe(true);
    const reopened = await CaseDb.create(db.export());
    const { findings, total } = listFindings(reopened, { withRids: true });
    expect(total).toBe(run.findings.length);
    const spray = findings.find((f) => f.ruleId === 'password-spray')!;
    const original = run.findings.find((f) => f.ruleId === 'password-spray')!;
    expect(spray).toMatchObject({ severity: 'high', title: original.title, users: original.users, ips: ['198.51.100.7'], signinCount: 7 });
    expect(spray.rids).toEqual([...original.rids].sort((a, b) => a - b));
    expect(listFindings(reopened, { minSeverity: 'high' }).findings.every((f) => f.severity === 'high')).toBe(true);
    replaceFindings(reopened, ['password-spray'], []);
    const left = listFindings(reopened).findings;
    expect(left.map((f) => f.ruleId)).not.toContain('password-spray');
    expect(left).toHaveLength(total - 1);
    expect(Number(scalar(reopened, 'SELECT count(*) FROM finding_signins fs LEFT JOIN findings f ON f.id = fs.finding_id WHERE f.id IS NULL'))).toBe(0);
  });

  it('stops between rules when cancelled', async () => {
    const db = await fixtureCase(SPRAY);
    const controller = new AbortController();
    const run = await runDetections(db, { signal: controller.signal, onProgress: (p) => p.index === 2 && controller.abort() });
    expect(run.summary.cancelled).toBe(true);
    expect(run.completedRuleIds).toEqual(RULES.slice(0, 2).map((r) => r.id));
  });
});

describe('detections channels', () => {
  it('runs as a job, reports progress per rule and serves the stored findings', async () => {
    const events: { name: string; payload: Record<string, unknown> }[] = [];
    let done: (p: Record<string, unknown>) => void = () => {};
    const finished = new Promise<Record<string, unknown>>((resolve) => (done = resolve));
    const engine = await Engine.create((name, payload) => {
      events.push({ name, payload: payload as Record<string, unknown> });
      if (name === 'job.done') done(payload as Record<string, unknown>);
    });
    engine.replaceCase(await fixtureCase(SPRAY), null);
    const { jobId } = await engine.handle('detections.run', {});
    const result = await finished;
    expect(result).toMatchObject({ jobId, kind: 'detections', ok: true, cancelled: false });
    expect((result.summary as { rules: unknown[] }).rules).toHaveLength(RULES.length);
    expect(events.filter((e) => e.name === 'job.progress' && e.payload.jobId === jobId)).toHaveLength(RULES.length);
    expect(engine.dirty).toBe(true);
    const { findings } = await engine.handle('detections.findings', { withRids: true, limit: 100 });
    expect(findings.find((f) => f.ruleId === 'password-spray')!.rids).toHaveLength(7);
    await expect(engine.handle('detections.settings', { ruleId: 'password-spray', params: { minUsers: 0 } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(engine.handle('detections.run', { ruleIds: ['nope'] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const info = await engine.handle('detections.settings', { ruleId: 'brute-force', enabled: false, params: { minFailures: 20 } });
    expect(info).toMatchObject({ id: 'brute-force', enabled: false });
    expect((await engine.handle('detections.list', {})).find((r) => r.id === 'brute-force')!.params.find((p) => p.key === 'minFailures')!.value).toBe(20);
  });
});
