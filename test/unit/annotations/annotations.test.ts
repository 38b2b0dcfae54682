// Annotations on a real (small) case: bulk tagging by filter and by selection, the tags filter of the
// query layer, sliced bulk jobs, notes and stars, listing, and the append-only activity log.
import { describe, expect, it } from 'vitest';
import { listActivity } from '../../../main/annotations/activity-log';
import { applyFilterTagInSlices, type FilterTagOp } from '../../../main/annotations/bulk-tag';
import { listAnnotations, marksOfRids, tagsInUse } from '../../../main/annotations/list';
import { applyOp } from '../../../main/annotations/ops';
import type { CaseDb } from '../../../main/db/case-db';
import { buildWhere } from '../../../main/query/filters';
import type { FilterSpec } from '../../../shared/model/filter-spec';
import { tempDir } from '../../helpers/temp-files';
import { fixtureCase, rids } from './fixture-case';
import { scalar } from '../../helpers/sql';

const tmp = tempDir();
const stamp = { author: 'analyst', at: Date.UTC(2025, 5, 1) };

function filterRids(caseDb: CaseDb, filter: FilterSpec): number[] {
  const where = buildWhere(caseDb, filter);
  return rids(caseDb, `SELECT d.rid FROM signin_data d WHERE ${where.sql} ORDER BY d.rid`, where.params);
}

const maxRid = (caseDb: CaseDb) => Number(scalar(caseDb, 'SELECT max(rid) FROM signin_data'));
const failuresOfUser1: FilterSpec = {
  conditions: [
    { column: 'user_principal_name', op: 'eq', values: ['user1@northwind.example'] },
    { column: 'status', op: 'eq', values: ['Failure'] },
  ],
};
const user1: FilterSpec = { conditions: [{ column: 'user_principal_name', op: 'eq', values: ['user1@northwind.example'] }] };

describe('tags', () => {
  it('tags exactly the rows of a filter, and the tags filter finds them again', async () => {
    const { caseDb } = await fixtureCase(tmp.dir);
    const expected = filterRids(caseDb, user1);
    expect(expected.length).toBeGreaterThan(10);
    const result = applyOp(caseDb, { type: 'tag', scope: { filter: user1, maxRid: maxRid(caseDb) }, tags: ['suspicious', 'IOC'], ...stamp });
    expect(result).toEqual({ matched: expected.length, changed: expected.length * 2 });
    expect(Number(scalar(caseDb, "SELECT count(*) FROM annotations WHERE tag = 'suspicious'"))).toBe(expected.length);
    expect(filterRids(caseDb, { conditions: [], tags: ['suspicious'] })).toEqual(expected);
    // combined with another condition, and with a tag nobody has
    expect(filterRids(caseDb, { ...failuresOfUser1, tags: ['IOC'] })).toEqual(filterRids(caseDb, failuresOfUser1));
    expect(filterRids(caseDb, { conditions: [], tags: ['benign'] })).toEqual([]);
    // tagging again adds nothing
    expect(applyOp(caseDb, { type: 'tag', scope: { filter: user1, maxRid: maxRid(caseDb) }, tags: ['suspicious'], ...stamp }).changed).toBe(0);
  });

  it('untags a selection; rows outside the case are not tagged', async () => {
    const { caseDb } = await fixtureCase(tmp.dir);
    const all = rids(caseDb, 'SELECT rid FROM signin_data ORDER BY rid');
    expect(applyOp(caseDb, { type: 'tag', scope: { rids: [...all.slice(0, 10), 999_999] }, tags: ['needs-review'], ...stamp })).toEqual({ matched: 10, changed: 10 });
    expect(applyOp(caseDb, { type: 'untag', scope: { rids: all.slice(0, 4) }, tags: ['needs-review'], ...stamp })).toEqual({ matched: 4, changed: 4 });
    expect(filterRids(caseDb, { conditions: [], tags: ['needs-review'] })).toEqual(all.slice(4, 10));
  });

  it('a filter tag remembers the rows it covered: rows imported later are not tagged by a replay', async () => {
    const { caseDb } = await fixtureCase(tmp.dir);
    const covered = maxRid(caseDb) - 20;
    applyOp(caseDb, { type: 'tag', scope: { filter: user1, maxRid: covered }, tags: ['benign'], ...stamp });
    expect(filterRids(caseDb, { conditions: [], tags: ['benign'] })).toEqual(filterRids(caseDb, user1).filter((r) => r <= covered));
  });

  it('sliced bulk jobs tag what one statement tags; a cancelled job records how far it got', async () => {
    const { caseDb } = await fixtureCase(tmp.dir, { rows: 300 });
    const op = (tag: string): FilterTagOp => ({ type: 'tag', scope: { filter: failuresOfUser1, maxRid: maxRid(caseDb) }, tags: [tag], ...stamp });
    applyOp(caseDb, op('one'));
    const matched = filterRids(caseDb, failuresOfUser1).length;
    const sliced = await applyFilterTagInSlices(caseDb, op('sliced'), { sliceRids: 7, matched });
    expect(sliced.result).toEqual({ matched, changed: matched });
    expect(filterRids(caseDb, { conditions: [], tags: ['sliced'] })).toEqual(filterRids(caseDb, { conditions: [], tags: ['one'] }));

    const abort = new AbortController();
    const partial = await applyFilterTagInSlices(caseDb, op('partial'), { sliceRids: 50, signal: abort.signal, onProgress: (done) => done >= 100 && abort.abort() });
    expect(partial.op.scope.maxRid).toBeLessThan(maxRid(caseDb));
    const tagged = filterRids(caseDb, { conditions: [], tags: ['partial'] });
    expect(tagged).toEqual(filterRids(caseDb, failuresOfUser1).filter((r) => r <= partial.op.scope.maxRid));
    expect(tagged.length).toBe(partial.result.changed);
    // the recorded operation, replayed, changes nothing more
    expect(applyOp(caseDb, partial.op).changed).toBe(0);
  });
});

describe('notes, stars and listing', () => {
  it('keeps notes by uid, one star per target, normalized user keys; lists, marks and counts them', async () => {
    const { caseDb } = await fixtureCase(tmp.dir);
    const [a, b] = rids(caseDb, 'SELECT rid FROM signin_data ORDER BY rid LIMIT 2') as [number, number];
    applyOp(caseDb, { type: 'note', target: { type: 'signin', rid: a }, uid: 'n1', text: 'first password spray attempt', ...stamp });
    applyOp(caseDb, { type: 'note', target: { type: 'signin', rid: a }, uid: 'n1', text: 'first password spray attempt', ...stamp }); // replayed: no twin
    applyOp(caseDb, { type: 'note', target: { type: 'user', key: 'User2@Northwind.example' }, uid: 'n2', text: 'on leave', ...stamp });
    applyOp(caseDb, { type: 'star', target: { type: 'signin', rid: a }, starred: true, ...stamp });
    applyOp(caseDb, { type: 'star', target: { type: 'signin', rid: a }, starred: true, ...stamp });
    applyOp(caseDb, { type: 'tag', scope: { target: { type: 'ip', key: '198.51.100.7' } }, tags: ['IOC'], ...stamp });
    applyOp(caseDb, { type: 'tag', scope: { target: { type: 'signin', rid: b } }, tags: ['benign'], ...stamp });

    const all = listAnnotations(caseDb, { offset: 0, limit: 100 });
    expect(all.total).toBe(5);
    const userNote = listAnnotations(caseDb, { target: { type: 'user', key: 'USER2@northwind.example' }, offset: 0, limit: 10 });
    expect(userNote.items.map((i) => [i.kind, i.note, i.author])).toEqual([['note', 'on leave', 'analyst']]);
    const signinNotes = listAnnotations(caseDb, { kind: 'note', targetType: 'signin', offset: 0, limit: 10 });
    expect(signinNotes.items[0]).toMatchObject({ uid: 'n1', target: { type: 'signin', rid: a }, signin: { user: expect.stringContaining('@northwind.example') } });
    expect(listAnnotations(caseDb, { tag: 'IOC', offset: 0, limit: 10 }).items[0]?.target).toEqual({ type: 'ip', key: '198.51.100.7' });
    expect(listAnnotations(caseDb, { offset: 4, limit: 10 }).items).toHaveLength(1); // paging

    expect(marksOfRids(caseDb, [b, a, 424242])).toEqual([
      { rid: b, tags: ['benign'], starred: false, notes: 0 },
      { rid: a, tags: [], starred: true, notes: 1 },
    ]);
    expect(tagsInUse(caseDb).used).toEqual([
      { tag: 'IOC', signins: 0, others: 1 },
      { tag: 'benign', signins: 1, others: 0 },
    ]);

    applyOp(caseDb, { type: 'star', target: { type: 'signin', rid: a }, starred: false, ...stamp });
    expect(applyOp(caseDb, { type: 'deleteNote', uid: 'n1', ...stamp }).changed).toBe(1);
    expect(marksOfRids(caseDb, [a])).toEqual([]);
  });

  it('logs each change with author and time; the log refuses updates and deletions', async () => {
    const { caseDb } = await fixtureCase(tmp.dir, { rows: 10 });
    applyOp(caseDb, { type: 'tag', scope: { rids: [1, 2] }, tags: ['suspicious'], ...stamp });
    applyOp(caseDb, { type: 'untag', scope: { rids: [1] }, tags: ['suspicious'], ...stamp });
    const log = listActivity(caseDb, { offset: 0, limit: 10 });
    expect(log.items.map((e) => [e.action, e.author, e.time])).toEqual([
      ['untag', 'analyst', new Date(stamp.at).toISOString()],
      ['annotate', 'analyst', new Date(stamp.at).toISOString()],
    ]);
    expect(log.items[1]?.details).toMatchObject({ selection: 2, tags: ['suspicious'], matched: 2, changed: 2 });
    expect(() => caseDb.run("UPDATE activity_log SET author = 'someone else'")).toThrow(/append-only/);
    expect(() => caseDb.run('DELETE FROM activity_log')).toThrow(/append-only/);
    expect(listActivity(caseDb, { offset: 0, limit: 10 }).total).toBe(2);
  });
});
