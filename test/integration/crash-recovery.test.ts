// Crash recovery for real: a child process opens a case and annotates it through the engine (autosave
// every 50 ms), acknowledging each channel call that returned; it is killed with SIGKILL at a random
// moment, in the middle of an autosave (before and after the case file's rename) and, for a case
// never saved, after its first autosave to the recovery folder. Reopening must show every
// acknowledged annotation, once.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCase } from '../../main/cases/case-store';
import { Engine } from '../../main/engine/engine';
import { tempDir } from '../helpers/temp-files';
import { fixtureCase, fixtureRecords } from '../unit/annotations/fixture-case';
import { all, scalar } from '../helpers/sql';

const ROOT = path.resolve(__dirname, '../..');
const tmp = tempDir('signinscope-crash-');
const CACHE = path.join(tmp.dir, 'cache');
const previousCache = process.env.SIGNINSCOPE_CACHE;
let caseFile: string;
let evidence: string;

beforeAll(async () => {
  process.env.SIGNINSCOPE_CACHE = CACHE;
  const { caseDb } = await fixtureCase(tmp.dir, { rows: 100 });
  caseFile = path.join(tmp.dir, 'crash.signinscope');
  await saveCase(caseDb, caseFile);
  caseDb.close();
  evidence = tmp.write('unsaved.json', JSON.stringify({ value: fixtureRecords({ rows: 100 }) }));
});
afterAll(() => (process.env.SIGNINSCOPE_CACHE = previousCache));

// The child: annotations of three kinds, each acknowledged on stdout (synchronously) once its call
// returned. In the autosave modes, renaming the case file announces itself and then hangs (after the
// rename, or instead of it) so the kill lands inside the autosave.
const CHILD = `
require('tsx/cjs');
const fs = require('node:fs');
const { Engine } = require(process.env.ROOT + '/main/engine/engine.ts');
const mode = process.env.CRASH_MODE, run = process.env.RUN;
const say = (s) => fs.writeSync(1, s + '\\n');
let acks = 0;
if (mode === 'before-rename' || mode === 'after-rename') {
  const rename = fs.promises.rename;
  fs.promises.rename = async (from, to) => {
    if (acks < 5 || !String(to).endsWith('.signinscope')) return rename(from, to); // armed once a few calls returned
    if (mode === 'after-rename') await rename(from, to);
    say('AUTOSAVE');
    await new Promise(() => {});
  };
}
(async () => {
  const engine = await Engine.create();
  if (mode === 'unsaved') {
    await engine.handle('case.new', {});
    await engine.handle('import.start', { paths: [process.env.EVIDENCE] });
    while (engine.jobs.running('import')) await new Promise((r) => setTimeout(r, 10));
    say('ID ' + engine.keeper.unsavedId());
  } else {
    await engine.handle('case.open', { path: process.env.CASE });
  }
  say('READY');
  for (let i = 1; ; i++) {
    const rid = 1 + (i % 100);
    if (i % 3 === 0) await engine.handle('annotations.tag', { scope: { rids: [rid] }, tags: [run + '-t' + i] });
    else if (i % 3 === 1) await engine.handle('annotations.note', { target: { type: 'signin', rid }, text: run + '-n' + i });
    else await engine.handle('annotations.tag', { scope: { target: { type: 'ip', key: '198.51.100.' + (i % 250) } }, tags: [run + '-x' + i] });
    say('ACK ' + i);
    acks++;
  }
})().catch((e) => { say('ERROR ' + e.stack); process.exit(1); });
`;

type Mode = 'random' | 'before-rename' | 'after-rename' | 'unsaved';

interface ChildRun {
  acked: number[];
  unsavedId: string | null;
  killedAfterMs: number | null;
  sawAutosave: boolean;
}

/** Runs the child until the kill condition, then SIGKILLs it. */
function crashChild(mode: Mode, run: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CHILD], {
      cwd: ROOT,
      env: { ...process.env, ROOT, CASE: caseFile, EVIDENCE: evidence, CRASH_MODE: mode, RUN: run, SIGNINSCOPE_AUTOSAVE_MS: '50', SIGNINSCOPE_CACHE: CACHE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result: ChildRun = { acked: [], unsavedId: null, killedAfterMs: null, sawAutosave: false };
    const kill = () => child.kill('SIGKILL');
    const guard = setTimeout(() => {
      kill();
      reject(new Error(`child (${mode}) never reached its kill point`));
    }, 45_000);
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('ACK ')) {
          result.acked.push(Number(line.slice(4)));
          if (mode === 'random' && result.acked.length === 1) {
            result.killedAfterMs = Math.floor(Math.random() * 500); // after the first acknowledgement
            setTimeout(kill, result.killedAfterMs);
          }
          // in the unsaved mode, wait for some annotations (the first one autosaved the imported rows)
          if (mode === 'unsaved' && result.acked.length === 12) kill();
        } else if (line.startsWith('ID ')) result.unsavedId = line.slice(3);
        else if (line === 'AUTOSAVE') {
          result.sawAutosave = true;
          kill();
        } else if (line.startsWith('ERROR')) reject(new Error(line + stderr));
      }
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') reject(new Error(`child (${mode}) exited by itself: ${stderr}`));
      else resolve(result);
    });
  });
}

/** Opens the case (or the recovered unsaved case) in a fresh engine and checks the acknowledged work. */
async function expectRecovered(run: string, child: ChildRun): Promise<void> {
  const engine = await Engine.create();
  try {
    if (child.unsavedId) await engine.handle('recovery.open', { id: child.unsavedId });
    else await engine.handle('case.open', { path: caseFile });
    const tags = new Set(all(engine.db, 'SELECT tag FROM annotations WHERE tag IS NOT NULL').map((r) => String(r[0])));
    const notes = all(engine.db, "SELECT note, count(*) FROM annotations WHERE kind = 'note' GROUP BY note").map(([note, n]) => [String(note), Number(n)] as const);
    const noteCounts = new Map(notes);
    const missing = child.acked.filter((i) => (i % 3 === 1 ? !noteCounts.has(`${run}-n${i}`) : !tags.has(`${run}-${i % 3 === 0 ? 't' : 'x'}${i}`)));
    const when = child.killedAfterMs === null ? 'at its kill point' : `${child.killedAfterMs} ms after the first acknowledgement`;
    expect(missing, `run ${run}, killed ${when}: acknowledged but lost`).toEqual([]);
    expect(notes.filter(([, n]) => n !== 1)).toEqual([]);
    // each change logged once: a replay that ran twice would log twice
    expect(Number(scalar(engine.db, "SELECT count(*) FROM activity_log WHERE action = 'note'"))).toBe(notes.length);
  } finally {
    engine.keeper.dispose(); // (the case stays open: its evidence check may still be running)
  }
}

describe('crash recovery', () => {
  it('keeps every acknowledged annotation when killed at random moments', async () => {
    for (const run of ['r1', 'r2', 'r3']) {
      const child = await crashChild('random', run);
      expect(child.acked.length).toBeGreaterThan(0);
      await expectRecovered(run, child);
    }
  });

  it('keeps them when killed in the middle of an autosave, before or after the rename', async () => {
    for (const mode of ['before-rename', 'after-rename'] as const) {
      const child = await crashChild(mode, mode);
      expect(child.sawAutosave).toBe(true);
      expect(child.acked.length).toBeGreaterThan(0);
      await expectRecovered(mode, child);
    }
  });

  it('recovers a case that was never saved from the recovery folder', async () => {
    const child = await crashChild('unsaved', 'u');
    expect(child.unsavedId).toMatch(/^[0-9a-f-]{36}$/);
    await expectRecovered('u', child);
  });
});
