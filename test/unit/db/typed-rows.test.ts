import { describe, expect, it } from 'vitest';
import { CaseDb } from '../../../main/db/case-db';
import { NUM, NUM_NULL, RowTypeError, STR, STR_NULL } from '../../../main/db/row-spec';

describe('CaseDb typed rows', () => {
  it('returns named, typed columns and checks their kinds', async () => {
    const db = await CaseDb.create();
    db.exec('CREATE TABLE t (a INTEGER, b TEXT, c TEXT)');
    db.run('INSERT INTO t VALUES (?, ?, ?), (?, ?, ?)', [1, 'x', null, 2, 'y', 'z']);
    expect(db.rows('SELECT a, b, c FROM t ORDER BY a', [], { a: NUM, b: STR, c: STR_NULL })).toEqual([
      { a: 1, b: 'x', c: null },
      { a: 2, b: 'y', c: 'z' },
    ]);
    expect(db.first('SELECT a, b FROM t WHERE a = ?', [2], { b: STR })).toEqual({ b: 'y' });
    expect(db.first('SELECT a FROM t WHERE a = 9', [], { a: NUM })).toBeUndefined();
    expect(db.value('SELECT max(a) FROM t', [], NUM)).toBe(2);
    expect(db.value('SELECT sum(a) FROM t WHERE a > 5', [], NUM_NULL)).toBeNull();
    expect(() => db.rows('SELECT c FROM t', [], { c: STR })).toThrow(RowTypeError);
    expect(() => db.rows('SELECT b FROM t', [], { b: NUM })).toThrow(/column b: string where num/);
    expect(() => db.rows('SELECT a FROM t', [], { nope: NUM })).toThrow(/column nope is not in the result/);
    db.close();
  });

  it('has a data version that goes up on every change and never down', async () => {
    const db = await CaseDb.create();
    const v0 = db.version;
    db.exec('CREATE TABLE t (a)');
    const v1 = db.version;
    db.run('INSERT INTO t VALUES (1)');
    const v2 = db.version;
    db.strings.intern('new text');
    const v3 = db.version;
    db.rows('SELECT a FROM t', [], { a: NUM });
    expect([v0 < v1, v1 < v2, v2 < v3, db.version === v3]).toEqual([true, true, true, true]);
    const w = db.prepareWrite('INSERT INTO t VALUES (?)');
    w.run([2]);
    w.free();
    expect(db.version).toBeGreaterThan(v3);
    db.close();
  });

  it('rolls a failed transaction back', async () => {
    const db = await CaseDb.create();
    db.exec('CREATE TABLE t (a)');
    expect(() =>
      db.transaction(() => {
        db.run('INSERT INTO t VALUES (1)');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.value('SELECT count(*) FROM t', [], NUM)).toBe(0);
    expect(db.hasTable('t')).toBe(true);
    expect(db.hasTable('nope')).toBe(false);
    db.close();
  });

  it('writes scratch tables without moving the data version, and only temp ones', async () => {
    const db = await CaseDb.create();
    const v = db.version;
    db.scratch('CREATE TABLE IF NOT EXISTS temp.work (n INTEGER)');
    db.scratch('INSERT INTO temp.work VALUES (?)', [1]);
    expect(db.value('SELECT count(*) FROM temp.work', [], NUM)).toBe(1);
    expect(db.version).toBe(v);
    expect(() => db.scratch('DELETE FROM case_meta')).toThrow(/temp/);
    db.close();
  });
});
