// The end-to-end suite: generates evidence with the seeded generator into a temp folder, starts
// browser mode on an empty case sharing that folder, drives the workbench in headless Chromium and
// checks what it shows against the backend. Prints `e2e: N passed, N failed, N skipped`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { writeGraphBulk } from '../../main/generator/bulk';
import { writeDemoSet } from '../../main/generator/demo-set';
import { BackendClient } from './backend-client';
import { setE2E, type E2E } from './context';
import { runAll } from './harness';
import { startServer } from './server-process';
import './specs/server-security';
import './specs/import';
import './specs/vocabulary';
import './specs/grid';
import './specs/grid-keyboard';
import './specs/keyboard-tasks';
import './specs/grid-explorer';
import './specs/aggregate';
import './specs/details';
import './specs/case-file';
import './specs/timeline';
import './specs/time-zone';
import './specs/untrusted-text';
import './map-sessions.spec';
import './specs/detections-annotations';
import './specs/network';
import './specs/electron';
// leads adds sign-ins to the shared case; first-run and crafted-case then open other cases in the page.
import './specs/leads';
import './specs/first-run';
import './specs/crafted-case';
import './specs/look';
// triage import starts a new case of its own: after every spec that uses the shared one.
import './specs/triage-import';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** A zone with a half-hour offset makes any UTC/local mix-up visible. */
export const TEST_TIMEZONE = 'Asia/Kolkata';

async function main(): Promise<number> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'signinscope-e2e-'));
  const evidenceDir = path.join(work, 'evidence');
  let cleanup: Array<() => Promise<void> | void> = [() => rmSync(work, { recursive: true, force: true })];
  try {
    const demo = await writeDemoSet(evidenceDir, { seed: 4242, users: 30, days: 7 });
    // One larger file so the import runs long enough to show its progress.
    await writeGraphBulk(path.join(evidenceDir, 'graph-bulk-signins.json'), { seed: 99, records: 12_000 });

    // The specs save and export next to the evidence, so that folder is also the output folder here;
    // the write-target rule still refuses the evidence files themselves (specs/first-run.ts: the default setup).
    const server = await startServer(['--empty', '--root', evidenceDir, '--out', evidenceDir], { SIGNINSCOPE_CACHE: path.join(work, 'cache') });
    cleanup = [() => server.stop(), ...cleanup];
    const backend = await BackendClient.connect(server);
    cleanup = [() => backend.close(), ...cleanup];

    const context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1600, height: 960 },
      timezoneId: TEST_TIMEZONE,
      locale: 'en-US',
    });
    cleanup = [() => context.close(), ...cleanup];
    const e: E2E = { server, backend, context, page: context.pages()[0] ?? (await context.newPage()), evidenceDir, groundTruth: demo.groundTruth, requests: [], dialogs: [], sentFrames: [] };
    await context.route('**/*', (route) => {
      const url = route.request().url();
      e.requests.push(url);
      return new URL(url).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient');
    });
    context.on('request', (req) => e.requests.push(req.url()));
    e.page.on('dialog', (d) => {
      e.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    e.page.on('websocket', (ws) => {
      e.requests.push(ws.url());
      ws.on('framesent', (f) => {
        try {
          e.sentFrames.push(JSON.parse(String(f.payload)));
        } catch {
          // not a request frame
        }
      });
    });
    e.page.on('pageerror', (err) => console.log(`    page error: ${err.message}`));
    setE2E(e);

    const counts = await runAll(process.argv[2]);
    console.log(`e2e: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    return counts.failed === 0 ? 0 : 1;
  } catch (err) {
    console.log(`e2e setup failed: ${(err as Error).stack}`);
    console.log('e2e: 0 passed, 1 failed, 0 skipped');
    return 1;
  } finally {
    for (const step of cleanup) await Promise.resolve(step()).catch(() => undefined);
  }
}

void main().then((code) => process.exit(code));
