// Import, save and reopen benchmark: prints figures, asserts nothing (see docs/performance.md).
// Usage: npx tsx bench/import-bench.ts [--records 1000000] [--users 5000]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCase, saveCase } from '../main/cases/case-store';
import { CaseDb } from '../main/db/case-db';
import { importFiles } from '../main/import/pipeline';
import { arg, figure, heading, mb, rssMb, time } from './report';
import { runQueryBench } from './query-bench';

async function main(): Promise<void> {
  const records = Number(arg('records', '1000000'));
  const users = Number(arg('users', '5000'));
  const outDir = path.join(__dirname, 'out');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `graph-${records}-u${users}.json`);
  heading(`SigninScope import benchmark: ${records.toLocaleString('en')} Graph sign-ins, ${os.cpus().length} cores, Node ${process.version}`);
  if (!existsSync(file)) {
    // generated in a child process so that the import's memory figures are its own
    const script = `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, '../main/generator/bulk.ts'))}).writeGraphBulk(${JSON.stringify(file)}, { seed: 1, records: ${records}, users: ${users}, days: 30 })`;
    const { ms } = await time(() => execFileSync(process.execPath, ['-e', script], { stdio: 'inherit' }));
    figure('generate evidence (not part of the import)', `${(ms / 1000).toFixed(1)} s`);
  }
  const bytes = statSync(file).size;
  figure('evidence size', `${mb(bytes)} MB, ${(bytes / records).toFixed(0)} bytes per record`);

  const caseDb = await CaseDb.create();
  let indexingAt = 0;
  const { value: summary, ms: importMs } = await time(() => importFiles(caseDb, [file], { onProgress: (p) => (p.phase === 'indexing' ? (indexingAt = performance.now()) : undefined) }));
  const loadMs = indexingAt ? importMs - (performance.now() - indexingAt) : importMs;
  figure('import + index, total', `${(importMs / 1000).toFixed(1)} s = ${(records / (importMs / 1000)).toFixed(0)} records/s, ${(bytes / 1e6 / (importMs / 1000)).toFixed(0)} MB/s`);
  figure('  of which reading, parsing, inserting', `${(loadMs / 1000).toFixed(1)} s`);
  figure('  of which building indexes', `${((importMs - loadMs) / 1000).toFixed(1)} s`);
  figure('sign-ins in case', summary.signins.toLocaleString('en'));
  figure('peak RSS so far', `${rssMb()} MB`);

  const casePath = path.join(outDir, `case-${records}.signinscope`);
  const { value: caseBytes, ms: saveMs } = await time(() => saveCase(caseDb, casePath, { replace: true }));
  figure('case file', `${mb(caseBytes)} MB (${(caseBytes / summary.signins).toFixed(0)} bytes per sign-in), saved in ${(saveMs / 1000).toFixed(1)} s`);
  caseDb.close();
  const { value: reopened, ms: reopenMs } = await time(() => loadCase(casePath));
  figure('reopen saved case', `${(reopenMs / 1000).toFixed(2)} s`);
  await runQueryBench(reopened);
  figure('peak RSS', `${rssMb()} MB`);
}

void main();
