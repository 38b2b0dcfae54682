// Every engine query has a time limit: a query that runs out of it ends with a TIMEOUT message, the
// stuck engine worker is replaced, and the case is back open with every annotation.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../main/api/backend';
import { saveCase } from '../../main/cases/case-store';
import { graphSignin } from '../helpers/graph-records';
import { importIntoNewCase } from '../helpers/import-helpers';
import { tempDir } from '../helpers/temp-files';

const tmp = tempDir();
let backend: Backend | undefined;
afterAll(() => backend?.close());

/**
 * A crafted case whose string dictionary has no primary key and four million entries: every value the
 * `signins` view shows becomes a full scan, so reading one sign-in back takes tens of seconds.
 */
async function slowCase(): Promise<string> {
  const evidence = tmp.write('two.jsonl', [JSON.stringify(graphSignin()), JSON.stringify(graphSignin({ id: 'second-request' }))].join('\n'));
  const { caseDb } = await importIntoNewCase([evidence]);
  caseDb.exec(`
    DROP VIEW signins; DROP VIEW authentication_details; DROP VIEW conditional_access_results; DROP VIEW sessions;
    CREATE TABLE strings_slow (id INTEGER, value TEXT NOT NULL);
    WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 4000000) INSERT INTO strings_slow SELECT n + 10000000, 'filler' || n FROM r;
    INSERT INTO strings_slow SELECT id, value FROM strings;
    DROP TABLE strings; ALTER TABLE strings_slow RENAME TO strings;`);
  const file = path.join(tmp.dir, 'slow.signinscope');
  await saveCase(caseDb, file);
  caseDb.close();
  return file;
}

async function ok<T = any>(channel: string, req: unknown = {}): Promise<T> {
  const r = await backend!.invoke(channel, req);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe('engine time limit', () => {
  it('a runaway query ends with a message; the case stays open with its annotations', async () => {
    const file = await slowCase();
    process.env.SIGNINSCOPE_QUERY_TIMEOUT_MS = '1000';
    process.env.SIGNINSCOPE_CACHE = path.join(tmp.dir, 'cache');
    backend = await startBackend({ mode: 'test', readRoots: [tmp.dir], writeRoots: [tmp.dir] });
    delete process.env.SIGNINSCOPE_QUERY_TIMEOUT_MS;
    expect((await ok('case.open', { path: file })).signins).toBe(2);
    await ok('annotations.tag', { scope: { target: { type: 'signin', rid: 2 } }, tags: ['suspicious'] });

    const runaway = await backend.invoke('record.get', { rid: 1 });
    expect(runaway).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(runaway.ok ? '' : runaway.error.message).toMatch(/^The query \(record\.get\) ran longer than the 1 s limit and was stopped\. The case was reopened/);

    const info = await ok('case.info');
    expect(info).toMatchObject({ path: file, signins: 2 });
    expect((await ok('annotations.forRids', { rids: [1, 2] })).rows).toEqual([{ rid: 2, tags: ['suspicious'], starred: false, notes: 0 }]);
  }, 180_000);
});
