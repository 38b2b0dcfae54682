// Triage import benchmark: how fast a filter that few records match goes through a multi-GB export.
// Prints figures, asserts nothing (see docs/performance.md). Machine load is printed with them.
// Each phase runs --repeat times (default 3) and prints its best / median / worst wall-clock rate and,
// less sensitive to other processes on the machine, the rate per CPU-second (user + system, all threads).
// Usage: npx tsx bench/triage-bench.ts [--records 400000] [--users 5000] [--file PATH] [--shape jsonl|array] [--repeat 3]
//        (`BENCH_TRIAGE=1 npm run bench` runs it after the import bench; a --file ending in .csv is read
//        as an admin-center CSV download, e.g. the end-to-end bench's bench/out/NonInteractiveSignIns-*.csv)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CaseDb } from '../main/db/case-db';
import { importFiles } from '../main/import/pipeline';
import { CsvRecordSplitter, detectDelimiter } from '../main/import/readers/csv-splitter';
import { JsonRecordSplitter } from '../main/import/readers/json-splitter';
import { ByteScreen } from '../main/import/triage/byte-screen';
import { ImportFilter } from '../shared/model/import-filter';
import { arg, figure, heading, mb, rssMb } from './report';

const CHUNK = 1 << 20;

/** Streams the file in 1 MB chunks through `fn`: one reused buffer for JSON, as the importer's JSON path allows; fresh ones for CSV, whose records may keep views of their chunk. */
function eachChunk(file: string, fn: (chunk: Buffer, base: number) => void, fresh = false): number {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(CHUNK);
  let base = 0;
  try {
    for (let n; (n = readSync(fd, buf, 0, CHUNK, null)) > 0; base += n) fn(fresh ? Buffer.from(buf.subarray(0, n)) : buf.subarray(0, n), base);
  } finally {
    closeSync(fd);
  }
  return base;
}

interface Run {
  ms: number;
  cpuMs: number;
  note: string;
}

/** Runs `fn` `repeat` times; prints the rates' spread. */
async function phase(label: string, bytes: number, repeat: number, fn: () => Promise<string> | string): Promise<void> {
  const runs: Run[] = [];
  for (let r = 0; r < repeat; r++) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    const note = await fn();
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    runs.push({ ms, cpuMs: (used.user + used.system) / 1000, note });
  }
  const rates = (key: 'ms' | 'cpuMs') => runs.map((r) => bytes / 1e3 / r[key]).sort((a, b) => b - a);
  const spread = (v: number[]) => (v.length === 1 ? v[0]!.toFixed(0) : `${v[0]!.toFixed(0)} / ${v[Math.floor(v.length / 2)]!.toFixed(0)} / ${v.at(-1)!.toFixed(0)}`);
  const wall = rates('ms');
  figure(label, `${spread(wall)} MB/s wall; ${spread(rates('cpuMs'))} MB/s per CPU-second${runs[0]!.note ? `; ${runs[0]!.note}` : ''}`);
}

function load(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
}

/** A needle from the file itself, so that a few records match: the first user principal name in its first 64 KB. */
function firstUser(file: string, csv: boolean): string {
  const head = Buffer.alloc(64 * 1024);
  const fd = openSync(file, 'r');
  readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const text = head.toString('utf8');
  const found = csv ? /"([^",@]+@[^",]+)"/.exec(text.slice(text.indexOf('\n'))) : /"userPrincipalName":"([^"]+)"/.exec(text);
  return found?.[1] ?? 'nobody@example.com';
}

/** Splits every record (the full import's splitting: CSV fields decoded); with a screen, only candidates go further. */
function splitJson(file: string, screen?: ByteScreen): string {
  let candidates = 0;
  let seen = 0;
  const splitter = new JsonRecordSplitter(
    (r) => {
      seen++;
      if (!screen || screen.mayMatch(r.offset, r.bytes.length, r.bytes)) candidates++;
    },
    () => undefined,
  );
  eachChunk(file, (c, base) => {
    screen?.scan(c, base, true);
    splitter.push(c);
  });
  splitter.end();
  return screen ? `${candidates.toLocaleString('en')} of ${seen.toLocaleString('en')} records are candidates` : `${seen.toLocaleString('en')} records`;
}

function splitCsv(file: string, delimiter: number, screen?: ByteScreen): string {
  let candidates = 0;
  let seen = 0;
  let fields = 0;
  const splitter = new CsvRecordSplitter(
    delimiter,
    (r) => {
      seen++;
      if (screen && r.index > 0 && !screen.mayMatch(r.offset, r.length)) return;
      candidates++;
      fields += r.fields.length; // what the importer reads of a record it keeps
    },
    () => undefined,
  );
  eachChunk(
    file,
    (c, base) => {
      screen?.scan(c, base, false);
      splitter.push(c);
    },
    true,
  );
  splitter.end();
  return screen ? `${candidates.toLocaleString('en')} of ${seen.toLocaleString('en')} rows are candidates` : `${seen.toLocaleString('en')} rows, ${fields.toLocaleString('en')} fields`;
}

async function main(): Promise<void> {
  const records = Number(arg('records', '400000'));
  const users = Number(arg('users', '5000'));
  const shape = arg('shape', 'jsonl') as 'jsonl' | 'array';
  const repeat = Math.max(1, Number(arg('repeat', '3')));
  const outDir = path.join(__dirname, 'out');
  mkdirSync(outDir, { recursive: true });
  const file = arg('file', path.join(outDir, `graph-${records}-u${users}.${shape === 'jsonl' ? 'jsonl' : 'json'}`));
  const csv = file.toLowerCase().endsWith('.csv');
  heading(`SigninScope triage import benchmark: ${path.basename(file)}, ${os.cpus().length} cores, Node ${process.version}`);
  figure('load average at start (1 / 5 / 15 min)', load());
  if (!existsSync(file) && (csv || process.argv.includes('--file'))) {
    // only the default JSON evidence is generated here: a named file must exist (the CSV comes from end-to-end-bench.ts --shape csv)
    console.error(`no such evidence file: ${file}`);
    process.exit(1);
  }
  if (!existsSync(file)) {
    const script = `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, '../main/generator/bulk.ts'))}).writeGraphBulk(${JSON.stringify(file)}, { seed: 1, records: ${records}, users: ${users}, days: 30, shape: ${JSON.stringify(shape)} })`;
    const t = performance.now();
    execFileSync(process.execPath, ['-e', script], { stdio: 'inherit' });
    figure('generate evidence (not part of the import)', `${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const bytes = statSync(file).size;
  figure('evidence size', `${mb(bytes)} MB`);
  const user = firstUser(file, csv);
  const filter = ImportFilter.parse({ users: [user.toUpperCase()] });
  figure('filter', `--user ${user.toUpperCase()}`);
  figure('runs of each phase (rates: best / median / worst)', String(repeat));

  await phase('read only (page cache warm after the first run)', bytes, repeat, () => (eachChunk(file, () => undefined), ''));
  const screen = new ByteScreen(filter);
  await phase('pre-screen scan (Buffer#indexOf over whole chunks)', bytes, repeat, () => (eachChunk(file, (c, base) => screen.scan(c, base, !csv)), ''));
  const delimiter = csv ? detectDelimiter(firstLine(file)) : 0;
  await phase('split every record (what a full import splits)', bytes, repeat, () => (csv ? splitCsv(file, delimiter) : splitJson(file)));
  await phase('split records + pre-screen (no JSON.parse)', bytes, repeat, () => (csv ? splitCsv(file, delimiter, screen) : splitJson(file, screen)));
  await phase('triage import end to end (hash, split, screen, parse candidates, insert)', bytes, repeat, async () => {
    const db = await CaseDb.create();
    const summary = await importFiles(db, [file], { filter });
    db.close();
    const f = summary.files[0]!;
    // Records that straddle two 1 MB chunks are always candidates (one JSON.parse per chunk at most).
    return `records read / kept / skipped by the filter: ${f.records.toLocaleString('en')} / ${f.triage?.kept.toLocaleString('en')} / ${f.triage?.skipped.toLocaleString('en')}`;
  });
  figure('peak RSS', `${rssMb()} MB`);
  figure('load average at end (1 / 5 / 15 min)', load());
  figure('goal', '≥ 400 MB/s for uncompressed JSON when few records match (issue 11)');
}

function firstLine(file: string): string {
  const head = Buffer.alloc(64 * 1024);
  const fd = openSync(file, 'r');
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  return head
    .toString('utf8', 0, n)
    .split(/\r?\n/, 1)[0]!
    .replace(/^\uFEFF/, '');
}

void main();
