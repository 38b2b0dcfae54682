// The renderer's actions against a real backend (engine worker, test mode) over an in-process bridge:
// what `case.changed` says reaches exactly the case parts it names, changes made from the window mark
// their own parts, and every job (import, detections, bulk tag) is tracked once, by id and kind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_PARTS, type CasePart, type EventName } from '../../../shared/api/contract';
import { startBackend, type Backend } from '../../../main/api/backend';
import { bulkTag, tagTarget } from '../../../renderer/actions/annotations';
import { newCase, setCaseTimeZone } from '../../../renderer/actions/case';
import { runDetectionRules } from '../../../renderer/actions/detections';
import { startImport } from '../../../renderer/actions/imports';
import { bootstrap } from '../../../renderer/app/bootstrap';
import type { PartVersions } from '../../../renderer/store/case-slice';
import { useStore } from '../../../renderer/store/store';
import { graphSignin } from '../../helpers/graph-records';
import { tempDir } from '../../helpers/temp-files';
import { IMPORT_BAR_KINDS, runningJob } from '../../../renderer/store/job-slice';

const tmp = tempDir();
let backend: Backend;
const events: { event: EventName; payload: { what?: CasePart[] } }[] = [];
/** Every (job id, kind) the job slice held at some point. */
const seenJobs = new Set<string>();

beforeAll(async () => {
  backend = await startBackend({ mode: 'test', readRoots: [tmp.dir], writeRoots: [tmp.dir] });
  backend.subscribe((event, payload) => events.push({ event, payload: payload as { what?: CasePart[] } }));
  // What Electron's preload offers the page, straight onto the backend.
  (globalThis as { window?: unknown }).window = {
    signinscope: {
      invoke: (channel: string, req: unknown) => backend.invoke(channel, req),
      on: (event: string, cb: (payload: unknown) => void) => backend.subscribe((name, payload) => name === event && cb(payload)),
    },
  };
  useStore.subscribe((s) => {
    for (const [key, job] of Object.entries(s.jobs)) seenJobs.add(`${key}|${job.jobId ?? ''}|${job.kind}`);
  });
  await bootstrap();
  await until(() => useStore.getState().snapshot !== null);
}, 120_000);
afterAll(() => backend?.close());

async function until(cond: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 3000 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
}

function changedSince(before: PartVersions): CasePart[] {
  const now = useStore.getState().changes;
  return CASE_PARTS.filter((p) => now[p] !== before[p]);
}

const jobsOfKind = (kind: string) => [...seenJobs].filter((k) => k.endsWith(`|${kind}`));

describe('renderer actions over a real backend', () => {
  it('an import is tracked by id and kind, and its case.changed moves exactly the parts it names', async () => {
    const records = Array.from({ length: 300 }, (_, i) =>
      graphSignin({ userPrincipalName: `u${i % 6}@northwind.example`, ipAddress: `203.0.113.${i % 20}`, createdDateTime: new Date(Date.UTC(2025, 2, 4) + i * 60_000).toISOString() }),
    );
    const file = tmp.write('signins.json', JSON.stringify({ value: records }));
    const before = useStore.getState().changes;
    expect(await startImport([file])).toBe(true);
    await until(() => useStore.getState().lastImport !== null && Object.keys(useStore.getState().jobs).length === 0, 'the import to finish');
    await until(() => useStore.getState().caseInfo?.signins === 300, 'the case summary');
    await until(() => useStore.getState().snapshot?.total === 300, 'the grid snapshot');

    const announced = events.filter((e) => e.event === 'case.changed').map((e) => e.payload.what);
    expect(announced).toContainEqual(['signins', 'sessions', 'geo', 'meta']);
    expect(changedSince(before).sort()).toEqual(['geo', 'meta', 'sessions', 'signins']);
    const s = useStore.getState();
    expect(s.lastImport).toMatchObject({ kind: 'import', ok: true });
    expect(jobsOfKind('import')).toEqual([`${s.lastImport!.jobId}|${s.lastImport!.jobId}|import`]);
    expect(runningJob(s, ...IMPORT_BAR_KINDS)).toBeNull(); // the import bar's job is gone
    expect(s.notices.some((n) => n.text.startsWith('Import finished') && n.text.includes('300 records'))).toBe(true);
  });

  it('a change of the summary only re-reads the summary: the grid keeps its snapshot and cursor', async () => {
    const s = useStore.getState();
    const snapshotId = s.snapshot!.snapshotId;
    s.select(4, 5);
    const before = s.changes;
    await setCaseTimeZone('Asia/Kolkata');
    expect(changedSince(before)).toEqual(['meta']);
    expect(useStore.getState().caseInfo?.timeZone).toBe('Asia/Kolkata');
    expect(useStore.getState().timeMode).toBe('Asia/Kolkata');
    await new Promise((r) => setTimeout(r, 100)); // longer than the snapshot sync's coalescing
    expect(useStore.getState().snapshot?.snapshotId).toBe(snapshotId);
    expect(useStore.getState().selected).toEqual({ index: 4, rid: 5 });
  });

  it('a tag made here marks the annotations changed and the case dirty, and re-runs the grid only when it filters on tags', async () => {
    const s = useStore.getState();
    const before = s.changes;
    const snapshotId = s.snapshot!.snapshotId;
    await tagTarget({ type: 'signin', rid: 1 }, ['phish']);
    expect(changedSince(before)).toEqual(['annotations']);
    expect(useStore.getState().caseInfo?.dirty).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(useStore.getState().snapshot?.snapshotId).toBe(snapshotId);

    useStore.getState().setTagFilter(['phish']);
    await until(() => useStore.getState().snapshot?.matching === 1, 'the tag-filtered snapshot');
    const filtered = useStore.getState().snapshot!.snapshotId;
    await tagTarget({ type: 'signin', rid: 2 }, ['phish']);
    await until(() => useStore.getState().snapshot?.snapshotId !== filtered, 'the re-run snapshot');
    await until(() => useStore.getState().snapshot?.matching === 2, 'two tagged sign-ins');
    useStore.getState().setTagFilter([]);
  });

  it('a bulk tag and a detections run are tracked in the same job slice and mark what they changed', async () => {
    let before = useStore.getState().changes;
    const result = await bulkTag({ filter: { conditions: [{ column: 'user_principal_name', op: 'eq', values: ['u1@northwind.example'] }] } }, ['reviewed'], false, 50);
    expect(result).toMatchObject({ matched: 50, changed: 50 });
    expect(changedSince(before)).toContain('annotations');
    expect(jobsOfKind('annotate').length).toBeGreaterThan(0); // at least the request, whether or not main made it a job
    expect(Object.keys(useStore.getState().jobs)).toEqual([]);

    before = useStore.getState().changes;
    const summary = await runDetectionRules();
    expect(summary).not.toBeNull();
    expect(useStore.getState().detectionSummary).toEqual(summary);
    expect(changedSince(before)).toContain('findings');
    const detectionJobs = jobsOfKind('detections');
    expect(detectionJobs.some((k) => k.startsWith('pending:detections||'))).toBe(true); // shown as starting before main answered
    expect(detectionJobs.some((k) => /^[0-9a-f-]{36}\|[0-9a-f-]{36}\|detections$/.test(k))).toBe(true);
    expect(Object.keys(useStore.getState().jobs)).toEqual([]);
  });

  it('a new case is announced with every part, so every view re-reads', async () => {
    const before = useStore.getState().changes;
    await newCase();
    await until(() => changedSince(before).length === CASE_PARTS.length, 'every part to change');
    await until(() => useStore.getState().snapshot?.total === 0, 'the empty grid');
    expect(useStore.getState().caseInfo?.signins).toBe(0);
  });
});
