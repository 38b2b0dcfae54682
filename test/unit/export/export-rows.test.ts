// Exports of a real case with hostile cell text: CSV read back by a CSV parser, JSON, Timesketch
// JSONL; keyset paging (rows sharing a time, rows without one); cancellation leaves nothing behind.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { neutralize } from '../../../main/export/csv-cell';
import { exportRows } from '../../../main/export/export-rows';
import type { CaseDb } from '../../../main/db/case-db';
import type { FilterSpec } from '../../../shared/model/filter-spec';
import { tempDir } from '../../helpers/temp-files';
import { fixtureCase } from '../annotations/fixture-case';
import { all } from '../../helpers/sql';

const tmp = tempDir();
const HOSTILE_UA = 'Mozilla/5.0, "quoted"\nnext line =cmd';
let caseDb: CaseDb;

beforeAll(async () => {
  ({ caseDb } = await fixtureCase(tmp.dir, {
    rows: 57,
    override: (i) => ({
      ...(i === 0 ? { userPrincipalName: "=cmd|'/c calc'!A0@evil.example", userAgent: HOSTILE_UA } : {}),
      ...(i === 1 ? { appDisplayName: '@SUM(1+1)', userDisplayName: '-2+3' } : {}),
      ...(i === 2 ? { createdDateTime: undefined } : {}), // no readable time: exported last, skipped by Timesketch
      deviceDetail: { operatingSystem: 'Windows 10', browser: 'Edge', isCompliant: i % 2 === 0, isManaged: false },
    }),
  }));
});

const COLUMNS = ['created_at', 'user_principal_name', 'user_display_name', 'app_display_name', 'user_agent', 'status_code', 'latitude', 'is_compliant'];
const ALL: FilterSpec = { conditions: [] };
const file = (name: string) => path.join(tmp.dir, name);

/** The expected rows, straight from the `signins` view: time order, rows without a time last. */
function viewRows(filter = ALL): Record<string, unknown>[] {
  const where = filter === ALL ? '1' : "status = 'Failure'";
  return all(caseDb, `SELECT ${COLUMNS.join(', ')} FROM signins WHERE ${where} ORDER BY created_at IS NULL, created_at, rid`).map((r) =>
    Object.fromEntries(COLUMNS.map((c, i) => [c, c === 'is_compliant' && r[i] !== null ? r[i] === 1 : r[i]])),
  );
}

describe('export', () => {
  it('writes CSV with a BOM, CRLF records and neutralized, quoted cells that a CSV parser reads back', async () => {
    const summary = await exportRows(caseDb, { filter: ALL, columns: COLUMNS, format: 'csv', path: file('all.csv') });
    const bytes = readFileSync(file('all.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.startsWith(COLUMNS.join(',') + '\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const cell = (v: unknown) => (v === null ? '' : typeof v === 'string' ? neutralize(v) : String(v));
    expect(parsed.data.slice(1)).toEqual(viewRows().map((row) => COLUMNS.map((c) => cell(row[c]))));
    expect(summary).toMatchObject({ rows: 57, skipped: 0, bytes: bytes.length });
    const hostile = parsed.data.find((r) => r[1]!.includes('evil.example'))!;
    expect(hostile[1]).toBe("'=cmd|'/c calc'!A0@evil.example");
    expect(hostile[4]).toBe(HOSTILE_UA);
    expect(parsed.data.find((r) => r[3] === "'@SUM(1+1)")?.[2]).toBe("'-2+3");
  });

  it('pages by keyset without dropping or repeating rows that share a time', async () => {
    await exportRows(caseDb, { filter: ALL, columns: COLUMNS, format: 'csv', path: file('small-pages.csv') }, { pageSize: 3 });
    expect(readFileSync(file('small-pages.csv'))).toEqual(readFileSync(file('all.csv')));
  });

  it('writes JSON as an array of objects for the filter', async () => {
    const failures: FilterSpec = { conditions: [{ column: 'status', op: 'eq', values: ['Failure'] }] };
    await exportRows(caseDb, { filter: failures, columns: COLUMNS, format: 'json', path: file('failures.json') });
    const rows = JSON.parse(readFileSync(file('failures.json'), 'utf8')) as unknown[];
    expect(rows.length).toBeGreaterThan(5);
    expect(rows).toEqual(viewRows(failures));
  });

  it('writes Timesketch JSONL: message, ISO datetime, timestamp_desc and the columns, one event per line', async () => {
    const summary = await exportRows(caseDb, { filter: ALL, columns: ['user_principal_name', 'ip_address', 'status_code'], format: 'timesketch', path: file('events.jsonl') });
    const lines = readFileSync(file('events.jsonl'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const events = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(summary).toMatchObject({ rows: 56, skipped: 1 });
    const timed = all(caseDb, 'SELECT created_at, user_principal_name, status_code FROM signins WHERE created_at IS NOT NULL ORDER BY created_at, rid');
    expect(events.map((e) => [e.datetime, e.user_principal_name, e.status_code])).toEqual(timed);
    for (const e of events) {
      expect(e.timestamp_desc).toBe('Sign-in time');
      expect(new Date(e.datetime as string).toISOString()).toBe(e.datetime);
      expect(Object.keys(e)).toEqual(['message', 'datetime', 'timestamp_desc', 'user_principal_name', 'ip_address', 'status_code']);
    }
    const failure = events.find((e) => e.status_code === 50126 && String(e.user_principal_name).startsWith('user'))!;
    expect(failure.message).toMatch(/^Failure: user\d@northwind\.example to Office 365 Exchange Online from 198\.51\.100\.\d+ \w\w \(error 50126: Invalid username or password\.\)$/);
  });

  it('leaves neither the target nor a temp file when cancelled, and refuses unknown columns before writing', async () => {
    const abort = new AbortController();
    const run = exportRows(caseDb, { filter: ALL, columns: COLUMNS, format: 'json', path: file('cancelled.json') }, { pageSize: 5, signal: abort.signal, onProgress: () => abort.abort() });
    await expect(run).rejects.toThrow();
    expect(existsSync(file('cancelled.json'))).toBe(false);
    await expect(exportRows(caseDb, { filter: ALL, columns: ['created_at', 'password'], format: 'csv', path: file('bad.csv') })).rejects.toThrow(/unknown column/);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp') || f === 'bad.csv')).toEqual([]);
  });
});
