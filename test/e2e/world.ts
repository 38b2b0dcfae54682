// What every spec runs against (one per Playwright worker): evidence written by the seeded generator
// into a temp folder, browser mode started on an empty case sharing that folder, the test's own
// backend connection, and one browser page that records what it requested, sent and was asked.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { writeGraphBulk } from '../../main/generator/bulk';
import { writeDemoSet } from '../../main/generator/demo-set';
import { BackendClient } from './backend-client';
import type { E2E } from './context';
import { startServer } from './server-process';

/** A zone with a half-hour offset makes any UTC/local mix-up visible. */
export const TEST_TIMEZONE = 'Asia/Kolkata';
export const DEFAULT_VIEWPORT = { width: 1600, height: 960 };

export async function startWorld(browser: Browser): Promise<{ world: E2E; close(): Promise<void> }> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'signinscope-e2e-'));
  const evidenceDir = path.join(work, 'evidence');
  let cleanup: Array<() => Promise<void> | void> = [() => rmSync(work, { recursive: true, force: true })];
  const close = async () => {
    for (const step of cleanup) await Promise.resolve(step()).catch(() => undefined);
  };
  try {
    const demo = await writeDemoSet(evidenceDir, { seed: 4242, users: 30, days: 7 });
    // One larger file so the import runs long enough to show its progress.
    const bulk = path.join(evidenceDir, 'graph-bulk-signins.json');
    await writeGraphBulk(bulk, { seed: 99, records: 12_000 });

    // The specs save and export next to the evidence, so that folder is also the output folder here;
    // the write-target rule still refuses the evidence files themselves (first-run.spec.ts: the default setup).
    const server = await startServer(['--empty', '--root', evidenceDir, '--out', evidenceDir], { SIGNINSCOPE_CACHE: path.join(work, 'cache') });
    cleanup = [() => server.stop(), ...cleanup];
    const backend = await BackendClient.connect(server);
    cleanup = [() => backend.close(), ...cleanup];

    const context = await browser.newContext({ viewport: DEFAULT_VIEWPORT, timezoneId: TEST_TIMEZONE, locale: 'en-US' });
    cleanup = [() => context.close(), ...cleanup];
    const page = await context.newPage();
    const world: E2E = {
      server,
      backend,
      context,
      page,
      evidenceDir,
      evidenceFiles: [...demo.files.map((f) => f.path), bulk],
      groundTruth: demo.groundTruth,
      requests: [],
      dialogs: [],
      sentFrames: [],
    };
    await context.route('**/*', (route) => {
      const url = route.request().url();
      world.requests.push(url);
      return new URL(url).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient');
    });
    context.on('request', (req) => world.requests.push(req.url()));
    page.on('dialog', (d) => {
      world.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('websocket', (ws) => {
      world.requests.push(ws.url());
      ws.on('framesent', (f) => {
        try {
          world.sentFrames.push(JSON.parse(String(f.payload)));
        } catch {
          // not a request frame
        }
      });
    });
    page.on('pageerror', (err) => console.log(`    page error: ${err.message}`));
    return { world, close };
  } catch (err) {
    await close();
    throw err;
  }
}
