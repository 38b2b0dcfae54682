// The journal and autosave through the engine, as the app uses them: changes survive without a
// save, replay is idempotent, a torn last line is dropped, autosave empties the journal, a stale
// journal (crash between autosave's rename and the journal reset) replays nothing, and an unsaved
// case comes back from the recovery folder.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCase } from '../../../main/cases/case-store';
import { Engine } from '../../../main/engine/engine';
import { tempDir } from '../../helpers/temp-files';
import { fixtureCase, fixtureRecords } from './fixture-case';
import { all, scalar } from '../../helpers/sql';

const tmp = tempDir();
const previousCache = process.env.SIGNINSCOPE_CACHE;
beforeAll(() => (process.env.SIGNINSCOPE_CACHE = path.join(tmp.dir, 'cache')));
afterAll(() => (process.env.SIGNINSCOPE_CACHE = previousCache));

const engines: Engine[] = [];
async function engine(): Promise<Engine> {
  const e = await Engine.create();
  engines.push(e);
  return e;
}
afterAll(() => engines.forEach((e) => e.keeper.dispose()));

async function savedCase(name: string): Promise<string> {
  const { caseDb } = await fixtureCase(tmp.dir, { rows: 40 });
  const file = path.join(tmp.dir, name);
  await saveCase(caseDb, file);
  caseDb.close();
  return file;
}

/** Annotations as comparable rows (ids aside), and the activity log's actions. */
function state(e: Engine) {
  return {
    annotations: all(e.db, 'SELECT kind, target_type, rid, target_key, tag, note, uid, author, created_ms FROM annotations ORDER BY kind, target_type, rid, target_key, tag, uid'),
    activity: all(e.db, "SELECT action, time FROM activity_log WHERE action NOT IN ('open', 'recover', 'save') ORDER BY id"),
  };
}

async function annotate(e: Engine) {
  await e.handle('annotations.tag', { scope: { rids: [1, 2, 3] }, tags: ['suspicious'] });
  await e.handle('annotations.tag', { scope: { filter: { conditions: [{ column: 'user_principal_name', op: 'eq', values: ['user1@northwind.example'] }] } }, tags: ['IOC'] });
  await e.handle('annotations.note', { target: { type: 'ip', key: '198.51.100.4' }, text: 'hosting provider' });
  await e.handle('annotations.star', { target: { type: 'signin', rid: 5 }, starred: true });
  await e.handle('views.save', {
    name: 'Failures',
    filter: { conditions: [{ column: 'status', op: 'eq', values: ['Failure'] }] },
    columns: ['created_at', 'status'],
    sort: { column: 'created_at', dir: 'desc' },
  });
}

describe('journal', () => {
  it('replays changes that were never saved, once, however often the case is reopened', async () => {
    const file = await savedCase('replay.signinscope');
    const first = await engine();
    await first.handle('case.open', { path: file });
    await annotate(first);
    const expected = state(first);
    expect(expected.annotations.length).toBeGreaterThan(5);

    const second = await engine();
    await second.handle('case.open', { path: file });
    expect((await second.handle('recovery.status', {})).lastRecovery).toMatchObject({ annotations: 5, failed: 0 });
    expect(state(second)).toEqual(expected);
    expect(await second.handle('views.list', {})).toMatchObject([{ name: 'Failures', columns: ['created_at', 'status'] }]);

    const third = await engine(); // the second never saved: the same entries replay again, nothing doubles
    await third.handle('case.open', { path: file });
    expect(state(third)).toEqual(expected);

    await third.handle('case.save', {});
    expect(readFileSync(file + '.journal', 'utf8')).toBe('');
    const fourth = await engine();
    await fourth.handle('case.open', { path: file });
    expect((await fourth.handle('recovery.status', {})).lastRecovery).toBeNull();
    expect(state(fourth)).toEqual(expected);
  });

  it('drops a torn last line and appends cleanly after it', async () => {
    const file = await savedCase('torn.signinscope');
    const e = await engine();
    await e.handle('case.open', { path: file });
    await e.handle('annotations.tag', { scope: { rids: [7] }, tags: ['benign'] });
    appendFileSync(file + '.journal', '{"seq":99,"op":{"type":"tag","scope":{"rids":[8]},"ta'); // the crash hit mid-write

    const after = await engine();
    await after.handle('case.open', { path: file });
    expect(all(after.db, 'SELECT rid, tag FROM annotations')).toEqual([[7, 'benign']]);
    await after.handle('annotations.tag', { scope: { rids: [9] }, tags: ['benign'] });
    const lines = readFileSync(file + '.journal', 'utf8')
      .trim()
      .split('\n');
    expect(lines.map((l) => JSON.parse(l).op.action ?? JSON.parse(l).op.type)).toEqual(['open', 'tag', 'recover', 'open', 'tag']);
  });

  it('autosave writes the case and empties the journal; a journal left by a crash after the rename replays nothing', async () => {
    const file = await savedCase('autosave.signinscope');
    const e = await engine();
    await e.handle('case.open', { path: file });
    await annotate(e);
    const journal = readFileSync(file + '.journal', 'utf8');
    await e.keeper.autosave();
    expect(readFileSync(file + '.journal', 'utf8')).toBe('');
    expect((await e.handle('case.info', {})).dirty).toBe(false);
    writeFileSync(file + '.journal', journal); // as if the crash came between the rename and the reset

    const reopened = await engine();
    await reopened.handle('case.open', { path: file });
    expect((await reopened.handle('recovery.status', {})).lastRecovery).toBeNull();
    expect(state(reopened)).toEqual(state(e));
  });

  it('saves the imported rows before journaling an annotation on them; the unsaved case is recoverable', async () => {
    const e = await engine();
    await e.handle('case.new', {});
    const evidence = tmp.write('new-case.json', JSON.stringify({ value: fixtureRecords({ rows: 30 }) }));
    await e.handle('import.start', { paths: [evidence] });
    while (e.jobs.running('import')) await new Promise((r) => setTimeout(r, 20));
    await e.handle('annotations.note', { target: { type: 'signin', rid: 3 }, text: 'first sign-in from the new device' });
    const id = e.keeper.unsavedId()!;
    expect(existsSync(path.join(tmp.dir, 'cache', 'recovery', `${id}.signinscope`))).toBe(true);

    const later = await engine();
    expect((await later.handle('recovery.list', {})).map((r) => r.id)).toContain(id);
    expect(await later.handle('recovery.open', { id })).toMatchObject({ lastRecovery: { annotations: 1 } });
    expect(scalar(later.db, 'SELECT count(*) FROM signin_data')).toBe(30);
    expect(all(later.db, "SELECT rid, note FROM annotations WHERE kind = 'note'")).toEqual([[3, 'first sign-in from the new device']]);

    // saved under a name, it leaves the recovery folder
    await later.handle('case.save', { path: path.join(tmp.dir, 'named.signinscope') });
    expect((await later.handle('recovery.list', {})).map((r) => r.id)).not.toContain(id);
  });
});
