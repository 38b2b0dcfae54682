// Evidence is never written (issue 9 §4): read and write grants are separate, and every writer (case
// save, export, report) refuses evidence of the open case (path, symlink or hard link) and replaces an
// existing file only when the request says the user confirmed it.
import { linkSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../main/api/backend';
import { backendSession, type BackendSession } from '../helpers/backend-session';
import { graphSignin } from '../helpers/graph-records';
import { tempDir } from '../helpers/temp-files';

const evidence = tempDir();
const output = tempDir();
let session: BackendSession;
let backend: Backend;
const ok = <T = any>(channel: string, req: unknown = {}) => session.ok<T>(channel, req);
const job = (channel: string, req: unknown) => session.job(channel, req);

const evFile = evidence.write('signins.json', JSON.stringify({ value: [graphSignin(), graphSignin({ userPrincipalName: 'megan@northwind.example' })] }));
const fingerprint = () => ({ bytes: readFileSync(evFile), mtime: statSync(evFile).mtimeMs });

beforeAll(async () => {
  mkdirSync(path.join(evidence.dir, '.secret'));
  writeFileSync(path.join(evidence.dir, '.secret', 'key.json'), '[]');
  session = await backendSession({ mode: 'test', readRoots: [evidence.dir], writeRoots: [output.dir, evidence.dir] });
  backend = session.backend;
  expect(await job('import.start', { paths: [evFile] })).toEqual({ ok: true });
}, 60_000);
afterAll(() => session?.close());

describe('write targets', () => {
  const exportReq = (p: string, overwrite?: boolean) => ({ filter: { conditions: [] }, columns: ['user_principal_name'], format: 'csv', path: p, ...(overwrite === undefined ? {} : { overwrite }) });

  it('never writes evidence of the open case: same path, via .., a symlink or a hard link, even when confirmed', async () => {
    const before = fingerprint();
    linkSync(evFile, path.join(evidence.dir, 'hardlink.json'));
    symlinkSync(evFile, path.join(output.dir, 'symlink.json'));
    const targets = [evFile, path.join(output.dir, '..', path.basename(evidence.dir), 'signins.json'), path.join(evidence.dir, 'hardlink.json'), path.join(output.dir, 'symlink.json')];
    for (const target of targets) {
      for (const overwrite of [false, true]) {
        const save = await backend.invoke('case.save', { path: target, overwrite });
        expect(save).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/evidence of this case.*never written/) } });
        expect(await job('export.rows', exportReq(target, overwrite))).toMatchObject({ ok: false, message: expect.stringMatching(/evidence of this case/) });
        expect(await job('report.html', { path: target, overwrite })).toMatchObject({ ok: false, message: expect.stringMatching(/evidence of this case/) });
      }
    }
    expect(fingerprint()).toEqual(before);
    expect((await ok('activity.list', { action: 'save' })).total).toBe(0); // a refused save leaves no false record
  });

  it('asks before replacing: EXISTS without overwrite, replaced with it; a case replaces only a case', async () => {
    const csv = path.join(output.dir, 'out.csv');
    expect(await job('export.rows', exportReq(csv))).toEqual({ ok: true });
    expect(await job('export.rows', exportReq(csv))).toMatchObject({ ok: false, message: expect.stringMatching(/exists: confirm/) });
    expect(await job('export.rows', exportReq(csv, true))).toEqual({ ok: true });

    const caseFile = path.join(output.dir, 'one.signinscope');
    await ok('case.save', { path: caseFile });
    await ok('case.save', {}); // in place: its own file needs no confirmation
    const other = path.join(output.dir, 'two.signinscope');
    await ok('case.save', { path: other });
    expect(await backend.invoke('case.save', { path: caseFile })).toMatchObject({ ok: false, error: { code: 'EXISTS' } });
    await ok('case.save', { path: caseFile, overwrite: true });

    expect(await backend.invoke('case.save', { path: csv, overwrite: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/not a SigninScope case/) } });
    expect(readFileSync(csv, 'utf8')).toMatch(/^\ufeffuser_principal_name/);
    expect(await job('report.html', { path: caseFile, overwrite: true })).toMatchObject({ ok: false, message: expect.stringMatching(/is a SigninScope case/) });
    expect(await job('export.rows', exportReq(output.dir, true))).toMatchObject({ ok: false, message: expect.stringMatching(/not a regular file/) });
  });
});

describe('read and write grants', () => {
  let strictSession: BackendSession;
  let strict: Backend;
  beforeAll(async () => {
    strictSession = await backendSession({ mode: 'test', readRoots: [evidence.dir], writeRoots: [output.dir], outputDir: output.dir });
    strict = strictSession.backend;
  }, 60_000);
  afterAll(() => strictSession?.close());
  const importOnStrict = async (file: string) => expect(await strictSession.job('import.start', { paths: [file] })).toEqual({ ok: true });

  it('a readable folder is not writable; the output folder is; dot-names are out of reach', async () => {
    const info = await strict.invoke('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { outputDir: output.dir, writable: [output.dir] } });
    expect(await strict.invoke('case.save', { path: path.join(evidence.dir, 'x.signinscope') })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/writing .* was not granted/) },
    });
    expect(await strict.invoke('export.rows', exportReq(path.join(evidence.dir, 'x.csv')))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await strict.invoke('import.start', { paths: [path.join(evidence.dir, '.secret', 'key.json')] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await strict.invoke('fs.list', { dir: path.join(evidence.dir, '.secret') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await importOnStrict(evFile);
    expect(await strict.invoke('case.save', { path: path.join(output.dir, 'fine.signinscope') })).toMatchObject({ ok: true });
  });

  it('granting one file to read grants neither its folder nor writing it', async () => {
    const lone = tempDir();
    const file = lone.write('picked.json', JSON.stringify({ value: [graphSignin()] }));
    lone.write('neighbour.json', '[]');
    strict.grantRead(file);
    await importOnStrict(file);
    expect(await strict.invoke('import.start', { paths: [path.join(lone.dir, 'neighbour.json')] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await strict.invoke('fs.list', { dir: lone.dir })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await strict.invoke('case.save', { path: path.join(lone.dir, 'x.signinscope') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await strict.invoke('export.rows', { ...exportReq(file), overwrite: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  function exportReq(p: string) {
    return { filter: { conditions: [] }, columns: ['user_principal_name'], format: 'csv', path: p };
  }
});
