// The UTC/local switch applies to the grid, the details pane and the status bar (the browser runs
// in Asia/Kolkata, UTC+05:30, so a mix-up cannot hide behind a whole-hour offset).
import { e2e, screenshot } from '../context';
import { assertEqual, test } from '../harness';
import { columnTexts, settle } from '../ui';

const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const IST_MS = 5.5 * 3_600_000;

test('time zone: UTC/local toggle applies to grid, details and status bar', async () => {
  const { page, backend } = e2e();
  await page.click('[data-testid=tz-utc]');
  await settle(page);
  const snap = await backend.call('query.snapshot', { filter: { conditions: [] }, sort: { column: 'created_at', dir: 'desc' } });
  const first = await backend.call('query.page', { snapshotId: snap.snapshotId, from: 0, count: 1, columns: ['created_at'] });
  const ms = Date.parse(String(first.rows[0]![0]));

  assertEqual((await columnTexts(page, 'created_at'))[0], fmt(ms), 'first date in UTC');
  assertEqual(await page.textContent('.gh-cell[data-column=created_at] .gh-label'), 'Date (UTC)', 'header in UTC');

  await page.click('[data-testid=tz-local]');
  assertEqual((await columnTexts(page, 'created_at'))[0], fmt(ms + IST_MS), 'first date in local time');
  assertEqual(await page.textContent('.gh-cell[data-column=created_at] .gh-label'), 'Date (local)', 'header in local time');
  await page.click('.grid-row[aria-rowindex="1"]');
  await page.waitForSelector('[data-testid=details] .dh-sub');
  const sub = (await page.textContent('[data-testid=details] .dh-sub')) ?? '';
  assertEqual(sub.slice(0, 23), `${fmt(ms + IST_MS)}.${String(ms % 1000).padStart(3, '0')}`, 'details time in local time');
  assertEqual(((await page.textContent('.status-bar')) ?? '').includes('Times in UTC+05:30'), true, 'status bar names the zone');
  await screenshot(page, '09-local-time');
  await page.click('[data-testid=tz-utc]');
});
