// Time to a usable case, end to end, against the one-core floor measured in the same run on the same
// file (a byte splitter + JSON.parse per record). Each side runs in its own child process so its peak
// RSS is its own. Prints figures, asserts nothing (docs/performance.md).
// Usage: npx tsx bench/end-to-end-bench.ts [--records 100000] [--users 5000] [--shape graph|jsonl]
//        npx tsx bench/end-to-end-bench.ts --shape csv [--users 2000] [--days 7]  (admin-center non-interactive CSV;
//        its floor is a papaparse streaming parse of the same file)
//        [--record-parsers N]: record-parse workers under the parse worker (default one per core; 0: none)
//        [--indexes during|after]: index as rows arrive or after the last one (default)
// (1M: --records 1000000, about 5.9 GB of evidence and minutes per run; `BENCH_1M=1 npm run bench`)
import { execFileSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { saveCase } from '../main/cases/case-store';
import { refreshDerivedData } from '../main/cases/derived-data';
import { CaseDb } from '../main/db/case-db';
import { importFiles } from '../main/import/pipeline';
import { arg, figure, heading, mb } from './report';

type Phases = Record<string, number>;
interface ChildResult {
  phases: Phases;
  /** CPU time per phase, all threads: comparable across runs even when other work loads the machine. */
  cpu?: Phases;
  records: number;
  maxRssMb: number;
  cpuMs: number;
}

async function main(): Promise<void> {
  const role = arg('role', 'parent');
  if (role === 'floor') return report(arg('shape', 'graph') === 'csv' ? await csvFloor(arg('file', '')) : floor(arg('file', ''), arg('shape', 'graph') === 'graph' ? 3 : 1));
  if (role === 'full') return report(await full(arg('file', '')));
  const records = Number(arg('records', '100000'));
  const users = Number(arg('users', '5000'));
  const shape = arg('shape', 'graph') as 'graph' | 'jsonl' | 'csv';
  const outDir = path.join(__dirname, 'out');
  mkdirSync(outDir, { recursive: true });
  const days = Number(arg('days', '7'));
  const file = shape === 'csv' ? path.join(outDir, `NonInteractiveSignIns-u${users}-d${days}.csv`) : path.join(outDir, `graph-${records}-u${users}${shape === 'graph' ? '' : `-${shape}`}.json`);
  heading(
    `End to end: ${shape === 'csv' ? `admin-center CSV, ${users} users × ${days} days` : `${records.toLocaleString('en')} ${shape} sign-ins`}, ${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  if (!existsSync(file) && shape === 'csv') {
    const script = `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, '../main/generator/write-format.ts'))}).writeFormat('portal-noninteractive-csv', ${JSON.stringify(file)}, { seed: 1, users: ${users}, days: ${days} })`;
    execFileSync(process.execPath, ['-e', script], { stdio: 'inherit' });
  } else if (!existsSync(file)) {
    const script = `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, '../main/generator/bulk.ts'))}).writeGraphBulk(${JSON.stringify(file)}, { seed: 1, records: ${records}, users: ${users}, days: 30, shape: ${JSON.stringify(shape)} })`;
    execFileSync(process.execPath, ['-e', script], { stdio: 'inherit' });
  }
  const bytes = statSync(file).size;
  const f = child('floor', file, shape);
  figure('evidence', `${mb(bytes)} MB, ${(bytes / f.records).toFixed(0)} bytes per record`);
  const e = child('full', file, shape);
  const total = Object.values(e.phases).reduce((a, b) => a + b, 0);
  figure('END TO END (import → saved, usable case)', `${s(total)} = ${(total / f.phases.floor!).toFixed(2)}× the one-core floor, ${((e.cpuMs / total) * 100).toFixed(0)} % CPU`);
  figure('  CPU time, all threads', `${s(e.cpuMs)} = ${(e.cpuMs / f.cpuMs).toFixed(2)}× the floor's`);
  for (const [phase, ms] of Object.entries(e.phases)) if (ms >= 5) figure(`  ${phase}`, `${s(ms)}  (CPU ${s(e.cpu?.[phase] ?? 0)})`);
  figure('  peak RSS', `${e.maxRssMb} MB`);
  figure(
    shape === 'csv' ? 'one-core floor (papaparse streaming parse)' : 'one-core floor (byte splitter + JSON.parse per record)',
    `${s(f.phases.floor!)}, CPU ${s(f.cpuMs)} (${f.records.toLocaleString('en')} records, peak RSS ${f.maxRssMb} MB)`,
  );
  figure(
    'load average after',
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  );
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function child(role: string, file: string, shape: string): ChildResult {
  const parsers = arg('record-parsers', '');
  const indexes = arg('indexes', '');
  const args = ['--import', 'tsx', __filename, '--role', role, '--file', file, '--shape', shape, ...(parsers ? ['--record-parsers', parsers] : []), ...(indexes ? ['--indexes', indexes] : [])];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
}

function report(r: { phases: Phases; cpu?: Phases; records: number }): void {
  const u = process.resourceUsage();
  console.log(JSON.stringify({ ...r, maxRssMb: Math.round(u.maxRSS / 1024), cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000) } satisfies ChildResult));
}

/** Reads the file in 4 MB blocks, finds each record (an object at `recordDepth`, counting braces and brackets outside strings) and parses it. */
function floor(file: string, recordDepth: number): { phases: Phases; records: number } {
  const t = performance.now();
  const fd = openSync(file, 'r');
  const block = Buffer.alloc(4 << 20);
  let carry = Buffer.alloc(0);
  let records = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (;;) {
    const n = readSync(fd, block, 0, block.length, null);
    if (n === 0) break;
    const buf = carry.length ? Buffer.concat([carry, block.subarray(0, n)]) : block.subarray(0, n);
    let start = -1;
    for (let i = 0; i < buf.length; i++) {
      const c = buf[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c) escaped = true;
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) {
        if (++depth === recordDepth && c === 0x7b) start = i;
      } else if (c === 0x7d || c === 0x5d) {
        if (depth-- === recordDepth && start >= 0) {
          JSON.parse(buf.toString('utf8', start, i + 1));
          records++;
          start = -1;
        }
      }
    }
    // an unfinished record is scanned again from its opening brace with the next block
    carry = start >= 0 ? Buffer.from(buf.subarray(start)) : Buffer.alloc(0);
    if (start >= 0) {
      depth = recordDepth - 1;
      inString = false;
      escaped = false;
    }
  }
  closeSync(fd);
  return { phases: { floor: performance.now() - t }, records };
}

/** papaparse over a file stream, one callback per row: what a CSV reader cannot avoid. */
async function csvFloor(file: string): Promise<{ phases: Phases; records: number }> {
  const t = performance.now();
  let rows = 0;
  await new Promise<void>((resolve, reject) =>
    Papa.parse(createReadStream(file, 'utf8'), {
      step: () => void rows++,
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    }),
  );
  return { phases: { floor: performance.now() - t }, records: rows - 1 };
}

/** The full sequence the CLI and the app run, timed per phase through the progress phases. */
async function full(file: string): Promise<{ phases: Phases; cpu: Phases; records: number }> {
  const phases: Phases = {};
  const cpu: Phases = {};
  let phase = 'start';
  let at = performance.now();
  let cpuAt = cpuMs();
  const enter = (next: string) => {
    if (next === phase) return;
    const now = performance.now();
    const cpuNow = cpuMs();
    phases[phase] = (phases[phase] ?? 0) + (now - at);
    cpu[phase] = (cpu[phase] ?? 0) + (cpuNow - cpuAt);
    phase = next;
    at = now;
    cpuAt = cpuNow;
  };
  const caseDb = await CaseDb.create();
  enter('import: read, hash, parse, normalize, insert');
  const parsers = arg('record-parsers', '');
  const indexes = arg('indexes', '');
  const summary = await importFiles(caseDb, [file], {
    recordParsers: parsers ? Number(parsers) : undefined,
    indexes: indexes === 'after' || indexes === 'during' ? indexes : undefined,
    progressEveryMs: 0,
    onProgress: (p) => enter(p.phase === 'reading' ? 'import: read, hash, parse, normalize, insert' : `import: ${p.phase}`),
  });
  enter('derived');
  await refreshDerivedData(caseDb, undefined, (p) => enter(`derived: ${p.phase}`));
  enter('save');
  // BENCH_KEEP_CASE=path keeps the saved case (for bench/ui-bench.ts and bench/capacity-bench.ts)
  const saved = process.env.BENCH_KEEP_CASE ?? path.join(os.tmpdir(), `e2e-bench-${process.pid}.signinscope`);
  await saveCase(caseDb, saved, { replace: true });
  enter('end');
  if (!process.env.BENCH_KEEP_CASE) rmSync(saved, { force: true });
  delete phases.start;
  delete cpu.start;
  return { phases, cpu, records: summary.signins };
}

void main();
