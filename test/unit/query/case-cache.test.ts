// Caches keyed on CaseDb.version: they serve the same object while nothing changes and recompute
// after any write (rows, strings, annotations, imports).
import { describe, expect, it } from 'vitest';
import { CaseDb } from '../../../main/db/case-db';
import { NUM } from '../../../main/db/row-spec';
import { changeTags } from '../../../main/annotations/tag-scope';
import { importFiles } from '../../../main/import/pipeline';
import { aggregate } from '../../../main/query/aggregate';
import { CaseMemo } from '../../../main/query/case-cache';
import { minuteRollup } from '../../../main/query/minute-rollup';
import { importedCase, makeRecords, tempDir, writeGraphFile } from './helpers/graph-fixture';

const rowCount = new CaseMemo((db) => ({ n: db.value('SELECT count(*) FROM t', [], NUM) }));

describe('CaseMemo on CaseDb.version', () => {
  it('serves the cached value between writes and recomputes after each kind of write', async () => {
    const db = await CaseDb.create();
    db.exec('CREATE TABLE t (a)');
    const first = rowCount.get(db);
    db.rows('SELECT a FROM t', [], { a: NUM }); // reads change nothing
    expect(rowCount.get(db)).toBe(first);
    db.run('INSERT INTO t VALUES (1)');
    expect(rowCount.get(db).n).toBe(1);
    const w = db.prepareWrite('INSERT INTO t VALUES (?)');
    w.run([2]);
    w.free();
    expect(rowCount.get(db).n).toBe(2);
    db.transaction(() => db.run('INSERT INTO t VALUES (3)'));
    expect(rowCount.get(db).n).toBe(3);
    const beforeString = rowCount.get(db);
    db.strings.intern('a new string'); // the dictionary grows: a change too
    const afterString = rowCount.get(db);
    expect(afterString).not.toBe(beforeString);
    db.scratch('CREATE TABLE IF NOT EXISTS temp.work (n)'); // a request's working set is not a change
    expect(rowCount.get(db)).toBe(afterString);
    db.close();
  });

  it('refreshes the minute rollup after a second import into the same case', async () => {
    const dir = tempDir();
    const caseDb = await importedCase([writeGraphFile(dir, makeRecords(40, 3))]);
    const total = () => minuteRollup(caseDb)!.counts.reduce((a, n) => a + n, 0);
    expect(total()).toBe(caseDb.value('SELECT count(*) FROM signin_data WHERE created_ms IS NOT NULL', [], NUM));
    const before = total();
    await importFiles(caseDb, [
      writeGraphFile(
        dir,
        makeRecords(25, 99).map((r, i) => ({ ...r, id: `second-${i}` })),
      ),
    ]);
    expect(total()).toBe(caseDb.value('SELECT count(*) FROM signin_data WHERE created_ms IS NOT NULL', [], NUM));
    expect(total()).toBeGreaterThan(before);
    caseDb.close();
  });

  it('refreshes grouped results filtered on tags after a tag is added (no new rows or strings)', async () => {
    const dir = tempDir();
    const caseDb = await importedCase([writeGraphFile(dir, makeRecords(30, 5))]);
    const tagged = () => aggregate(caseDb, { filter: { conditions: [], tags: ['suspicious'] }, window: '24h', offset: 0, limit: 1000 }).rows.reduce((a, r) => a + r.count, 0);
    const stamp = { author: 'analyst', at: Date.UTC(2025, 5, 1) };
    changeTags(caseDb, 'tag', { rids: [1, 2] }, ['suspicious'], stamp);
    expect(tagged()).toBe(2);
    changeTags(caseDb, 'tag', { rids: [3] }, ['suspicious'], stamp);
    expect(tagged()).toBe(3);
    caseDb.close();
  });
});
