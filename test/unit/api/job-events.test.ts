// Every job speaks the contract's typed job events (shared/api/jobs.ts): each `job.progress` has a
// phase of its own kind and each `job.done` a summary of its kind. Run on a real import, export,
// detections run and sessions rebuild through the engine; the import also goes through the one
// import sequence (activity log entry, sessions, a dirty case).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/api/contract';
import { JobDoneEvent, JobProgressEvent, type JobDoneOf, type JobKind } from '../../../shared/api/jobs';
import { Engine } from '../../../main/engine/engine';
import { NUM } from '../../../main/db/row-spec';
import { INDEX_DDL } from '../../../main/db/schema';
import { fixtureRecords } from '../annotations/fixture-case';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir();
const events: { event: EventName; payload: unknown }[] = [];
let engine: Engine;
const previousCache = process.env.SIGNINSCOPE_CACHE;

beforeAll(async () => {
  process.env.SIGNINSCOPE_CACHE = path.join(tmp.dir, 'cache');
  engine = await Engine.create((event, payload) => events.push({ event, payload }));
});
afterAll(() => {
  engine?.keeper.dispose();
  process.env.SIGNINSCOPE_CACHE = previousCache;
});

async function done<K extends JobKind>(kind: K, jobId: string): Promise<JobDoneOf<K>> {
  for (;;) {
    const found = events.find((e) => e.event === 'job.done' && (e.payload as { jobId: string }).jobId === jobId);
    if (found) {
      const parsed = JobDoneEvent.parse(found.payload);
      expect(parsed.kind).toBe(kind);
      return parsed as JobDoneOf<K>;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

const progressOf = (jobId: string) => events.filter((e) => e.event === 'job.progress' && (e.payload as { jobId: string }).jobId === jobId).map((e) => JobProgressEvent.parse(e.payload));

describe('typed job events', () => {
  it('import: reading, indexing and the derived-data phases, an ImportSummary, and the import sequence done once', async () => {
    const file = path.join(tmp.dir, 'signins.json');
    writeFileSync(file, JSON.stringify({ value: fixtureRecords({ rows: 60 }) }));
    const { jobId } = await engine.handle('import.start', { paths: [file] });
    const end = await done('import', jobId);
    expect(end).toMatchObject({ ok: true, cancelled: false, error: null });
    expect(end.summary?.signins).toBe(60);
    const phases = new Set(progressOf(jobId).map((p) => p.phase));
    expect(phases.has('reading')).toBe(true);
    expect([...phases].every((p) => ['reading', 'indexing', 'enriching', 'sessions', 'search-cache'].includes(p))).toBe(true);
    expect(phases.has('sessions')).toBe(true);
    // the index build counts its steps (each index, then ANALYZE): the progress bar fills instead of spinning
    const indexing = progressOf(jobId).filter((p) => p.phase === 'indexing');
    expect(indexing.at(-1)).toMatchObject({ bytesDone: INDEX_DDL.length + 1, bytesTotal: INDEX_DDL.length + 1, records: 60 });
    expect(indexing.map((p) => p.bytesDone / p.bytesTotal)).toEqual(indexing.map((p) => p.bytesDone / p.bytesTotal).sort((a, b) => a - b));
    // the sequence: one activity entry, sessions built, the case dirty
    expect(engine.db.value("SELECT count(*) FROM activity_log WHERE action = 'import'", [], NUM)).toBe(1);
    expect(engine.db.value('SELECT count(*) FROM sessions', [], NUM)).toBeGreaterThan(0);
    expect(engine.dirty).toBe(true);
  });

  it('export: exporting phase and an ExportSummary', async () => {
    const out = path.join(tmp.dir, 'out.csv');
    const { jobId } = await engine.handle('export.rows', { filter: { conditions: [] }, columns: ['user_principal_name'], format: 'csv', path: out });
    const end = await done('export', jobId);
    expect(end.summary).toMatchObject({ path: out, rows: 60, format: 'csv' });
    expect(progressOf(jobId).every((p) => p.kind === 'export' && p.phase === 'exporting')).toBe(true);
  });

  it('detections: detecting phase, one event per rule, and a DetectionRunSummary', async () => {
    const { jobId } = await engine.handle('detections.run', {});
    const end = await done('detections', jobId);
    expect(end.ok).toBe(true);
    expect(end.summary?.cancelled).toBe(false);
    const progress = progressOf(jobId);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.phase === 'detecting' && p.files === progress[0]!.files)).toBe(true);
  });

  it('sessions: a rebuild reports its sessions', async () => {
    const { jobId } = await engine.handle('sessions.rebuild', {});
    const end = await done('sessions', jobId);
    expect(end.summary?.signins).toBe(60);
  });

  it('refuses an event whose phase belongs to another kind', () => {
    const base = { jobId: 'x', file: '', fileIndex: 0, files: 1, bytesDone: 0, bytesTotal: 1, records: 0, recordsPerSecond: 0, bytesPerSecond: 0 };
    expect(JobProgressEvent.safeParse({ ...base, kind: 'export', phase: 'exporting' }).success).toBe(true);
    expect(JobProgressEvent.safeParse({ ...base, kind: 'export', phase: 'reading' }).success).toBe(false);
  });

  it('cancels by job id only: an unknown id is not cancelled', async () => {
    expect(await engine.handle('jobs.cancel', { jobId: 'no-such-job' })).toEqual({ cancelled: false });
  });
});
