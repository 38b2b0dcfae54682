// The grid's selection and keyboard, after Timeline Explorer: click / Shift / Ctrl-click and
// Shift+arrows select ranges, bulk star acts on the selection, Enter opens the details, Esc comes
// back and clears, Ctrl+C copies a cell or the rows as TSV with headers, Ctrl+F finds within the filter.
import type { SortSpec } from '../../../shared/model/filter-spec';
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { backendMatching, lastSnapshotFilter, settle, shownCounts, unfilteredGrid } from '../ui';

const row = (n: number) => `.grid-row[aria-rowindex="${n}"]`;

async function selectedRowNumbers(): Promise<number[]> {
  return e2e().page.$$eval('.grid-row[aria-selected=true]', (rows) => rows.map((r) => Number(r.getAttribute('aria-rowindex'))).sort((a, b) => a - b));
}

async function expectSelected(expected: number[], what: string): Promise<void> {
  const { page } = e2e();
  await page.waitForFunction((n) => document.querySelectorAll('.grid-row[aria-selected=true]').length === n, expected.length).catch(() => undefined);
  assertEqual((await selectedRowNumbers()).join(','), expected.join(','), what);
}

/** Record ids of the page's snapshot at positions [from, from + count), asked of the backend independently. */
async function snapshotRids(from: number, count: number): Promise<number[]> {
  const frame = [...e2e().sentFrames].reverse().find((f) => f.channel === 'query.snapshot');
  const sort = (frame?.req as { sort: SortSpec }).sort;
  const snap = await e2e().backend.call('query.snapshot', { filter: lastSnapshotFilter(), sort });
  return (await e2e().backend.call('query.page', { snapshotId: snap.snapshotId, from, count, columns: [] })).rids;
}

/** The first shown row (1-based) whose user name is not empty, and that user name. */
async function rowWithUser(upnCol: number): Promise<{ n: number; user: string }> {
  for (let n = 1; n <= 20; n++) {
    const user = (await e2e().page.textContent(`${row(n)} .gc[data-col="${upnCol}"]`)) ?? '';
    if (user.includes('@')) return { n, user };
  }
  throw new Error('none of the first 20 rows has a user name');
}

test('grid keyboard: click, Shift-click, Ctrl-click and Shift+arrows select ranges; star and unstar the selection', async () => {
  const { page, backend } = e2e();
  await unfilteredGrid();
  await page.click(row(2));
  await expectSelected([2], 'a click selects one row');
  await page.click(row(5), { modifiers: ['Shift'] });
  await expectSelected([2, 3, 4, 5], 'Shift-click selects the range from the anchor');
  await page.waitForSelector('[data-testid=selection-count]:has-text("4 selected")');
  await page.click(row(3), { modifiers: ['Control'] });
  await expectSelected([2, 4, 5], 'Ctrl-click takes one row out');
  await page.click(row(7), { modifiers: ['Control'] });
  await expectSelected([2, 4, 5, 7], 'Ctrl-click adds one row');

  await page.click(row(1));
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
  await expectSelected([1, 2, 3, 4], 'Shift+ArrowDown extends');
  await page.keyboard.press('Shift+ArrowUp');
  await expectSelected([1, 2, 3], 'Shift+ArrowUp shrinks toward the anchor');
  assert(await page.$eval(row(3), (r) => r.classList.contains('cursor')), 'the cursor follows the keys');
  await screenshot(page, '07a-grid-selection');

  const rids = await snapshotRids(0, 3);
  await page.click('[data-testid=star-selection]');
  await page.waitForSelector('.notice:has-text("Starred 3 sign-ins")');
  const marks = await backend.call('annotations.forRids', { rids: [...rids, ...(await snapshotRids(3, 1))] });
  assertEqual(
    marks.rows
      .filter((r) => r.starred)
      .map((r) => r.rid)
      .sort()
      .join(','),
    [...rids].sort().join(','),
    'exactly the three selected sign-ins are starred',
  );

  await page.click('[data-testid=tag-selection]');
  await page.waitForSelector('[data-testid=bulk-tag-dialog]:has-text("3 sign-ins selected in the grid")');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=bulk-tag-dialog]', { state: 'detached' });

  await page.click('[data-testid=unstar-selection]');
  await page.waitForSelector('.notice:has-text("Unstarred 3 sign-ins")');
  assertEqual((await backend.call('annotations.forRids', { rids })).rows.filter((r) => r.starred).length, 0, 'unstarred again');
});

test('grid keyboard: Enter opens the details, Esc returns to the grid, Esc again clears the selection', async () => {
  const { page } = e2e();
  await unfilteredGrid();
  await page.focus('[data-testid=grid-body]');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await expectSelected([2], 'ArrowDown selects the second row');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid=details]') && document.activeElement.getAttribute('role') === 'tab');
  await page.keyboard.press('Tab'); // keyboard moves on inside the details
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'grid-body');
  await page.keyboard.press('ArrowDown');
  await expectSelected([3], 'the grid has the keyboard again');
  await page.keyboard.press('Escape');
  await expectSelected([], 'Esc clears the selection');
  assert(await page.$eval(row(3), (r) => r.classList.contains('cursor')), 'the focused cell stays where it was');
  await page.waitForSelector('[data-testid=details] .dh-user'); // its details stay open
});

test('grid keyboard: Ctrl+C copies the focused cell, and the selected rows as TSV with the column labels', async () => {
  const { page, context, server } = e2e();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await unfilteredGrid();
  const labels = await page.$$eval('.gh-cell .gh-label', (els) => els.map((e) => e.textContent ?? ''));
  const upnCol = await page.$$eval('.gh-cell', (cells) => cells.findIndex((c) => (c as HTMLElement).dataset.column === 'user_principal_name'));
  const start = (await rowWithUser(upnCol)).n;
  await page.click(`${row(start)} .gc >> nth=0`);
  for (let i = 0; i < upnCol; i++) await page.keyboard.press('ArrowRight');
  await page.waitForSelector(`${row(start)} .gc.focused[data-col="${upnCol}"]`);
  const clip = () => page.evaluate(() => navigator.clipboard.readText());
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.press('Control+c');
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t !== ''));
  assertEqual(await clip(), (await page.textContent(`${row(start)} .gc[data-col="${upnCol}"]`)) ?? '', 'Ctrl+C copies the focused cell as shown');

  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Control+c');
  await page.waitForSelector('.notice:has-text("Copied 3 rows")');
  const lines = (await clip()).split('\n');
  assertEqual(lines.length, 5, 'a header line, three rows and the final line break');
  assertEqual(lines[0], labels.join('\t'), 'the header line holds the shown column labels');
  for (let i = 1; i <= 3; i++) {
    const cells = await page.$$eval(`${row(start + i - 1)} .gc`, (els) => els.map((e) => e.textContent ?? ''));
    assertEqual(lines[i], cells.join('\t'), `row ${start + i - 1} as shown in the grid`);
  }
});

test("grid keyboard: Shift+F10 opens the focused cell's menu; arrows and Enter filter on its value", async () => {
  const { page } = e2e();
  await unfilteredGrid();
  const ipCol = await page.$$eval('.gh-cell', (cells) => cells.findIndex((c) => (c as HTMLElement).dataset.column === 'ip_address'));
  await page.click(`${row(1)} .gc >> nth=0`);
  for (let i = 0; i < ipCol; i++) await page.keyboard.press('ArrowRight');
  const ip = (await page.textContent(`${row(1)} .gc[data-col="${ipCol}"]`)) ?? '';
  await page.keyboard.press('Shift+F10');
  await page.waitForFunction(() => document.activeElement?.classList.contains('menu-item'));
  await page.keyboard.press('ArrowDown');
  assertEqual(await page.evaluate(() => document.activeElement?.textContent), ip ? 'Exclude this value' : 'Hide empty values', 'ArrowDown moves to the second item');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.menu', { state: 'detached' });
  await page.waitForSelector('[data-testid=chips] .chip.negative');
  await settle(page);
  const expected = await backendMatching(ip ? { conditions: [{ column: 'ip_address', op: 'notIn', values: [ip] }] } : { conditions: [{ column: 'ip_address', op: 'notNull', values: [] }] });
  assertEqual((await shownCounts(page)).matching, expected, 'the grid excludes the value');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'grid-body');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+F10');
  await page.waitForSelector('.menu');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.menu', { state: 'detached' });
  await page.click('[data-testid=chips] >> text=Clear all');
  await settle(page);
});

test('grid keyboard: Ctrl+F finds in the shown columns, steps next/previous with counts, within the current filter', async () => {
  const { page } = e2e();
  await unfilteredGrid();
  const upnCol = await page.$$eval('.gh-cell', (cells) => cells.findIndex((c) => (c as HTMLElement).dataset.column === 'user_principal_name'));
  const { n: start, user } = await rowWithUser(upnCol);
  await page.focus('[data-testid=grid-body]');
  await page.keyboard.press('Home'); // Find starts at the cursor
  await page.keyboard.press('Control+f');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'find-input');
  await page.keyboard.type(user);
  const all = await backendMatching({ conditions: [{ column: 'user_principal_name', op: 'contains', values: [user] }] });
  assert(all > 2, `the user has several sign-ins (${all})`);
  const count = (ordinal: number, total: number) => page.waitForSelector(`[data-testid=find-count]:text-is("${ordinal.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}")`);
  await count(1, all);
  await page.waitForSelector(`${row(start)}.cursor .find-mark`); // the first match at or after the cursor
  await page.keyboard.press('Enter');
  await count(2, all);
  const second = await page.$eval('.grid-row.cursor', (r) => Number(r.getAttribute('aria-rowindex')));
  assert(second > start, 'Enter moved to the next match');
  assertEqual(await page.textContent(`${row(second)} .gc[data-col="${upnCol}"]`), user, 'the next match is the same user');
  await page.keyboard.press('Shift+Enter');
  await count(1, all);
  await page.keyboard.press('Shift+Enter');
  await count(all, all); // wraps around to the last match
  await page.keyboard.press('F3');
  await count(1, all);
  assertEqual(await backendMatching(lastSnapshotFilter()), await backendMatching({ conditions: [] }), 'Find did not filter');
  await screenshot(page, '07b-grid-find');

  await page.click('.segmented button.seg-failure');
  const failures = await backendMatching({
    conditions: [
      { column: 'user_principal_name', op: 'contains', values: [user] },
      { column: 'status', op: 'in', values: ['Failure'] },
    ],
  });
  const expected = failures === 0 ? 'No matches' : `1 of ${failures.toLocaleString('en-US')}`;
  await page.waitForSelector(`[data-testid=find-count]:text-is("${expected}")`, { timeout: 30_000 }).catch(() => undefined);
  assertEqual(await page.textContent('[data-testid=find-count]'), expected, 'the count follows the filter (this user’s failures)');
  await page.focus('[data-testid=find-input]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=find-bar]', { state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'grid-body');
  await page.click('[data-testid=chips] >> text=Clear all');
  await settle(page);
});

test('grid keyboard: selection, focused cell and find bar at 1280×720 and 1600×1000 (screenshots)', async () => {
  const { page } = e2e();
  await unfilteredGrid();
  const upnCol = await page.$$eval('.gh-cell', (cells) => cells.findIndex((c) => (c as HTMLElement).dataset.column === 'user_principal_name'));
  const { n, user } = await rowWithUser(upnCol);
  await page.click(`${row(n)} .gc:nth-child(${upnCol + 1})`);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Control+f');
  await page.keyboard.type(user.split('@')[0]!);
  await page.waitForSelector('[data-testid=find-count]:has-text(" of ")');
  const original = page.viewportSize()!;
  try {
    for (const [width, height] of [
      [1280, 720],
      [1600, 1000],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(300); // layout after the resize
      const rows = await page.$$eval(
        '.grid-row',
        (els) => els.filter((r) => r.getBoundingClientRect().bottom <= (document.querySelector('[data-testid=grid-body]')?.getBoundingClientRect().bottom ?? 0)).length,
      );
      assert(rows >= 10, `at ${width}×${height} the grid still shows rows under the find bar (${rows})`);
      const bar = (await page.locator('[data-testid=find-bar]').boundingBox())!;
      assert(bar.x + bar.width <= width && bar.height < 40, `the find bar fits (${JSON.stringify(bar)})`);
      await screenshot(page, `07c-grid-keyboard-${width}x${height}`);
    }
  } finally {
    await page.setViewportSize(original);
    await page.focus('[data-testid=find-input]');
    await page.keyboard.press('Escape');
  }
});
