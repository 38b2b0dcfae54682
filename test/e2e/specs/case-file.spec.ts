// Saving the investigation: a .signinscope file written into a shared folder from the in-app dialog.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';

test('case: save as a .signinscope file in a shared folder, then save in place', async () => {
  const { page, backend, evidenceDir } = e2e();
  await page.click('[data-testid=save-button]');
  await page.waitForSelector('[data-testid=save-dialog]');
  await page.click(`[data-testid=save-dialog] .od-entry.dir:has-text("${evidenceDir}")`);
  await page.fill('[data-testid=save-name]', 'e2e investigation');
  await screenshot(page, '12-save-dialog');
  await page.click('[data-testid=save-confirm]');
  const expected = path.join(evidenceDir, 'e2e investigation.signinscope');
  await page.waitForSelector('.notice:has-text("Case saved to")', { timeout: 60_000 });
  assert(existsSync(expected) && statSync(expected).size > 0, `case file written at ${expected}`);
  const info = await backend.call('case.info', {});
  assertEqual(info.path, expected, 'the case now lives in that file');
  assertEqual(info.dirty, false, 'nothing left unsaved');
  await page.waitForSelector('[data-testid=save-button]:has-text("Save case")');
  assertEqual(await page.$('.case-title .badge'), null, 'no "unsaved changes" badge');

  const firstWrite = statSync(expected).mtimeMs;
  await page.waitForTimeout(20); // distinct mtime on coarse clocks
  await page.click('[data-testid=save-button]');
  await page.waitForFunction(() => document.querySelectorAll('.notice').length >= 1);
  for (let i = 0; i < 100 && statSync(expected).mtimeMs === firstWrite; i++) await page.waitForTimeout(100);
  assert(statSync(expected).mtimeMs > firstWrite, 'Save case rewrote the same file');
});
