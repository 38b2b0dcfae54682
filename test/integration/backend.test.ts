// The backend as both transports use it: contract validation, path policy, the engine worker,
// import jobs with progress and completion events, grid snapshots, case save and reopen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/api/contract';
import { startBackend, type Backend } from '../../main/api/backend';
import { graphSignin } from '../helpers/graph-records';
import { tempDir } from '../helpers/temp-files';

const tmp = tempDir();
const outside = tempDir();
let backend: Backend;
const events: { event: EventName; payload: any }[] = [];

async function ok<T = any>(channel: string, req: unknown = {}): Promise<T> {
  const r = await backend.invoke(channel, req);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

function jobDone(jobId: string): Promise<any> {
  return new Promise((resolve) => {
    const check = () => {
      const done = events.find((e) => e.event === 'job.done' && e.payload.jobId === jobId);
      if (done) resolve(done.payload);
      else setTimeout(check, 20);
    };
    check();
  });
}

beforeAll(async () => {
  backend = await startBackend({ mode: 'test', readRoots: [tmp.dir], writeRoots: [tmp.dir] });
  backend.subscribe((event, payload) => events.push({ event, payload }));
}, 60_000);
afterAll(() => backend?.close());

describe('backend', () => {
  it('rejects unknown channels and malformed requests without throwing', async () => {
    expect(await backend.invoke('nope', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.invoke('query.page', { snapshotId: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await backend.invoke('import.start', { paths: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await backend.invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses files outside the granted roots, also through ..', async () => {
    const secret = outside.write('secret.json', '[]');
    expect(await backend.invoke('import.start', { paths: [secret] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.invoke('import.start', { paths: [path.join(tmp.dir, '..', path.basename(outside.dir), 'secret.json')] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.invoke('case.save', { path: path.join(outside.dir, 'x.signinscope') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.invoke('geo.setDatabases', { cityMmdb: path.join(outside.dir, 'City.mmdb') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.invoke('export.rows', { filter: { conditions: [] }, columns: ['id'], format: 'csv', path: path.join(outside.dir, 'x.csv') })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('offers native dialogs only when a desktop shell is attached; what it picks becomes writable', async () => {
    expect(await backend.invoke('app.command', { command: 'open' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.invoke('app.command', { command: 'format-disk' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const picked = outside.dir;
    const target = path.join(picked, 'export.csv');
    expect(await backend.invoke('export.rows', { filter: { conditions: [] }, columns: ['id'], format: 'csv', path: target })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const commands: string[] = [];
    backend.setShell({
      run: async (command) => {
        commands.push(command);
        backend.grantWrite(picked); // what Electron's folder dialog does
        return { done: true, path: picked };
      },
    });
    expect(await ok('app.command', { command: 'chooseFolder' })).toEqual({ done: true, path: picked });
    expect(commands).toEqual(['chooseFolder']);
    expect(await backend.invoke('export.rows', { filter: { conditions: [] }, columns: ['id'], format: 'csv', path: target })).toMatchObject({ ok: true });
  });

  it('imports in the worker with progress and done events, then pages the grid', async () => {
    const records = Array.from({ length: 500 }, (_, i) =>
      graphSignin({ userPrincipalName: `u${i % 10}@northwind.example`, createdDateTime: new Date(Date.UTC(2025, 2, 4) + i * 60_000).toISOString() }),
    );
    const file = tmp.write('import.json', JSON.stringify({ value: records }));
    const { jobId } = await ok<{ jobId: string }>('import.start', { paths: [file] });
    const done = await jobDone(jobId);
    expect(done).toMatchObject({ ok: true, kind: 'import' });
    expect(done.summary.files[0]).toMatchObject({ imported: 500, errors: 0 });
    expect(events.some((e) => e.event === 'job.progress' && e.payload.jobId === jobId)).toBe(true);
    expect(events.some((e) => e.event === 'case.changed' && e.payload.signins === 500)).toBe(true);

    const snap = await ok('query.snapshot', { filter: { conditions: [{ column: 'user_principal_name', op: 'eq', values: ['u3@northwind.example'] }] }, sort: { column: 'created_at', dir: 'asc' } });
    expect(snap.matching).toBe(50);
    const page = await ok('query.page', { snapshotId: snap.snapshotId, from: 0, count: 3, columns: ['user_principal_name', 'created_at'] });
    expect(page.rows).toEqual([
      ['u3@northwind.example', '2025-03-04T00:03:00.000Z'],
      ['u3@northwind.example', '2025-03-04T00:13:00.000Z'],
      ['u3@northwind.example', '2025-03-04T00:23:00.000Z'],
    ]);
    expect(await backend.invoke('query.snapshot', { filter: { conditions: [{ column: 'password; DROP TABLE x', op: 'eq', values: [1] }] }, sort: { column: 'created_at', dir: 'asc' } })).toMatchObject(
      { ok: false },
    );
  });

  it('saves the case atomically and reopens it', async () => {
    const file = path.join(tmp.dir, 'saved.signinscope');
    expect(await ok('case.save', { path: file })).toMatchObject({ path: file });
    await ok('case.new');
    expect((await ok('case.info')).signins).toBe(0);
    const info = await ok('case.open', { path: file });
    expect(info).toMatchObject({ signins: 500, path: file, dirty: false });
    expect(info.sources[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it('writes every call and job to the query log with its duration and outcome', async () => {
    await backend.invoke('query.page', { nope: true });
    await backend.close(); // flushes the log
    const lines = readFileSync(backend.logFile, 'utf8').split('\n');
    // a call the engine answered: its own time and the time it waited behind other calls
    expect(lines.some((l) => /\tcall\timport\.start\t[\d.]+ ms\tok\tengine [\d.]+ ms, queued [\d.]+ ms$/.test(l))).toBe(true);
    expect(lines.some((l) => /\tcall\tquery\.page\t[\d.]+ ms\tINVALID_INPUT: /.test(l))).toBe(true);
    expect(lines.some((l) => /\tjob\timport\t[\d.]+ ms\tok$/.test(l))).toBe(true);
  });
});
