// Speed work must not change a case: the digests below were computed with the import, enrichment
// and sessions code as it was before the speed work (main at a784bf2; the bulk scenario's digests were recomputed there with these sizes). Each scenario imports real
// generated or sample evidence and derives everything an import derives; every part of the case
// (stored and shown sign-ins, dictionary, sources, issues, CSV steps, per-IP geo, sessions,
// findings) must hash the same. If a deliberate change of the case format alters a part, recompute
// with PRINT_CASE_DIGESTS=1 and say why in the commit.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { refreshDerivedData } from '../../../main/cases/derived-data';
import { CaseDb } from '../../../main/db/case-db';
import { writeGraphBulk } from '../../../main/generator/bulk';
import { writeDemoSet } from '../../../main/generator/demo-set';
import { importFiles, type ImportOptions } from '../../../main/import/pipeline';
import { INDEX_DDL } from '../../../main/db/schema';
import { caseDigest } from '../../helpers/case-digest';
import { all } from '../../helpers/sql';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir('identical-case-');
const SAMPLES = '/work/shared/samples';
const INDEX_NAMES = INDEX_DDL.map((ddl) => /INDEX IF NOT EXISTS (\w+)/.exec(ddl)![1]!);

/** Imports each group of files in turn (as an analyst adding evidence), deriving after each. */
async function digestOf(groups: string[][], opts: ImportOptions = {}): Promise<Record<string, string>> {
  const caseDb = await CaseDb.create();
  try {
    for (const files of groups) {
      await importFiles(caseDb, files, opts);
      await refreshDerivedData(caseDb);
    }
    // however and whenever they were built, every index is there
    const indexes = all(caseDb, "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix\\_%' ESCAPE '\\' ORDER BY name").flat();
    expect(indexes).toEqual(expect.arrayContaining(INDEX_NAMES));
    return await caseDigest(caseDb);
  } finally {
    caseDb.close();
  }
}

function check(name: string, actual: Record<string, string>, expected: Record<string, string>): void {
  if (process.env.PRINT_CASE_DIGESTS) console.log(`${name}: ${JSON.stringify(actual)}`);
  expect(actual).toEqual(expected);
}

describe('a case is identical to the one the pre-speed-work code built', () => {
  it('every export shape of the demo set, in one import', async () => {
    const manifest = await writeDemoSet(path.join(tmp.dir, 'demo'), { seed: 7, users: 20, days: 1 });
    check('demo-one', await digestOf([manifest.files.map((f) => f.path)]), DIGESTS['demo-one']!);
  }, 300_000);

  it('the demo set added file by file, deriving after each (cached per-IP geo, rebuilt sessions)', async () => {
    const manifest = await writeDemoSet(path.join(tmp.dir, 'demo2'), { seed: 11, users: 20, days: 2 });
    check('demo-stepwise', await digestOf(manifest.files.map((f) => [f.path])), DIGESTS['demo-stepwise']!);
  }, 300_000);

  it('bulk Graph pages and JSONL through the parse worker', async () => {
    const graph = path.join(tmp.dir, 'bulk.json');
    const jsonl = path.join(tmp.dir, 'bulk.jsonl');
    await writeGraphBulk(graph, { seed: 3, records: 3000, users: 60, days: 3 });
    await writeGraphBulk(jsonl, { seed: 4, records: 1500, users: 40, days: 2, shape: 'jsonl', order: 'asc' });
    check('bulk', await digestOf([[graph], [jsonl]], { parser: 'worker' }), DIGESTS.bulk!);
  }, 300_000);

  // JSON records parsed by record-parse workers in batches of a few records, so that outcomes, splitter
  // problems (the demo set's malformed and truncated files) and issues interleave across workers.
  it('every export shape of the demo set through the parse worker and three record-parse workers', async () => {
    const manifest = await writeDemoSet(path.join(tmp.dir, 'demo3'), { seed: 7, users: 20, days: 1 });
    check('demo-one', await digestOf([manifest.files.map((f) => f.path)], { parser: 'worker', recordParsers: 3, recordBatch: 3 }), DIGESTS['demo-one']!);
  }, 300_000);

  it.each(['during', 'after'] as const)(
    'every export shape of the demo set through the parse worker, indexes built %s the import',
    async (indexes) => {
      const manifest = await writeDemoSet(path.join(tmp.dir, `demo-${indexes}`), { seed: 7, users: 20, days: 1 });
      check('demo-one', await digestOf([manifest.files.map((f) => f.path)], { parser: 'worker', recordParsers: 2, indexes }), DIGESTS['demo-one']!);
    },
    300_000,
  );

  it('bulk Graph pages through the parse worker parsing records itself', async () => {
    mkdirSync(path.join(tmp.dir, 'inline'));
    const graph = path.join(tmp.dir, 'inline', 'bulk.json'); // the same names: sources are part of the case
    const jsonl = path.join(tmp.dir, 'inline', 'bulk.jsonl');
    await writeGraphBulk(graph, { seed: 3, records: 3000, users: 60, days: 3 });
    await writeGraphBulk(jsonl, { seed: 4, records: 1500, users: 40, days: 2, shape: 'jsonl', order: 'asc' });
    check('bulk', await digestOf([[graph], [jsonl]], { parser: 'worker', recordParsers: 0 }), DIGESTS.bulk!);
  }, 300_000);

  it.skipIf(!existsSync(SAMPLES))('the shared samples', async () => {
    check('samples', await digestOf([sampleFiles()]), DIGESTS.samples!);
  });

  it.skipIf(!existsSync(SAMPLES))('the shared samples through record-parse workers', async () => {
    check('samples', await digestOf([sampleFiles()], { parser: 'worker', recordParsers: 2, recordBatch: 2 }), DIGESTS.samples!);
  });
});

function sampleFiles(): string[] {
  return readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(SAMPLES, f))
    .filter((f) => /\.(json|log)$/.test(f))
    .sort();
}

const DIGESTS: Record<string, Record<string, string>> = {
  'demo-one': {
    signin_data: '3a1abf907dc9b10e',
    signins: 'b354f335cb0d9845',
    strings: 'd1199a076d0084e5',
    sources: 'f50e65d9b40aa2ff',
    import_errors: '4f53cda18c2baa0c',
    csv_auth_steps: '06da614a69c4fd74',
    ip_geo: 'aaf0399f3ed0051e',
    sessions: '3d679c4a6c805f07',
    signin_count: '1033',
    session_count: '1009',
    findings: 'f48968de25182ecf',
    finding_count: '27',
  },
  'demo-stepwise': {
    signin_data: '208fe7a228832834',
    signins: '0d6fba73547cbc60',
    strings: '7f5329be50a54f0f',
    sources: '34851fb06c69f074',
    import_errors: '4f53cda18c2baa0c',
    csv_auth_steps: '74ca5bc5598267fb',
    ip_geo: '5aea29846fa88ffb',
    sessions: '5b94a01566b86dd5',
    signin_count: '1671',
    session_count: '1638',
    findings: '86df2584b340cf5b',
    finding_count: '34',
  },
  bulk: {
    signin_data: 'c87bff62e39125e8',
    signins: '5e1bab8ccd8740e5',
    strings: '0d6e6ab14a0f7e88',
    sources: '0388b0d231473199',
    import_errors: '4f53cda18c2baa0c',
    csv_auth_steps: '4f53cda18c2baa0c',
    ip_geo: '477060daccb5df6b',
    sessions: 'd841d60bfe3f28e4',
    signin_count: '4500',
    session_count: '4500',
    findings: '224fa4fe978abf61',
    finding_count: '7',
  },
  samples: {
    signin_data: '88a550b530682d80',
    signins: '64b48feea9bdbc35',
    strings: '0e79c84f8e89738c',
    sources: '8e0e475b95938768',
    import_errors: '4a610288735e0326',
    csv_auth_steps: '4f53cda18c2baa0c',
    ip_geo: '6a0c1590965138ab',
    sessions: 'b831f0cdd27b808b',
    signin_count: '39',
    session_count: '20',
    findings: '4f53cda18c2baa0c',
    finding_count: '0',
  },
};
