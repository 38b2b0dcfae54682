// The desktop shell: driven by Playwright's Electron support where an Electron binary exists, and
// its main-process wiring exercised against a stub 'electron' module everywhere.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { _electron } from 'playwright-core';
import { CHANNELS } from '../../../shared/api/contract';
import { e2e, RESULTS_DIR } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';

// No shared case needed: the desktop app and the stubbed main process run apart from browser mode.
test.use({ caseNeeds: 'none' });

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
    test.skip(true, 'no Electron binary on this machine');
    return;
  }
  await buildMain();
  const root = path.resolve(__dirname, '..', '..', '..');
  const app = await _electron.launch({ executablePath: bin, args: [root], env: { ...process.env, SIGNINSCOPE_CACHE: path.join(RESULTS_DIR, 'electron-cache') } });
  try {
    const win = await app.firstWindow();
    await win.waitForSelector('[data-testid=matching]', { timeout: 240_000 });
    assert(win.url().startsWith('app://signinscope/'), `served from app:// (${win.url()})`);
    const exposed = await win.evaluate(() =>
      Object.keys((window as unknown as { signinscope: object }).signinscope)
        .sort()
        .join(','),
    );
    assert(exposed === 'invoke,on', `preload exposes only invoke and on (${exposed})`);
    const nodeVisible = await win.evaluate(() => typeof (globalThis as { require?: unknown }).require !== 'undefined' || typeof (globalThis as { process?: unknown }).process !== 'undefined');
    assert(!nodeVisible, 'no Node.js globals in the page');
    await win.screenshot({ path: path.join(RESULTS_DIR, '12-electron.png') });
  } finally {
    await app.close();
  }
});

test('electron main process (stubbed electron module): IPC sender check, app:// protocol, request blocking', async () => {
  const { buildMain } = (await import(BUILD_SCRIPT)) as BuildScript;
  await buildMain();
  const root = path.resolve(__dirname, '..', '..', '..');
  const { evidenceDir } = e2e();
  const evidence = path.join(
    evidenceDir,
    readdirSync(evidenceDir).find((f) => f.startsWith('graph-beta'))!,
  );
  const userData = mkdtempSync(path.join(os.tmpdir(), 'signinscope-stub-'));
  const res = spawnSync(process.execPath, [path.join(__dirname, '..', 'electron-stub', 'drive.cjs'), path.join(root, 'dist', 'main', 'electron-app.js'), evidence], {
    encoding: 'utf8',
    env: { ...process.env, STUB_USER_DATA: userData, SIGNINSCOPE_CACHE: path.join(userData, 'cache') },
    timeout: 120_000,
  });
  rmSync(userData, { recursive: true, force: true });
  const line = /STUB-RESULT (.*)/.exec(res.stdout ?? '')?.[1];
  assert(line, `no result from the stub run:\n${res.stdout}\n${res.stderr}`);
  const r = JSON.parse(line);
  assert(!r.crash, r.crash);
  assertEqual(r.errors.length, 0, `startup errors: ${r.errors.join('; ')}`);
  assert(r.sandbox, 'app.enableSandbox() called');
  const wp = r.webPreferences;
  assert(wp.contextIsolation === true && wp.sandbox === true && wp.nodeIntegration === false && wp.webSecurity === true && wp.webviewTag === false, `webPreferences ${JSON.stringify(wp)}`);
  assertEqual(r.loadedUrl, 'app://signinscope/index.html', 'window URL');
  assertEqual(r.channels, CHANNELS.length, 'one IPC handler per contract channel');
  assert(r.caseFromAppPage.ok && r.caseFromAppPage.value.signins > 0, `the evidence file given on the command line was imported (${JSON.stringify(r.caseFromAppPage)})`);
  assertEqual(r.fromForeignPage.error?.code, 'FORBIDDEN', 'a call from another origin is refused');
  assertEqual(r.fromSubframeUrl.error?.code, 'FORBIDDEN', 'a call from a subframe is refused');
  assertEqual(r.protocolIndex.status, 200, 'app:// serves the renderer');
  assert(String(r.protocolIndex.csp).includes("connect-src 'self'") && String(r.protocolIndex.csp).includes("default-src 'none'"), `CSP ${r.protocolIndex.csp}`);
  assertEqual(r.protocolTraversal.join(','), '404,404', 'no file outside dist/renderer, no other app host');
  assertEqual(JSON.stringify(r.cancels), JSON.stringify({ https: true, ws: true, app: false, otherApp: true }), 'only app://signinscope requests pass');
  assert(r.navigationPrevented, 'navigation away is prevented');
  assertEqual(r.windowOpen.action, 'deny', 'window.open denied');
  assertEqual(r.permission, false, 'permission requests denied');
});
