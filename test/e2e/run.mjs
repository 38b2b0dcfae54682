// `npm run test:e2e` (also called by `npm test`): builds the renderer when needed, then runs the
// Playwright suite (test/e2e/suite.ts, through tsx) against browser mode in headless Chromium.
// The suite prints the final line `e2e: N passed, N failed, N skipped`; the exit code follows it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureRenderer } from '../../scripts/build.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
try {
  await ensureRenderer();
} catch (err) {
  console.error(`renderer build failed: ${err.message}`);
  console.log('e2e: 0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'test', 'e2e', 'suite.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(res.status ?? 1);
