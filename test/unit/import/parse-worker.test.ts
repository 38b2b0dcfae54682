// The parse worker (used for large imports) must produce exactly what in-process parsing produces.
import { describe, expect, it } from 'vitest';
import { CaseDb } from '../../../main/db/case-db';
import { importFiles } from '../../../main/import/pipeline';
import { diagnosticLine, graphSignin } from '../../helpers/graph-records';
import { tempDir } from '../../helpers/temp-files';
import { all } from '../../helpers/sql';

const tmp = tempDir();

describe('parse worker', () => {
  it('gives the same rows, strings, issues and manifest as inline parsing, and can be cancelled', async () => {
    const records = Array.from({ length: 3000 }, (_, i) => graphSignin({ userPrincipalName: `user${i % 37}@northwind.example`, status: { errorCode: i % 5 ? 0 : 50126 } }));
    const files = [
      tmp.write('pages.json', JSON.stringify({ value: records.slice(0, 2000) })),
      tmp.write('overlap.log', [...records.slice(1500, 2500).map((r) => diagnosticLine(r)), '{"broken":'].join('\n')),
      tmp.write(
        'rest.jsonl',
        records
          .slice(2500)
          .map((r) => JSON.stringify(r))
          .join('\n'),
      ),
    ];
    const dump = async (parser: 'inline' | 'worker') => {
      const db = await CaseDb.create();
      const summary = await importFiles(db, files, { parser });
      const out = {
        rows: all(db, 'SELECT * FROM signins ORDER BY rid'),
        errors: all(db, 'SELECT source_id, record_index, byte_offset, severity, message FROM import_errors ORDER BY id'),
        sources: summary.files.map(({ path: _p, ...f }) => f),
      };
      db.close();
      return out;
    };
    const inline = await dump('inline');
    const worker = await dump('worker');
    expect(inline.rows).toHaveLength(3000);
    expect(inline.sources[1]).toMatchObject({ duplicates: 500, imported: 500, errors: 1 });
    expect(worker).toEqual(inline);
  });

  it('stops when cancelled and marks the file', async () => {
    const big = tmp.write('big.jsonl', Array.from({ length: 20000 }, () => JSON.stringify(graphSignin())).join('\n'));
    const db = await CaseDb.create();
    const controller = new AbortController();
    const summary = await importFiles(db, [big, big], {
      parser: 'worker',
      signal: controller.signal,
      progressEveryMs: 0,
      onProgress: (p) => {
        if (p.records > 2000) controller.abort();
      },
    });
    expect(summary.cancelled).toBe(true);
    expect(summary.files).toHaveLength(1);
    expect(summary.files[0]!.status).toBe('cancelled');
    expect(summary.signins).toBeLessThan(20000);
  });
});
