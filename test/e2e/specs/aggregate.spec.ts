// Aggregated sign-ins: non-interactive sign-ins grouped per hour like the admin center, each group's
// count as the backend computes it, and expanding a group shows exactly its sign-ins in the grid.
import type { Req } from '../../../shared/api/contract';
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { backendMatching, lastSnapshotFilter, settle, shownCounts } from '../ui';

function lastAggregateReq(): Req<'query.aggregate'> {
  const frame = [...e2e().sentFrames].reverse().find((f) => f.channel === 'query.aggregate' && (f.req as { offset: number }).offset === 0);
  if (!frame) throw new Error('the page sent no query.aggregate');
  return frame.req as Req<'query.aggregate'>;
}

const parseCount = (text: string | null) => Number((text ?? '').replace(/[^0-9]/g, ''));

test('aggregate: non-interactive sign-ins per hour, a group expands to exactly its sign-ins', async () => {
  try {
    await aggregateAndExpand();
  } finally {
    // Whatever failed, the following specs get the normal grid without filters.
    const { page } = e2e();
    const off = page.locator('[data-testid=aggregate-bar] button[data-window="off"]');
    if ((await off.getAttribute('aria-pressed')) !== 'true') await off.click();
    if (await page.$('[data-testid=chips] >> text=Clear all')) await page.click('[data-testid=chips] >> text=Clear all');
    await settle(page);
  }
});

async function aggregateAndExpand(): Promise<void> {
  const { page, backend } = e2e();
  await page.click('[data-testid=view-signins]');
  await settle(page);
  if (await page.$('[data-testid=chips] >> text=Clear all')) await page.click('[data-testid=chips] >> text=Clear all');
  await page.click('.quick-filters .segmented button:has-text("Non-interactive")');
  await settle(page);

  await page.click('[data-testid=aggregate-bar] button[data-window="1h"]');
  const firstRow = page.locator('[data-testid=aggregate-table] .agg-row[aria-rowindex="1"]:not(.loading)');
  await firstRow.waitFor();
  await settle(page);
  const req = lastAggregateReq();
  assertEqual(req.window, '1h', 'window sent');
  assert(
    req.filter.conditions?.some((c) => c.column === 'sign_in_type' && c.values?.includes('nonInteractiveUser')),
    'the non-interactive filter is aggregated',
  );
  const expected = await backend.call('query.aggregate', { ...req, offset: 0, limit: 5 });
  const group = expected.rows[0];
  assert(group, 'the demo case has non-interactive groups');
  assertEqual(parseCount(await page.textContent('[data-testid=aggregate-total]')), expected.total, 'groups shown vs backend');
  assertEqual(parseCount(await firstRow.locator('.ac-count').textContent()), group.count, 'first group count vs backend');
  assertEqual(await firstRow.locator('.ac-user').textContent(), group.servicePrincipal ? `SP ${group.user ?? '—'}` : (group.user ?? '—'), 'first group user');
  assertEqual(await firstRow.locator('.ac-ip').textContent(), group.ip ?? '—', 'first group IP');
  await screenshot(page, '30-aggregated-signins');

  await firstRow.click();
  await page.waitForSelector('[data-testid=aggregate-bar] button[data-window="off"][aria-pressed=true]');
  await page.waitForSelector('.grid-row:not(.loading)');
  await settle(page);
  assertEqual((await shownCounts(page)).matching, group.count, 'grid rows after expanding the group');
  const filter = lastSnapshotFilter();
  assertEqual(await backendMatching(filter), group.count, "the expanded filter's own count");
  assertEqual(filter.timeTo! - filter.timeFrom!, 3_600_000, 'the window is one hour');
  assertEqual(filter.timeFrom, group.windowStart, 'the window starts with the group');
  await screenshot(page, '31-aggregate-group-expanded');
}
