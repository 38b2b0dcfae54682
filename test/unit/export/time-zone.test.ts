// The analyst's time zone: saved in the case (validated on the way in and on reopen), stated in the
// CSV export as a column with each row's own DST offset, and in the report beside the UTC times.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import type { Engine } from '../../../main/engine/engine';
import { exportRows } from '../../../main/export/export-rows';
import { renderReport } from '../../../main/report/write-report';
import type { CaseDb } from '../../../main/db/case-db';
import { tempDir } from '../../helpers/temp-files';
import { engineOnCase, fixtureCase } from '../annotations/fixture-case';

const tmp = tempDir();
const NY = 'America/New_York';
let caseDb: CaseDb;
let engine: Engine;
let close: () => void;
let file: string;

beforeAll(async () => {
  // One winter and one summer sign-in: New York is at -05:00 for the first, -04:00 for the second.
  ({ caseDb } = await fixtureCase(tmp.dir, {
    rows: 2,
    override: (i) => ({ createdDateTime: i === 0 ? '2025-01-15T14:00:00.120Z' : '2025-07-15T14:00:00Z' }),
  }));
  file = path.join(tmp.dir, 'zone.signinscope');
  ({ engine, close } = await engineOnCase(caseDb, tmp.dir, file));
});
afterAll(() => close());

describe('case time zone', () => {
  it('is saved in the case and comes back on reopen', async () => {
    expect((await engine.handle('case.info', {})).timeZone).toBeUndefined();
    const info = await engine.handle('case.setTimeZone', { zone: NY });
    expect(info.timeZone).toBe(NY);
    expect(info.dirty).toBe(true);
    await engine.handle('case.save', {});
    await engine.handle('case.open', { path: file });
    expect((await engine.handle('case.info', {})).timeZone).toBe(NY);
  });

  it('refuses unknown zones at the contract, and ignores a crafted value in a case file', async () => {
    const req = contract['case.setTimeZone'].req;
    expect(req.safeParse({ zone: 'Mars/Olympus_Mons' }).success).toBe(false);
    expect(req.safeParse({ zone: '<img src=x>' }).success).toBe(false);
    expect(req.safeParse({ zone: 'local' }).success).toBe(true);
    engine.db.setMeta('time_zone', '"><script>');
    expect((await engine.handle('case.info', {})).timeZone).toBeUndefined();
  });
});

describe('exports state the zone', () => {
  it('adds a created_at column in the zone with each row’s own offset', async () => {
    const target = path.join(tmp.dir, 'zoned.csv');
    await exportRows(caseDb, { filter: { conditions: [] }, columns: ['created_at', 'user_principal_name'], format: 'csv', path: target, timeZone: NY });
    const parsed = Papa.parse<string[]>(readFileSync(target, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['created_at', `created_at (${NY})`, 'user_principal_name']);
    expect(parsed.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['2025-01-15T14:00:00.120Z', '2025-01-15T09:00:00.120-05:00'],
      ['2025-07-15T14:00:00.000Z', '2025-07-15T10:00:00.000-04:00'],
    ]);
  });

  it('leaves the export unchanged in UTC', async () => {
    const target = path.join(tmp.dir, 'utc.csv');
    await exportRows(caseDb, { filter: { conditions: [] }, columns: ['created_at'], format: 'csv', path: target, timeZone: 'UTC' });
    expect(
      readFileSync(target, 'utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0],
    ).toBe('created_at');
  });

  it('names the zone and both of its offsets in the report', () => {
    const { html } = renderReport(caseDb, { topSignins: 5, timeZone: NY });
    expect(html).toContain(`Time range (${NY})`);
    expect(html).toContain('2025-01-15T09:00:00.120-05:00 – 2025-07-15T10:00:00.000-04:00');
    expect(html).toContain(`${NY}, UTC-05:00 / UTC-04:00 in this range`);
    expect(renderReport(caseDb, { topSignins: 5 }).html).not.toContain('Analyst time zone');
  });
});
