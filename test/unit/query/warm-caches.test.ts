// The page's first chart after a case opens or an import ends is served from caches built then (the
// engine answers one request at a time: a cache built by the first chart delays the search typed next),
// and a write (tag, import) makes the next chart recompute rather than show the old counts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParsedReq, Res } from '../../../shared/api/contract';
import type { CaseDb } from '../../../main/db/case-db';
import type { Engine } from '../../../main/engine/engine';
import { all } from '../../helpers/sql';
import { tempDir } from '../../helpers/temp-files';
import { engineOnCase, fixtureCase, fixtureRecords, T0 } from '../annotations/fixture-case';

const UNFILTERED: ParsedReq<'timeline.histogram'> = { filter: { conditions: [] }, buckets: 60 };

/** The histogram counted row by row from the table, the way a filtered chart counts. */
function countedFromRows(caseDb: CaseDb, chart: Res<'timeline.histogram'>): Res<'timeline.histogram'>['series'] {
  const series = chart.series.map((b) => ({ ...b, success: 0, failure: 0, interrupted: 0, other: 0 }));
  const rows = all(caseDb, 'SELECT d.created_ms, s.value FROM signin_data d LEFT JOIN strings s ON s.id = d.status_k WHERE d.created_ms IS NOT NULL') as [number, string | null][];
  for (const [t, status] of rows) {
    const b = series[Math.floor((t - chart.from) / chart.bucketMs)]!;
    if (status === 'Success') b.success++;
    else if (status === 'Failure') b.failure++;
    else if (status === 'Interrupted') b.interrupted++;
    else b.other++;
  }
  return series;
}

/** The unfiltered histogram through the engine, and whether answering it read the sign-in table. */
async function chart(engine: Engine): Promise<{ res: Res<'timeline.histogram'>; readRows: boolean }> {
  const reads = vi.spyOn(engine.db, 'forEachTuple');
  try {
    const res = await engine.handle('timeline.histogram', UNFILTERED);
    return { res, readRows: reads.mock.calls.length > 0 };
  } finally {
    reads.mockRestore();
  }
}

async function waitForJob(engine: Engine, jobId: string): Promise<void> {
  while (engine.jobs.running('import')) await new Promise((r) => setTimeout(r, 20));
  expect(jobId).toBeTruthy();
}

describe('query caches warmed ahead of the first chart', () => {
  const closers: (() => void)[] = [];
  afterEach(() => closers.splice(0).forEach((c) => c()));

  it('answers the first unfiltered histogram after case.open without reading rows, with the counts of the rows', async () => {
    const tmp = tempDir();
    const { caseDb } = await fixtureCase(tmp.dir, { rows: 150 });
    const { engine, close } = await engineOnCase(caseDb, tmp.dir, path.join(tmp.dir, 'a.signinscope'));
    closers.push(close);
    const first = await chart(engine);
    expect(first.readRows).toBe(false);
    expect(first.res.series.reduce((a, b) => a + b.success + b.failure + b.interrupted + b.other, 0)).toBe(150);
    expect(first.res.series).toEqual(countedFromRows(engine.db, first.res));
  });

  it('recounts after a tag (a write) and after a second import, whose counts it then shows', async () => {
    const tmp = tempDir();
    const { caseDb } = await fixtureCase(tmp.dir, { rows: 90 });
    const { engine, close } = await engineOnCase(caseDb, tmp.dir, path.join(tmp.dir, 'b.signinscope'));
    closers.push(close);
    const before = await chart(engine);

    // A tag changes no sign-in, but it is a write: the cache is keyed on the case version and recounts.
    await engine.handle('annotations.tag', { scope: { rids: [1, 2] }, tags: ['IOC'] });
    const afterTag = await chart(engine);
    expect(afterTag.readRows).toBe(true);
    expect(afterTag.res).toEqual(before.res);

    // An import warms the caches again in its last phase: the chart shows the new rows without a recount.
    const more = path.join(tmp.dir, 'more.json');
    const records = fixtureRecords({ rows: 40, override: (i) => ({ id: `more-${i}`, createdDateTime: new Date(T0 + 3_600_000 + i * 61_000).toISOString(), status: { errorCode: 0 } }) });
    writeFileSync(more, JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns', value: records }));
    const { jobId } = await engine.handle('import.start', { paths: [more] });
    await waitForJob(engine, jobId);
    const afterImport = await chart(engine);
    expect(afterImport.readRows).toBe(false);
    expect(afterImport.res.series.reduce((a, b) => a + b.success + b.failure + b.interrupted + b.other, 0)).toBe(130);
    expect(afterImport.res.series).toEqual(countedFromRows(engine.db, afterImport.res));
  });
});
