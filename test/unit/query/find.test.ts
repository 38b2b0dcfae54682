import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDb } from '../../../main/db/case-db';
import { findPositions, stepMatch } from '../../../main/query/find';
import { SnapshotStore } from '../../../main/query/snapshot';
import { allRows, importedCase, makeRecords, tempDir, writeGraphFile } from './helpers/graph-fixture';
import type { Row } from './helpers/brute-force';

let caseDb: CaseDb;
let rows: Row[];

beforeAll(async () => {
  caseDb = await importedCase([writeGraphFile(tempDir(), makeRecords(150))]);
  rows = allRows(caseDb);
});

/** Brute force: positions of the snapshot whose value (as text) contains `text`, ignoring ASCII case. */
function expectedPositions(rids: number[], text: string, columns: string[]): number[] {
  const needle = text.toLowerCase();
  const byRid = new Map(rows.map((r) => [Number(r.rid), r]));
  return rids.flatMap((rid, i) => (columns.some((c) => byRid.get(rid)![c] !== null && String(byRid.get(rid)![c]).toLowerCase().includes(needle)) ? [i] : []));
}

describe('find in a snapshot', () => {
  const store = new SnapshotStore();
  const snapshot = () => {
    const info = store.create(caseDb, { conditions: [{ column: 'status', op: 'in', values: ['Failure', 'Success'] }] }, { column: 'user_principal_name', dir: 'asc' });
    return { info, rids: Array.from(store.rids(caseDb, info.snapshotId)) };
  };

  it.each([
    ['teams', ['app_display_name', 'user_principal_name']],
    ['10.', ['ip_address']],
    ['500', ['status_code', 'app_display_name']],
    ['%', ['app_display_name', 'user_principal_name']],
  ])('"%s" in %j matches what a row-by-row scan finds, in snapshot order', (text, columns) => {
    const { rids } = snapshot();
    const got = Array.from(findPositions(caseDb, Int32Array.from(rids), text, columns));
    const expected = expectedPositions(rids, text, columns);
    expect(got).toEqual(expected);
    if (text !== '%') expect(got.length).toBeGreaterThan(0); // the fixture has such values: the test can fail
  });

  it('only searches the columns asked for, and skips time and yes/no columns', () => {
    const { rids } = snapshot();
    const appOnly = findPositions(caseDb, Int32Array.from(rids), 'teams', ['ip_address']);
    expect(appOnly.length).toBe(0);
    expect(findPositions(caseDb, Int32Array.from(rids), '20', ['created_at']).length).toBe(0);
  });

  it('steps forward and backward with wrap-around and a 1-based rank', () => {
    const positions = Int32Array.from([3, 7, 20]);
    expect(stepMatch(positions, -1, 'next')).toEqual({ count: 3, position: 3, ordinal: 1 });
    expect(stepMatch(positions, 3, 'next')).toEqual({ count: 3, position: 7, ordinal: 2 });
    expect(stepMatch(positions, 8, 'next')).toEqual({ count: 3, position: 20, ordinal: 3 });
    expect(stepMatch(positions, 20, 'next')).toEqual({ count: 3, position: 3, ordinal: 1 });
    expect(stepMatch(positions, 7, 'prev')).toEqual({ count: 3, position: 3, ordinal: 1 });
    expect(stepMatch(positions, 3, 'prev')).toEqual({ count: 3, position: 20, ordinal: 3 });
    expect(stepMatch(positions, 100, 'prev')).toEqual({ count: 3, position: 20, ordinal: 3 });
    expect(stepMatch(new Int32Array(0), 0, 'next')).toEqual({ count: 0, position: null, ordinal: null });
  });
});
