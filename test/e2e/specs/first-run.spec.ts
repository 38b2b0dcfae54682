// The first minutes (issue 10): `npm start` with no --root can open, save and export; New case and
// Close case; importing while the demo is open starts a new case; replacing a file asks first; files
// dropped on the page are copied read-only into the output folder and imported.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { BackendClient } from '../backend-client';
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { startServer, type ServerHandle } from '../server-process';

// No shared case needed: its own server, started the way `npm start` starts it.
test.use({ caseNeeds: 'none' });

interface FirstRun {
  server: ServerHandle;
  backend: BackendClient;
  page: Page;
  startDir: string;
  outputDir: string;
  evidence: string;
}

let firstRun: FirstRun | null = null;

/** A second server started the way `npm start` starts it: no arguments, from an analyst's folder. */
async function firstRunServer(): Promise<FirstRun> {
  if (firstRun) return firstRun;
  const { evidenceDir, context } = e2e();
  const startDir = mkdtempSync(path.join(path.dirname(evidenceDir), 'analyst-'));
  const name = readdirSync(evidenceDir).find((f) => f.startsWith('graph-v1'))!;
  copyFileSync(path.join(evidenceDir, name), path.join(startDir, name));
  // npm runs scripts from the package folder and tells where it was started in INIT_CWD.
  const server = await startServer([], { INIT_CWD: startDir, SIGNINSCOPE_CACHE: path.join(path.dirname(evidenceDir), 'cache') });
  const backend = await BackendClient.connect(server);
  const page = await context.newPage();
  page.on('dialog', (d) => void d.dismiss());
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=case-title]:has-text("Demo")', { timeout: 300_000 });
  firstRun = { server, backend, page, startDir, outputDir: path.join(startDir, 'signinscope-output'), evidence: path.join(startDir, name) };
  return firstRun;
}

/** The brief's two window sizes, then back to the suite's. */
async function screenshotSizes(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const [width, height] of [
    [1280, 720],
    [1600, 1000],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(150); // one layout pass
    await screenshot(page, `${name}-${width}x${height}`);
  }
  if (original) await page.setViewportSize(original);
}

async function title(page: Page): Promise<string> {
  return (await page.textContent('[data-testid=case-title]')) ?? '';
}

test('first run: npm start without --root names its output folder and can open evidence from the start folder', async () => {
  const { server, page, startDir, outputDir, backend } = await firstRunServer();
  assert(server.output().includes(`Output folder (cases, exports, reports, dropped files): ${outputDir}`), 'the output folder is named on screen');
  assert(existsSync(outputDir) && statSync(outputDir).isDirectory(), 'the output folder was created');
  const demo = await backend.call('case.info', {});
  await page.click('[data-testid=open-button]');
  await page.waitForSelector(`[data-testid=open-dialog] .od-entry.dir:has-text("${startDir}") .badge:has-text("read only")`);
  await page.waitForSelector(`[data-testid=open-dialog] .od-entry.dir:has-text("${outputDir}") .badge:has-text("output folder")`);
  await screenshotSizes(page, 'first-run-open-dialog');
  await page.click(`[data-testid=open-dialog] .od-entry.dir:has-text("${startDir}") >> nth=0`);
  await page.check(`[data-testid=open-dialog] .od-entry:has-text("${path.basename(firstRun!.evidence)}") input[type=checkbox]`);
  await page.click('[data-testid=import-selected]');
  // Importing from the demo starts a new case: the demo is left as it was.
  await page.waitForSelector('.notice:has-text("new untitled case")', { timeout: 60_000 });
  await page.waitForSelector('[data-testid=case-title]:has-text("Untitled case")');
  await page.waitForFunction(() => !document.querySelector('[data-testid=import-progress]'), undefined, { timeout: 120_000 });
  const info = await backend.call('case.info', {});
  assertEqual(info.sources.length, 1, 'the new case holds only the imported file');
  assert(info.signins > 0 && info.signins !== demo.signins, 'the new case holds the imported sign-ins, not the demo');
  assert((await title(page)).includes('not saved'), 'the title says the case is not saved');
  assert((await page.title()).startsWith('Untitled case'), 'the window title names the case');
  const demoAgain = await backend.call('case.openDemo', {});
  assertEqual(demoAgain.signins, demo.signins, 'the demo case did not grow');
  assertEqual(demoAgain.sources.length, demo.sources.length, 'the demo case has no new evidence');
  await page.waitForSelector('[data-testid=case-title]:has-text("Demo")');
});

test('first run: save and export go to the output folder; a read-only folder is refused before writing', async () => {
  const { page, startDir, outputDir } = await firstRunServer();
  await page.click('[data-testid=case-menu]');
  await page.click('[data-testid=new-case-button]');
  await page.waitForSelector('[data-testid=case-title]:has-text("Untitled case")');
  await page.click('[data-testid=open-button]');
  await page.click(`[data-testid=open-dialog] .od-entry.dir:has-text("${startDir}") >> nth=0`);
  await page.check(`[data-testid=open-dialog] .od-entry:has-text("${path.basename(firstRun!.evidence)}") input[type=checkbox]`);
  await page.click('[data-testid=import-selected]');
  await page.waitForFunction(() => !document.querySelector('[data-testid=import-progress]'), undefined, { timeout: 120_000 });

  await page.click('[data-testid=save-button]');
  await page.click(`[data-testid=save-dialog] .od-entry.dir:has-text("${startDir}") >> nth=0`);
  await page.waitForSelector('[data-testid=save-dialog] [data-testid=write-hint]');
  assert(await page.isDisabled('[data-testid=save-confirm]'), 'saving into the read-only start folder is not offered');
  await screenshotSizes(page, 'first-run-save-read-only');
  await page.click('[data-testid=save-dialog] [data-testid=output-folder-button]');
  await page.fill('[data-testid=save-name]', 'first-run');
  await page.click('[data-testid=save-confirm]');
  await page.waitForSelector('.notice:has-text("Case saved to")', { timeout: 60_000 });
  assert(existsSync(path.join(outputDir, 'first-run.signinscope')), 'the case was saved in the output folder');
  assert(!(await title(page)).includes('not saved'), 'the title no longer says "not saved"');

  await page.click('[data-testid=export-button]');
  await page.click('[data-testid=export-dialog] [data-testid=output-folder-button]');
  await page.fill('[data-testid=export-name]', 'first-run.csv');
  await page.click('[data-testid=export-start]');
  await page.waitForSelector('.notice:has-text("Exported")', { timeout: 60_000 });
  const csv = path.join(outputDir, 'first-run.csv');
  assert(existsSync(csv), 'the export was written in the output folder');

  await page.click('[data-testid=report-button]');
  await page.click('[data-testid=report-dialog] [data-testid=output-folder-button]');
  await page.click('[data-testid=export-start]');
  await page.waitForSelector('.notice:has-text("Report written to")', { timeout: 120_000 });
  assert(
    readdirSync(outputDir).some((f) => f.endsWith('-report.html')),
    'the report was written in the output folder',
  );
});

test('first run: replacing an existing file asks first, and Cancel keeps it', async () => {
  const { page, outputDir } = await firstRunServer();
  const csv = path.join(outputDir, 'first-run.csv');
  const before = readFileSync(csv);
  const mtime = statSync(csv).mtimeMs;
  await page.click('[data-testid=export-button]');
  await page.click('[data-testid=export-dialog] [data-testid=output-folder-button]');
  await page.fill('[data-testid=export-name]', 'first-run.csv');
  await page.click('[data-testid=export-dialog] button:has-text("JSON")');
  await page.fill('[data-testid=export-name]', 'first-run.csv');
  await page.click('[data-testid=export-start]');
  await page.waitForSelector('[data-testid=confirm-dialog]:has-text("already exists")');
  await screenshotSizes(page, 'first-run-replace-confirm');
  await page.click('[data-testid=confirm-cancel]');
  await page.waitForSelector('[data-testid=confirm-dialog]', { state: 'detached' });
  assertEqual(statSync(csv).mtimeMs, mtime, 'Cancel left the file untouched');
  assert(readFileSync(csv).equals(before), 'same bytes after Cancel');

  await page.click('[data-testid=export-start]');
  await page.click('[data-testid=confirm-dialog] [data-testid=confirm-ok]');
  await page.waitForSelector('.notice:has-text("as JSON")', { timeout: 60_000 });
  assert(readFileSync(csv, 'utf8').trimStart().startsWith('['), 'Replace wrote the JSON export over the file');

  // Save as onto another existing case asks too (saving over the case's own file does not).
  await page.click('text=Save as…');
  await page.click('[data-testid=save-dialog] [data-testid=output-folder-button]');
  await page.fill('[data-testid=save-name]', 'second');
  await page.click('[data-testid=save-confirm]');
  await page.waitForSelector('[data-testid=case-title][title$="second.signinscope"]', { timeout: 60_000 });
  await page.click('text=Save as…');
  await page.click('[data-testid=save-dialog] [data-testid=output-folder-button]');
  await page.fill('[data-testid=save-name]', 'first-run');
  await page.click('[data-testid=save-confirm]');
  await page.waitForSelector('[data-testid=confirm-dialog]:has-text("first-run.signinscope")');
  await page.click('[data-testid=confirm-dialog] [data-testid=confirm-ok]');
  await page.waitForSelector('.notice:has-text("Case saved to")', { timeout: 60_000 });
});

test('first run: files dropped on the page are copied read-only into the output folder and imported', async () => {
  const { page, outputDir, backend } = await firstRunServer();
  await page.click('[data-testid=case-menu]');
  await page.click('[data-testid=new-case-button]');
  await page.waitForSelector('[data-testid=case-title]:has-text("Untitled case")');
  const text = readFileSync(firstRun!.evidence, 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'dropped-signins.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.waitForSelector('[data-testid=drop-overlay]:has-text("read-only copy")');
  await screenshotSizes(page, 'first-run-drop-overlay');
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await page.waitForSelector('.notice:has-text("Copied 1 dropped file")', { timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid=import-progress]'), undefined, { timeout: 120_000 });
  const info = await backend.call('case.info', {});
  assertEqual(info.sources.length, 1, 'one source: the copy');
  const source = info.sources[0]!;
  assertEqual(source.fileName, 'dropped-signins.json', 'the copy keeps the original name');
  assert(source.path.startsWith(path.join(outputDir, 'dropped') + path.sep), `the copy lives in the output folder (${source.path})`);
  assertEqual(statSync(source.path).mode & 0o222, 0, 'the copy is read-only');
  assert(readFileSync(source.path).equals(Buffer.from(text)), 'the copy holds exactly the dropped bytes');
  const manifest = JSON.parse(readFileSync(path.join(path.dirname(source.path), 'received.json'), 'utf8'));
  assertEqual(manifest.files[0].sha256, source.sha256, 'received.json records the hash of the bytes received, which is what was imported');
  assertEqual(manifest.files[0].originalName, 'dropped-signins.json', 'received.json records the original name');
  assert(info.signins > 0, 'the dropped file was imported');
});

test('first run: Close case asks when there are unsaved changes, then leaves an empty case', async () => {
  const { page, backend } = await firstRunServer();
  const info = await backend.call('case.info', {});
  assert(info.dirty && info.path === null, 'the dropped import left an unsaved case');
  await page.click('[data-testid=case-menu]');
  await screenshotSizes(page, 'first-run-case-menu');
  await page.click('[data-testid=close-case-button]');
  await page.waitForSelector('[data-testid=confirm-dialog]:has-text("unsaved changes")');
  await screenshotSizes(page, 'first-run-close-confirm');
  await page.click('[data-testid=confirm-cancel]');
  assertEqual((await backend.call('case.info', {})).signins, info.signins, 'Cancel kept the case open');
  await page.click('[data-testid=case-menu]');
  await page.click('[data-testid=close-case-button]');
  await page.click('[data-testid=confirm-dialog] [data-testid=confirm-ok]');
  await page.waitForSelector('.notice:has-text("Closed")');
  const after = await backend.call('case.info', {});
  assertEqual(after.signins, 0, 'an empty case is open');
  assertEqual(after.path, null, 'it has no file yet');
  await page.waitForSelector('[data-testid=case-title]:has-text("Untitled case")');
  await screenshot(page, 'first-run-closed');
  await page.close();
  firstRun!.backend.close();
  await firstRun!.server.stop();
});
