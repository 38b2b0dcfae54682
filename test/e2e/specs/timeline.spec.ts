// Brushing the histogram filters (and zooms) the time range; the per-user lanes pivot on a user.
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { backendMatching, lastSnapshotFilter, settle, shownCounts } from '../ui';

function lastHistogramReq(): { filter: { timeFrom?: number; timeTo?: number }; buckets: number } {
  const frame = [...e2e().sentFrames].reverse().find((f) => f.channel === 'timeline.histogram');
  if (!frame) throw new Error('no timeline.histogram sent');
  return frame.req as never;
}

test('timeline: brushing the histogram sets the time filter and zooms in', async () => {
  const { page, backend } = e2e();
  const canvas = page.locator('[data-testid=histogram] canvas');
  await canvas.waitFor();
  await settle(page);
  const before = await backend.call('timeline.histogram', lastHistogramReq() as never);
  const box = (await canvas.boundingBox())!;
  const plotLeft = box.x + 52;
  const plotWidth = box.width - 64;
  const y = box.y + box.height / 2;
  await page.mouse.move(plotLeft + plotWidth * 0.35, y);
  await page.mouse.down();
  await page.mouse.move(plotLeft + plotWidth * 0.5, y, { steps: 8 });
  await page.mouse.move(plotLeft + plotWidth * 0.6, y, { steps: 8 });
  await page.mouse.up();
  await settle(page);

  const filter = lastSnapshotFilter();
  assert(filter.timeFrom !== undefined && filter.timeTo !== undefined && filter.timeFrom < filter.timeTo, 'the brush set a time range');
  assert(filter.timeFrom! > before.from && filter.timeTo! < before.to + before.bucketMs, 'the range lies inside the charted period');
  await page.waitForSelector('[data-testid=chips] .chip-field:has-text("Date")');
  assertEqual((await shownCounts(page)).matching, await backendMatching({ conditions: [], timeFrom: filter.timeFrom, timeTo: filter.timeTo }), 'sign-ins in the brushed range');
  const after = await backend.call('timeline.histogram', lastHistogramReq() as never);
  assertEqual(lastHistogramReq().filter.timeFrom, filter.timeFrom, 'the histogram re-queried the brushed range');
  assert(after.bucketMs < before.bucketMs, `bars got finer (${before.bucketMs} → ${after.bucketMs} ms)`);
  await screenshot(page, '07-timeline-brushed');

  await page.click('[data-testid=time-range]');
  await page.waitForSelector('.time-form');
  await screenshot(page, '07a-time-range');
  await page.keyboard.press('Escape');

  await page.click('[data-testid=swimlanes-tab]');
  const lane = page.locator('.sl-label').first();
  await lane.waitFor();
  const user = (await lane.locator('.sl-name').textContent()) ?? '';
  await screenshot(page, '08-swimlanes');
  await lane.click();
  await settle(page);
  assertEqual(
    (await shownCounts(page)).matching,
    await backendMatching({ conditions: [{ column: 'user_principal_name', op: 'in', values: [user] }], timeFrom: filter.timeFrom, timeTo: filter.timeTo }),
    `sign-ins of ${user} in the range`,
  );
  await page.click('button:has-text("Sign-ins by status")');
  await page.click('[data-testid=chips] >> text=Clear all');
  await settle(page);
});
