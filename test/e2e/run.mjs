// `npm run test:e2e` (also called by `npm test`): the Playwright suite (playwright.config.ts,
// test/e2e/specs) against browser mode in headless Chromium, then one summary line
// `e2e: N passed, N failed, N skipped`; the exit code follows it.
//   node test/e2e/run.mjs "grid:|map:"   tests whose name contains any '|'-separated part (plain text)
//   node test/e2e/run.mjs "" --headed    anything after the filter goes to `playwright test` as is
// Playwright's own `npx playwright test -g <regex>` works as well; failed tests keep a trace
// (`npx playwright show-trace test-results/playwright/<test>/trace.zip`) and a screenshot.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { E2E_REPORT, e2eSummary } from './report-summary.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const [filter, ...rest] = process.argv.slice(2);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const grep = filter ? ['--grep', filter.split('|').map(escape).join('|')] : [];
const cli = path.join(root, 'node_modules', '@playwright', 'test', 'cli.js');

rmSync(path.join(root, E2E_REPORT), { force: true });
const res = spawnSync(process.execPath, [cli, 'test', ...grep, ...rest], { cwd: root, stdio: 'inherit' });
const summary = e2eSummary(path.join(root, E2E_REPORT));
for (const t of summary?.skippedTests ?? []) console.log(`  SKIPPED: ${t.title}${t.reason ? `: ${t.reason}` : ''}`);
const counts = summary ?? { passed: 0, failed: 1, skipped: 0 };
console.log(`e2e: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed > 0 || res.status !== 0 ? 1 : 0);
