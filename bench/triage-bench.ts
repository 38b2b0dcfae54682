// Triage import benchmark: how fast a filter that few records match goes through a multi-GB export.
// Prints figures, asserts nothing (see docs/performance.md). Machine load is printed with them.
// Usage: npx tsx bench/triage-bench.ts [--records 400000] [--users 5000] [--file PATH] [--shape jsonl|array]
//        (called by scripts/bench.mjs after the import bench, or on its own)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CaseDb } from '../main/db/case-db';
import { importFiles } from '../main/import/pipeline';
import { JsonRecordSplitter } from '../main/import/readers/json-splitter';
import { ByteScreen } from '../main/import/triage/byte-screen';
import { ImportFilter } from '../shared/model/import-filter';
import { arg, figure, heading, mb, rssMb, time } from './report';

const CHUNK = 1 << 20;

/** Streams the file in 1 MB chunks through `fn` (one reused buffer, as the importer's reader does). */
function eachChunk(file: string, fn: (chunk: Buffer, base: number) => void): number {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(CHUNK);
  let base = 0;
  try {
    for (let n; (n = readSync(fd, buf, 0, CHUNK, null)) > 0; base += n) fn(buf.subarray(0, n), base);
  } finally {
    closeSync(fd);
  }
  return base;
}

function rate(bytes: number, ms: number): string {
  return `${(bytes / 1e6 / (ms / 1000)).toFixed(0)} MB/s (${(ms / 1000).toFixed(1)} s)`;
}

function load(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
}

async function main(): Promise<void> {
  const records = Number(arg('records', '400000'));
  const users = Number(arg('users', '5000'));
  const shape = arg('shape', 'jsonl') as 'jsonl' | 'array';
  const outDir = path.join(__dirname, 'out');
  mkdirSync(outDir, { recursive: true });
  const file = arg('file', path.join(outDir, `graph-${records}-u${users}.${shape === 'jsonl' ? 'jsonl' : 'json'}`));
  heading(`SigninScope triage import benchmark: ${path.basename(file)}, ${os.cpus().length} cores, Node ${process.version}`);
  figure('load average at start (1 / 5 / 15 min)', load());
  if (!existsSync(file)) {
    const script = `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, '../main/generator/bulk.ts'))}).writeGraphBulk(${JSON.stringify(file)}, { seed: 1, records: ${records}, users: ${users}, days: 30, shape: ${JSON.stringify(shape)} })`;
    const { ms } = await time(() => execFileSync(process.execPath, ['-e', script], { stdio: 'inherit' }));
    figure('generate evidence (not part of the import)', `${(ms / 1000).toFixed(1)} s`);
  }
  const bytes = statSync(file).size;
  figure('evidence size', `${mb(bytes)} MB`);

  // A needle from the file itself, so that a few records match: the user of the first record.
  const head = Buffer.alloc(64 * 1024);
  const fd = openSync(file, 'r');
  readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const user = /"userPrincipalName":"([^"]+)"/.exec(head.toString('utf8'))?.[1] ?? 'nobody@example.com';
  const filter = ImportFilter.parse({ users: [user.toUpperCase()] });
  figure('filter', `--user ${user.toUpperCase()}`);

  const read = await time(() => eachChunk(file, () => undefined));
  figure('read only (page cache warm after the first run)', rate(bytes, read.ms));

  const screen = new ByteScreen(filter);
  const scan = await time(() => eachChunk(file, (c, base) => screen.scan(c, base, true)));
  figure('pre-screen scan (Buffer#indexOf over whole chunks)', rate(bytes, scan.ms));

  let candidates = 0;
  let seen = 0;
  const split = await time(() => {
    const splitter = new JsonRecordSplitter(
      (r) => {
        seen++;
        if (screen.mayMatch(r.offset, r.bytes.length, r.bytes)) candidates++;
      },
      () => undefined,
    );
    eachChunk(file, (c, base) => {
      screen.scan(c, base, true);
      splitter.push(c);
    });
    splitter.end();
  });
  figure('split records + pre-screen (no JSON.parse)', `${rate(bytes, split.ms)}; ${candidates.toLocaleString('en')} of ${seen.toLocaleString('en')} records are candidates`);

  const db = await CaseDb.create();
  const full = await time(() => importFiles(db, [file], { filter }));
  const f = full.value.files[0]!;
  figure('triage import end to end (hash, split, screen, parse candidates, insert)', rate(bytes, full.ms));
  // Records that straddle two 1 MB chunks are always candidates (one JSON.parse per chunk at most).
  figure('  records read / kept / skipped by the filter', `${f.records.toLocaleString('en')} / ${f.triage?.kept.toLocaleString('en')} / ${f.triage?.skipped.toLocaleString('en')}`);
  db.close();
  figure('peak RSS', `${rssMb()} MB`);
  figure('load average at end (1 / 5 / 15 min)', load());
  figure('goal', '≥ 400 MB/s for uncompressed JSON when few records match (issue 11)');
}

void main();
