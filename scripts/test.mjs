// `npm test`: typecheck, unit + integration tests (vitest), then end-to-end tests in Chromium.
// Ends with one plain line "tests: N passed, N failed, N skipped" summing every suite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;
let passed = 0;
let failed = 0;
let skipped = 0;

// Three configs: main/shared without the DOM, renderer/preload without Node's types, and the
// umbrella (tests and benchmarks, which use both).
for (const config of ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.json']) {
  console.log(`== typecheck (${config})`);
  if (run('npx', ['tsc', '--noEmit', '-p', config]) === 0) passed++;
  else failed++;
}

console.log('== lint (ESLint, Prettier)');
if (run('npx', ['eslint', '.']) === 0) passed++;
else failed++;
if (run('npx', ['prettier', '--check', '--log-level', 'warn', '.']) === 0) passed++;
else failed++;

console.log('== unit and integration tests (vitest)');
mkdirSync(path.join(root, '.tmp'), { recursive: true });
const report = path.join(root, '.tmp', 'vitest-report.json');
rmSync(report, { force: true });
const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
const r = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : null;
if (r) {
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
} else failed++;
if (vitestStatus !== 0 && r?.numFailedTests === 0) failed++; // a suite that failed to load

const e2e = path.join(root, 'test', 'e2e', 'run.mjs');
if (existsSync(e2e) && !process.argv.includes('--no-e2e')) {
  console.log('== end-to-end tests (Playwright, Chromium, browser mode)');
  const e2eStatus = run('node', [e2e]);
  // Counted from Playwright's JSON report, not from the runner's printed line.
  const { e2eSummary, E2E_REPORT } = await import('../test/e2e/report-summary.mjs');
  const summary = e2eSummary(path.join(root, E2E_REPORT));
  if (summary) {
    passed += summary.passed;
    failed += summary.failed;
    skipped += summary.skipped;
  }
  if (!summary || (e2eStatus !== 0 && summary.failed === 0)) failed++; // no report, or a failure outside the tests
}

console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
