// `npm run bench [-- --records N]`: prints speed and memory figures (never asserts).
// First the end-to-end time to a usable case on 100k Graph sign-ins against the one-core floor of the
// same file (BENCH_1M=1 adds the generator's 1M: about 5.9 GB of evidence and minutes per run), then
// the import/save/reopen/query figures (bench/import-bench.ts, 1M unless --records says otherwise), then
// with BENCH_TRIAGE=1 the triage import figures (bench/triage-bench.ts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const run = (script, scriptArgs) => spawnSync('npx', ['tsx', script, ...scriptArgs], { cwd: root, stdio: 'inherit' }).status ?? 1;
const sizes = process.env.BENCH_1M ? ['100000', '1000000'] : ['100000'];
for (const records of sizes) if (run('bench/end-to-end-bench.ts', ['--records', records]) !== 0) process.exit(1);
if (run('bench/import-bench.ts', args) !== 0) process.exit(1);
// BENCH_TRIAGE=1: the triage import of a 2.4 GB JSONL file (generated once into bench/out), one user kept
process.exit(process.env.BENCH_TRIAGE ? run('bench/triage-bench.ts', []) : 0);
