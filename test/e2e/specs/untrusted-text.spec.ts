// Log fields are attacker-controlled: the demo tenant has a display name with an <img onerror>
// and a user agent with a <script>. They must appear as text, never as markup.
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { backendMatching, settle, shownCounts } from '../ui';

test('untrusted text: HTML in log fields renders as literal text', async () => {
  const { page, dialogs } = e2e();
  await page.fill('[data-testid=search]', 'onerror');
  await page.press('[data-testid=search]', 'Enter');
  await settle(page);
  const n = (await shownCounts(page)).matching;
  assert(n > 0, 'the demo data has the <img onerror> display name');
  assertEqual(n, await backendMatching({ conditions: [], text: 'onerror' }), 'search count');
  await page.click('.grid-row[aria-rowindex="1"]');
  await page.waitForSelector('[data-testid=details] .dh-user');
  const grid = (await page.textContent('.grid-spacer')) ?? '';
  assert(grid.includes('<img src=x onerror=alert(1)>'), 'the grid shows the markup as text');

  await page.fill('[data-testid=search]', '<script>');
  await page.press('[data-testid=search]', 'Enter');
  await settle(page);
  assert((await shownCounts(page)).matching > 0, 'the demo data has the <script> user agent');
  await page.click('.grid-row[aria-rowindex="1"]');
  await page.click('[data-testid=details] .small-tabs button:has-text("Device")');
  const device = (await page.textContent('[data-testid=details] .details-body')) ?? '';
  assert(device.includes('<script>alert(1)</script>'), 'the user agent shows its <script> tag as text');
  await screenshot(page, '10-untrusted-text');

  const dom = await page.evaluate(() => ({ imgs: document.querySelectorAll('img').length, scripts: document.querySelectorAll('script').length }));
  assertEqual(dom.imgs, 0, 'no <img> element was created');
  assertEqual(dom.scripts, 1, 'only the app bundle is a <script>');
  assertEqual(dialogs.length, 0, `no dialog fired (${dialogs.join(', ')})`);
  await page.click('[data-testid=details] .small-tabs button:has-text("Basic info")');
  await page.fill('[data-testid=search]', '');
  await page.press('[data-testid=search]', 'Enter');
  await settle(page);
});
