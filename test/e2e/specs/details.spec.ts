// The details pane: admin-center tabs, the verbatim record, keyboard navigation, correlation pivot.
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { backendMatching, settle, shownCounts } from '../ui';

function lastRecordRid(): number {
  const frame = [...e2e().sentFrames].reverse().find((f) => f.channel === 'record.get');
  if (!frame) throw new Error('no record.get sent');
  return (frame.req as { rid: number }).rid;
}

test('details: tabs, verbatim raw record, arrow keys, same correlation id', async () => {
  const { page, backend } = e2e();
  await page.click('.grid-row[aria-rowindex="1"]');
  await page.waitForSelector('[data-testid=details] .dh-user');
  const rid = lastRecordRid();
  const record = await backend.call('record.get', { rid });

  for (const tab of ['Location', 'Device', 'Authentication', 'Conditional Access', 'Report-only', 'Basic info']) {
    await page.click(`[data-testid=details] .small-tabs button:has-text("${tab}")`);
    await page.waitForSelector('[data-testid=details] .details-body > *');
  }
  await page.click('[data-testid=details] .small-tabs button:has-text("Raw")');
  const raw = await page.textContent('[data-testid=raw-text]');
  assertEqual(raw, record.raw, 'the Raw tab shows the record verbatim');
  await page.click('[data-testid=details] .small-tabs button:has-text("Basic info")');
  await screenshot(page, '06-details');

  await page.focus('[data-testid=grid-body]');
  await page.keyboard.press('ArrowDown');
  await page.waitForSelector('.grid-row[aria-rowindex="2"][aria-selected=true]');
  await settle(page);
  assert(lastRecordRid() !== rid, 'ArrowDown loads the next record');

  const corr = record.values.correlation_id;
  await page.keyboard.press('ArrowUp');
  await page.waitForSelector('.grid-row[aria-rowindex="1"][aria-selected=true]');
  await page.click('[data-testid=same-correlation]');
  await settle(page);
  const expected = await backendMatching({ conditions: [{ column: 'correlation_id', op: 'eq', values: [String(corr)] }] });
  assert(expected >= 1, 'at least the selected sign-in shares its correlation id');
  assertEqual((await shownCounts(page)).matching, expected, 'sign-ins with the same correlation id');
  await page.click('[data-testid=chips] >> text=Clear all');
  await settle(page);
});
