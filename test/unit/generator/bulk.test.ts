// The fast bulk writer emits valid, unique, Graph-shaped records in every shape.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeGraphBulk } from '../../../main/generator/bulk';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir('generator-bulk-');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
type Rec = Record<string, unknown>;

function check(records: Rec[], n: number): void {
  expect(records).toHaveLength(n);
  expect(new Set(records.map((r) => r.id)).size).toBe(n);
  for (const r of records) {
    expect(r.id).toMatch(GUID);
    expect(r.correlationId).toMatch(GUID);
    expect(r.originalRequestId).toBe(r.id);
    expect(r.uniqueTokenIdentifier).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(r.createdDateTime).toMatch(/^2025-03-(0[3-9])T\d\d:\d\d:\d\dZ$/);
  }
}

describe('writeGraphBulk', () => {
  it('writes one Graph page, newest first, about 5 KB a record', async () => {
    const file = path.join(tmp.dir, 'page.json');
    const res = await writeGraphBulk(file, { seed: 1, records: 3000, users: 20 });
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { '@odata.context': string; value: Rec[] };
    expect(doc['@odata.context']).toContain('/beta/$metadata#auditLogs/signIns');
    check(doc.value, 3000);
    const times = doc.value.map((r) => r.createdDateTime as string);
    expect([...times].sort().reverse()).toEqual(times);
    expect(res.bytes / res.records).toBeGreaterThan(4000);
    expect(res.bytes / res.records).toBeLessThan(7000);
    expect(res.templates).toBeGreaterThan(500);
  });

  it('writes a bare array and gzip JSON Lines', async () => {
    const arr = path.join(tmp.dir, 'array.json');
    await writeGraphBulk(arr, { seed: 2, records: 700, users: 20, shape: 'array', order: 'asc' });
    check(JSON.parse(readFileSync(arr, 'utf8')) as Rec[], 700);
    const lines = path.join(tmp.dir, 'lines.jsonl.gz');
    await writeGraphBulk(lines, { seed: 2, records: 700, users: 20, shape: 'jsonl', gzip: true });
    const text = gunzipSync(readFileSync(lines)).toString('utf8');
    check(
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Rec),
      700,
    );
  });

  it('handles zero records', async () => {
    const file = path.join(tmp.dir, 'empty.json');
    await writeGraphBulk(file, { seed: 1, records: 0, users: 20 });
    expect((JSON.parse(readFileSync(file, 'utf8')) as { value: Rec[] }).value).toEqual([]);
  });
});
