// Free text over a case large enough for both of the search's SQL shapes (a list of row ids when few
// rows match, a test per column when many do) and for in-memory codes wider than one byte: every
// search must keep exactly the rows the brute force keeps, also after the case grows.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDb } from '../../../main/db/case-db';
import { STORED_COLUMNS } from '../../../main/db/schema';
import { buildWhere } from '../../../main/query/filters';
import { SnapshotStore } from '../../../main/query/snapshot';
import type { FilterSpec } from '../../../shared/model/filter-spec';
import { matchingRids, type Row } from './helpers/brute-force';
import { allRows } from './helpers/graph-fixture';
import { buildSyntheticCase } from './helpers/synthetic-case';

let caseDb: CaseDb;
let rows: Row[];

/** Rows whose user agent is unique (more distinct values than two bytes hold) and whose device name repeats. */
function addRareAgents(count: number): void {
  const at = (c: string) => STORED_COLUMNS.indexOf(c);
  const insert = caseDb.prepareWrite(`INSERT INTO signin_data (${STORED_COLUMNS.join(',')}) VALUES (${STORED_COLUMNS.map(() => '?').join(',')})`);
  caseDb.transaction(() => {
    for (let i = 0; i < count; i++) {
      const row: (string | number | null)[] = new Array(STORED_COLUMNS.length).fill(null);
      row[at('created_ms')] = Date.UTC(2025, 1, 1) + i * 1000;
      row[at('id')] = `rare-${i}`;
      row[at('user_agent_k')] = caseDb.strings.intern(`RareAgent/${i} (probe)`);
      row[at('device_name_k')] = caseDb.strings.intern(`HOST-${i % 500}`);
      insert.run(row);
    }
  });
  insert.free();
}

const search = (text: string) => {
  const w = buildWhere(caseDb, { conditions: [], text });
  const rids = caseDb.rows(`SELECT d.rid AS rid FROM signin_data d WHERE ${w.sql} ORDER BY d.rid`, w.params, { rid: 'num' }).map((r) => r.rid);
  return { sql: w.sql, rids };
};

const brute = (text: string) => matchingRids(rows, { conditions: [], text } as FilterSpec);

beforeAll(async () => {
  caseDb = await buildSyntheticCase(12_000);
  rows = allRows(caseDb);
}, 120_000);

describe('free text on a larger case', () => {
  const texts = ['agent 29', 'AGENT 1', 'mozilla', 'user17@', 'User 3', 'teams', '2001:db8', '10.1.', 'DE', 'contoso.com', 'nothing like this'];

  it.each(texts)('"%s" keeps the rows the brute force keeps', (text) => {
    expect(search(text).rids).toEqual(brute(text));
  });

  it('exercises both SQL shapes', () => {
    const shapes = texts.map((t) => search(t).sql);
    expect(shapes.some((sql) => sql.includes('d.rid'))).toBe(true); // few rows: their ids
    expect(shapes.some((sql) => sql.includes('d.user_agent_k') && !sql.includes('d.rid'))).toBe(true); // many rows: column tests
  });

  it('the grid count equals the brute force', () => {
    for (const text of ['agent 29', 'mozilla']) {
      expect(new SnapshotStore().create(caseDb, { conditions: [], text }, { column: 'created_at', dir: 'desc' }).matching).toBe(brute(text).length);
    }
  });
});

describe('after the case grows', () => {
  beforeAll(() => {
    expect(search('rareagent').rids).toEqual([]); // built before the new rows
    addRareAgents(70_000); // > 65,535 distinct user agents: the in-memory codes widen to four bytes
    rows = allRows(caseDb);
  }, 120_000);

  it.each(['RareAgent/69999 ', 'rareagent/4242', 'agent/1234', '(probe)', 'host-49', 'agent 29'])('"%s" keeps the rows the brute force keeps', (text) => {
    expect(search(text).rids).toEqual(brute(text));
  });
});
