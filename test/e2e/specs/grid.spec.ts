// The grid shows exactly what the backend computes, through every kind of filter and sort.
import { LEGACY_CLIENT_APPS } from '../../../shared/model/columns';
import type { FilterSpec } from '../../../shared/model/filter-spec';
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { backendMatching, columnTexts, lastSnapshotFilter, settle, shownCounts } from '../ui';

async function expectCount(independent: FilterSpec, what: string): Promise<number> {
  const { page } = e2e();
  await settle(page);
  const shown = await shownCounts(page);
  const expected = await backendMatching(independent);
  assertEqual(shown.matching, expected, `${what}: sign-ins shown vs backend`);
  assertEqual(await backendMatching(lastSnapshotFilter()), expected, `${what}: the page's own filter`);
  return expected;
}

test('grid: counts match the backend through facet, status and legacy-auth filters', async () => {
  const { page } = e2e();
  const all = await expectCount({ conditions: [] }, 'no filter');

  await page.click('[data-testid=add-filter]');
  await page.click('[data-field=app_display_name]');
  const firstValue = page.locator('[data-testid=picker-app_display_name] .vp-row').first();
  await firstValue.waitFor();
  const app = (await firstValue.locator('.vp-value').textContent()) ?? '';
  await screenshot(page, '05a-value-picker');
  await firstValue.locator('input').check();
  await page.click('[data-testid=picker-app_display_name] .vp-actions .btn.primary');
  const byApp = await expectCount({ conditions: [{ column: 'app_display_name', op: 'in', values: [app] }] }, `application ${app}`);
  assert(byApp > 0 && byApp < all, 'the application filter narrows the rows');
  await page.waitForSelector(`[data-testid=chips] .chip-value:has-text("${app}")`);

  await page.click('.segmented button.seg-failure');
  const failures = await expectCount(
    {
      conditions: [
        { column: 'app_display_name', op: 'in', values: [app] },
        { column: 'status', op: 'in', values: ['Failure'] },
      ],
    },
    'application + failures',
  );
  assert(failures < byApp, 'status narrows further');
  await page.click('[data-testid=chips] >> text=Clear all');

  await page.click('[data-testid=legacy-chip]');
  const legacy = await expectCount({ conditions: [{ column: 'client_app_used', op: 'in', values: [...LEGACY_CLIENT_APPS] }] }, 'legacy authentication');
  assert(legacy > 0, 'the demo data has legacy-auth sign-ins');
  await page.waitForSelector('[data-testid=chips] .chip-value:has-text("Legacy authentication")');
  await screenshot(page, '05-filtered-grid');

  await page.click('[data-testid=chips] >> text=Clear all');
  await expectCount({ conditions: [] }, 'after clearing');
});

test('grid: clicking a header sorts like the backend, both directions', async () => {
  const { page, backend } = e2e();
  for (const dir of ['asc', 'desc'] as const) {
    await page.click('.gh-cell[data-column=user_principal_name]');
    await settle(page);
    const snap = await backend.call('query.snapshot', { filter: { conditions: [] }, sort: { column: 'user_principal_name', dir } });
    const top = await backend.call('query.page', { snapshotId: snap.snapshotId, from: 0, count: 5, columns: ['user_principal_name'] });
    await page.waitForSelector('.grid-row:not(.loading)');
    const shown = (await columnTexts(page, 'user_principal_name')).slice(0, 5);
    assertEqual(shown.join('|'), top.rows.map((r) => String(r[0] ?? '')).join('|'), `first usernames sorted ${dir}`);
    assertEqual(await page.getAttribute('.gh-cell[data-column=user_principal_name]', 'aria-sort'), dir === 'asc' ? 'ascending' : 'descending', 'aria-sort');
  }
  // Every catalogue column can be shown.
  await page.click('[data-testid=column-chooser]');
  await screenshot(page, '05b-column-chooser');
  await page.click('.column-chooser label:has-text("Autonomous system number") input');
  await page.waitForSelector('.gh-cell[data-column=asn]');
  await page.click('.column-chooser label:has-text("Autonomous system number") input');
  await page.keyboard.press('Escape');
  assertEqual(await page.$('.gh-cell[data-column=asn]'), null, 'column hidden again');

  // Back to newest first for the following specs.
  await page.click('.gh-cell[data-column=created_at]');
  await settle(page);
  if ((await page.getAttribute('.gh-cell[data-column=created_at]', 'aria-sort')) !== 'descending') await page.click('.gh-cell[data-column=created_at]');
  await settle(page);
});

test('grid: right-click a cell to filter on its value or exclude it', async () => {
  const { page } = e2e();
  const ipIndex = await page.$$eval('.gh-cell', (cells) => cells.findIndex((c) => (c as HTMLElement).dataset.column === 'ip_address'));
  const ipCell = page.locator('.grid-row[aria-rowindex="1"] .gc').nth(ipIndex);
  const ip = (await ipCell.textContent()) ?? '';
  await ipCell.click({ button: 'right' });
  await page.waitForSelector('.menu');
  await screenshot(page, '05c-cell-menu');
  await page.click('.menu-item:has-text("Exclude this value")');
  await expectCount({ conditions: [{ column: 'ip_address', op: 'notIn', values: [ip] }] }, `excluding ${ip}`);
  await page.waitForSelector('[data-testid=chips] .chip.negative');
  await page.click('[data-testid=chips] >> text=Clear all');
  await settle(page);
});

test('grid: columns resize by their edge and reorder by drag, and the layout persists', async () => {
  const { page } = e2e();
  const header = page.locator('.gh-cell[data-column=user_display_name]');
  const before = (await header.boundingBox())!;
  const handle = (await header.locator('.gh-resize').boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + 80, handle.y + handle.height / 2, { steps: 6 });
  await page.mouse.up();
  const after = (await header.boundingBox())!;
  assert(Math.abs(after.width - before.width - 80) <= 3, `column widened by the drag (${before.width} → ${after.width})`);
  const cell = (await page.locator('.grid-row[aria-rowindex="1"] .gc').nth(1).boundingBox())!;
  assert(Math.abs(cell.width - after.width) <= 1, 'cells follow the header width');

  const order = () => page.$$eval('.gh-cell', (cells) => cells.map((c) => (c as HTMLElement).dataset.column));
  await page.dragAndDrop('.gh-cell[data-column=country]', '.gh-cell[data-column=user_display_name]');
  const moved = await order();
  assertEqual(moved.indexOf('country'), moved.indexOf('user_display_name') - 1, 'Country now sits before User');
  await page.reload();
  await page.waitForSelector('.grid-row:not(.loading)');
  assertEqual((await order()).join(','), moved.join(','), 'column order survives a reload');
  await screenshot(page, '05d-columns-rearranged');
  await page.click('[data-testid=column-chooser]');
  await page.click('.column-chooser button:has-text("Reset")');
  await page.keyboard.press('Escape');
  await settle(page);
});
