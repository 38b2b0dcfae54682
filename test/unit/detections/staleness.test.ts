// Findings know when they are stale: a run records the sign-ins it saw; adding sign-ins afterwards
// makes detections.status say so, and running again makes it fresh.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import { importFiles } from '../../../main/import/pipeline';
import { detectionStatus, saveRun } from '../../../main/detections/run-record';
import { runDetections } from '../../../main/detections/runner';
import { after, fixtureCase, graphSignin, type FixtureSignin } from './helpers/graph-fixture';

const T0 = '2025-03-04T10:00:00.000Z';
const SPRAY: FixtureSignin[] = Array.from({ length: 6 }, (_, i) => ({ at: after(T0, i), user: `u${i}@contoso.example`, ip: '198.51.100.7', asn: 9009, code: 50126 }));

async function engineWith(signins: FixtureSignin[]) {
  let done: () => void = () => {};
  const engine = await Engine.create((name) => name === 'job.done' && done());
  const db = await fixtureCase(signins);
  engine.replaceCase(db, null);
  const run = async (ruleIds?: string[]) => {
    const finished = new Promise<void>((resolve) => (done = resolve));
    await engine.handle('detections.run', ruleIds ? { ruleIds } : {});
    await finished;
  };
  return { engine, db, run };
}

describe('stale findings', () => {
  it('has no last run before detections ran', async () => {
    const { engine } = await engineWith(SPRAY);
    expect(await engine.handle('detections.status', {})).toEqual({ lastRunAt: null, signinsAtRun: null, signinsNow: 6, staleRuleIds: [], stale: false });
  });

  it('turns stale when sign-ins are added after a run and fresh again after a re-run', async () => {
    const { engine, db, run } = await engineWith(SPRAY);
    const before = Date.now();
    await run();
    const fresh = await engine.handle('detections.status', {});
    expect(fresh).toMatchObject({ signinsAtRun: 6, signinsNow: 6, staleRuleIds: [], stale: false });
    expect(Date.parse(fresh.lastRunAt!)).toBeGreaterThanOrEqual(before - 1000);

    const dir = mkdtempSync(join(tmpdir(), 'stale-'));
    const more = join(dir, 'more.json');
    writeFileSync(more, JSON.stringify({ value: [graphSignin({ at: after(T0, 7), user: 'u7@contoso.example', ip: '198.51.100.7', asn: 9009, code: 50126 })] }));
    await importFiles(db, [more]);
    rmSync(dir, { recursive: true, force: true });
    const stale = await engine.handle('detections.status', {});
    expect(stale).toMatchObject({ signinsAtRun: 6, signinsNow: 7, stale: true });
    expect(stale.staleRuleIds).toContain('password-spray');

    // Re-running one rule freshens that rule only; the full re-run freshens all.
    await run(['password-spray']);
    const partly = await engine.handle('detections.status', {});
    expect(partly.stale).toBe(true);
    expect(partly.staleRuleIds).not.toContain('password-spray');
    await run();
    expect(await engine.handle('detections.status', {})).toMatchObject({ signinsAtRun: 7, signinsNow: 7, staleRuleIds: [], stale: false });
  });

  it('records the run wherever findings are saved (command line --save, the demo case)', async () => {
    const db = await fixtureCase(SPRAY);
    saveRun(db, await runDetections(db));
    expect(detectionStatus(db)).toMatchObject({ signinsAtRun: 6, signinsNow: 6, stale: false });
    db.run('DELETE FROM signin_data WHERE rid = (SELECT max(rid) FROM signin_data)');
    expect(detectionStatus(db)).toMatchObject({ signinsAtRun: 6, signinsNow: 5, stale: true });
  });

  it('turns stale when sign-ins are removed', async () => {
    const { engine, db, run } = await engineWith(SPRAY);
    await run();
    db.run('DELETE FROM signin_data WHERE rid = (SELECT min(rid) FROM signin_data)');
    expect(await engine.handle('detections.status', {})).toMatchObject({ signinsAtRun: 6, signinsNow: 5, stale: true });
  });
});
