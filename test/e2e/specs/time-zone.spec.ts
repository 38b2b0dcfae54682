// Time zones: the UTC/local switch applies to the grid, the details pane and the status bar (the
// browser runs in Asia/Kolkata, UTC+05:30, so a mix-up cannot hide behind a whole-hour offset); an
// IANA zone set for the case gives each row its own DST offset and is saved in the case.
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { ensureCaseWithSignins, reopenPage } from '../case-ready';
import { columnTexts, settle } from '../ui';

const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const IST_MS = 5.5 * 3_600_000;
const NY = 'America/New_York';
/** New York switched from EST (-05:00) to EDT (-04:00) at 2025-03-09 07:00 UTC, inside the demo week. */
const NY_DST_START = Date.UTC(2025, 2, 9, 7);
const nyText = (ms: number) => (ms >= NY_DST_START ? `${fmt(ms - 4 * 3_600_000)} -04:00` : `${fmt(ms - 5 * 3_600_000)} -05:00`);

async function rowTime(position: number): Promise<number> {
  const { backend } = e2e();
  const snap = await backend.call('query.snapshot', { filter: { conditions: [] }, sort: { column: 'created_at', dir: 'desc' } });
  const at = position < 0 ? snap.matching + position : position;
  const page = await backend.call('query.page', { snapshotId: snap.snapshotId, from: at, count: 1, columns: ['created_at'] });
  return Date.parse(String(page.rows[0]![0]));
}

test('time zone: UTC/local toggle applies to grid, details and status bar', async () => {
  const { page } = e2e();
  await ensureCaseWithSignins();
  await page.click('[data-testid=tz-utc]');
  await settle(page);
  const ms = await rowTime(0);

  assertEqual((await columnTexts(page, 'created_at'))[0], fmt(ms), 'first date in UTC');
  assertEqual(await page.textContent('.gh-cell[data-column=created_at] .gh-label'), 'Date (UTC)', 'header in UTC');

  await page.click('[data-testid=tz-local]');
  assertEqual((await columnTexts(page, 'created_at'))[0], `${fmt(ms + IST_MS)} +05:30`, 'first date in local time, with its offset');
  assertEqual(await page.textContent('.gh-cell[data-column=created_at] .gh-label'), 'Date (local)', 'header in local time');
  await page.click('.grid-row[aria-rowindex="1"]');
  await page.waitForSelector('[data-testid=details] .dh-sub');
  const sub = (await page.textContent('[data-testid=details] .dh-sub')) ?? '';
  assertEqual(sub.slice(0, 23), `${fmt(ms + IST_MS)}.${String(ms % 1000).padStart(3, '0')}`, 'details time in local time');
  const status = (await page.textContent('[data-testid=zone-status]')) ?? '';
  assert(status.includes('Times in UTC+05:30') && /Asia\/(Kolkata|Calcutta)/.test(status), `status bar names the zone (${status})`);
  await screenshot(page, '09-local-time');
  await page.click('[data-testid=tz-utc]');
});

test('time zone: an IANA zone set for the case gives each row its DST offset (New York, -05:00 and -04:00)', async () => {
  const { page, backend } = e2e();
  await ensureCaseWithSignins();
  try {
    await page.click('[data-testid=tz-zone]');
    await page.fill('[data-testid=tz-input]', 'Mars/Olympus_Mons');
    await page.waitForSelector('[data-testid=tz-error]');
    assert(await page.isDisabled('[data-testid=tz-apply]'), 'an unknown zone cannot be applied');
    await page.fill('[data-testid=tz-input]', NY);
    assertEqual(await page.$('[data-testid=tz-error]'), null, 'a known zone shows no error');
    await page.click('[data-testid=tz-apply]');
    await page.waitForSelector(`[data-testid=tz-zone]:has-text("${NY}")`);
    for (let i = 0; i < 40 && (await backend.call('case.info', {})).timeZone !== NY; i++) await page.waitForTimeout(100);
    assertEqual((await backend.call('case.info', {})).timeZone, NY, 'the zone is saved in the case');
    assertEqual(await page.textContent('.gh-cell[data-column=created_at] .gh-label'), `Date (${NY})`, 'header names the zone');

    // Newest rows (after the DST change) read -04:00 ...
    const newest = await rowTime(0);
    assert(newest >= NY_DST_START, 'the demo week ends after New York switched to EDT');
    assertEqual((await columnTexts(page, 'created_at'))[0], nyText(newest), 'newest row in EDT');
    // ... and the oldest ones (before it) -05:00, in the same grid.
    const oldest = await rowTime(-1);
    assert(oldest < NY_DST_START, 'the demo week starts before New York switched to EDT');
    await page.$eval('[data-testid=grid-body]', (el) => (el.scrollTop = el.scrollHeight));
    await page.waitForFunction((text) => [...document.querySelectorAll('.grid-row:not(.loading)')].some((r) => r.textContent?.includes(text)), nyText(oldest), { timeout: 20_000 });
    const texts = await columnTexts(page, 'created_at');
    assertEqual(texts[texts.length - 1], nyText(oldest), 'oldest row in EST');
    assert(
      texts.every((t) => /-0[45]:00$/.test(t)),
      'every row shows its own offset',
    );

    const status = (await page.textContent('[data-testid=zone-status]')) ?? '';
    assert(status.includes('UTC-05:00 / UTC-04:00') && status.includes(NY), `status bar lists both offsets of the case (${status})`);
    await page.locator('.grid-row:not(.loading)').last().click();
    await page.waitForSelector('[data-testid=details] .dh-sub');
    const details = (await page.textContent('[data-testid=details]')) ?? '';
    assert(details.includes(`${nyText(oldest).slice(0, 19)}`) && details.includes('-05:00'), `details show the row time with its offset (${details.slice(0, 300)})`);
    await screenshot(page, '09b-new-york-time');

    // Reopening the page keeps the case's zone (it lives in the case, not in the browser).
    await page.evaluate(() => localStorage.removeItem('signinscope.timeMode'));
    await page.evaluate(() => ((window as { beforeReopen?: boolean }).beforeReopen = true));
    await reopenPage();
    await page.waitForSelector(`[data-testid=tz-zone]:has-text("${NY}")`);
    assertEqual(await page.evaluate(() => (window as { beforeReopen?: boolean }).beforeReopen), undefined, 'the page was loaded again');
  } finally {
    await page.click('[data-testid=tz-utc]');
    await settle(page);
  }
});
