// The desktop shell, driven by Playwright's Electron support. Only where an Electron binary exists.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { _electron } from 'playwright-core';
import { RESULTS_DIR } from '../context';
import { assert, Skip, test } from '../harness';

interface BuildScript {
  buildMain(): Promise<void>;
  electronBinary(): string | null;
}
const BUILD_SCRIPT: string = pathToFileURL(path.resolve(__dirname, '..', '..', '..', 'scripts', 'build.mjs')).href;

test('electron: the desktop app opens the demo case in a locked-down window', async () => {
  const { buildMain, electronBinary } = (await import(BUILD_SCRIPT)) as BuildScript;
  const bin = electronBinary();
  if (!bin) {
    console.log('    SKIPPED: no Electron binary on this machine');
    throw new Skip('no Electron binary on this machine');
  }
  await buildMain();
  const root = path.resolve(__dirname, '..', '..', '..');
  const app = await _electron.launch({ executablePath: bin, args: [root], env: { ...process.env, SIGNINSCOPE_CACHE: path.join(RESULTS_DIR, 'electron-cache') } });
  try {
    const win = await app.firstWindow();
    await win.waitForSelector('[data-testid=matching]', { timeout: 240_000 });
    assert(win.url().startsWith('app://signinscope/'), `served from app:// (${win.url()})`);
    const exposed = await win.evaluate(() => Object.keys((window as unknown as { signinscope: object }).signinscope).sort().join(','));
    assert(exposed === 'invoke,on', `preload exposes only invoke and on (${exposed})`);
    const nodeVisible = await win.evaluate(() => typeof (globalThis as { require?: unknown }).require !== 'undefined' || typeof (globalThis as { process?: unknown }).process !== 'undefined');
    assert(!nodeVisible, 'no Node.js globals in the page');
    await win.screenshot({ path: path.join(RESULTS_DIR, '12-electron.png') });
  } finally {
    await app.close();
  }
});
