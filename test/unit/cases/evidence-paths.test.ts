// A case's sources.path is read only when it is a regular file matching the manifest; FIFOs, devices
// and directories are refused at once (in a case or given to import), never read.
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEvidence, relocateEvidence } from '../../../main/cases/evidence-check';
import { readJournal } from '../../../main/cases/journal';
import { getRecord } from '../../../main/query/record';
import { graphSignin } from '../../helpers/graph-records';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';
import { scalar } from '../../helpers/sql';

const tmp = tempDir();

function fifo(name: string): string {
  const file = path.join(tmp.dir, name);
  execFileSync('mkfifo', [file]);
  return file;
}

async function caseWithEvidence(name: string) {
  const evidence = tmp.write(name, [JSON.stringify(graphSignin()), JSON.stringify(graphSignin({ id: 'second-request' }))].join('\n'));
  const { caseDb } = await importIntoNewCase([evidence]);
  return { caseDb, evidence };
}

describe('evidence paths of a case', () => {
  // The safety net is the test timeout: opening a FIFO for reading would otherwise wait for a writer forever.
  it.each([
    ['a FIFO', () => fifo('pipe.jsonl'), /FIFO \(named pipe\), not a regular file/],
    ['/dev/zero', () => '/dev/zero', /character device, not a regular file/],
    ['a directory', () => tmp.dir, /directory, not a regular file/],
  ])(
    'sources.path pointing at %s is refused without reading it',
    async (_what, target, message) => {
      const { caseDb } = await caseWithEvidence(`for-${_what.replace(/\W/g, '')}.jsonl`);
      caseDb.run('UPDATE sources SET path = ?', [target()]);
      const record = await getRecord(caseDb, 1);
      expect(record.raw).toBeNull();
      expect(record.rawNote).toMatch(/^evidence missing or changed/);
      expect(record.rawNote).toMatch(message);
      expect(record.rawLocate).toBe(1);
      const [check] = await checkEvidence(caseDb);
      expect(check).toMatchObject({ state: 'missing', detail: expect.stringMatching(message) });
    },
    20_000,
  );

  it('a changed file of the same size is caught by its SHA-256, and the Raw view refuses it', async () => {
    const { caseDb, evidence } = await caseWithEvidence('same-size.jsonl');
    expect((await getRecord(caseDb, 1)).raw).toContain('"id": "');
    const text = String(execFileSync('cat', [evidence]));
    writeFileSync(evidence, text.replace('alexw@', 'eviln@'));
    const record = await getRecord(caseDb, 1);
    expect(record.raw).toBeNull();
    expect(record.rawNote).toMatch(/^evidence missing or changed: SHA-256 is [0-9a-f]{64}, [0-9a-f]{64} when imported/);
  });

  it('Locate accepts only a file whose size and SHA-256 match, then the Raw view reads it again', async () => {
    const { caseDb, evidence } = await caseWithEvidence('moving.jsonl');
    const moved = path.join(tmp.dir, 'moved-away', 'moving.jsonl');
    mkdirSync(path.dirname(moved));
    renameSync(evidence, moved);
    expect((await getRecord(caseDb, 2)).rawLocate).toBe(1);
    const impostor = tmp.write('impostor.jsonl', JSON.stringify(graphSignin()));
    await expect(relocateEvidence(caseDb, 1, impostor)).rejects.toThrow(/not the evidence file that was imported: size is/);
    await expect(relocateEvidence(caseDb, 1, fifo('locate-pipe'))).rejects.toThrow(/FIFO/);
    const copy = path.join(tmp.dir, 'copy.jsonl');
    copyFileSync(moved, copy);
    appendFileSync(copy, ' ');
    await expect(relocateEvidence(caseDb, 1, copy)).rejects.toThrow(/size is/);
    expect(await relocateEvidence(caseDb, 1, moved)).toMatchObject({ state: 'ok', path: moved });
    expect(scalar(caseDb, 'SELECT path FROM sources WHERE id = 1')).toBe(moved);
    const record = await getRecord(caseDb, 2);
    expect(record.rawNote).toBeNull();
    expect(record.raw).toContain('second-request');
  });
});

describe('import of something that is not a regular file', () => {
  it.each([
    ['a FIFO', () => fifo('import-pipe.json')],
    ['/dev/zero', () => '/dev/zero'],
    ['a directory', () => tmp.dir],
  ])(
    '%s is refused at once with an error naming what it is',
    async (_what, target) => {
      const { summary } = await importIntoNewCase([target()]);
      expect(summary.files[0]).toMatchObject({ status: 'unusable', imported: 0 });
      expect(summary.files[0]!.firstIssues?.[0]?.message ?? '').toMatch(/not a regular file: refused without reading it/);
    },
    20_000,
  );
});

describe('a journal next to a case', () => {
  it('is read only if it is a regular file: a FIFO is refused at once', async () => {
    await expect(readJournal(fifo('handed-over.signinscope.journal'))).rejects.toThrow(/FIFO \(named pipe\), not a regular file/);
    expect(await readJournal(path.join(tmp.dir, 'absent.journal'))).toEqual({ entries: [], corrupt: 0, tornBytes: 0 });
  }, 20_000);
});
