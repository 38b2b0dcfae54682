// One vocabulary in the UI: the demo evidence mixes Graph/diagnostic files (`notApplied`) with
// admin-center CSVs (`Not Applied`); the filter lists each meaning once, with the admin center's label,
// and picking it counts every source's rows, exactly as the backend does.
import { foldKey, vocabularyLabel } from '../../../shared/model/vocabulary';
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { backendMatching, settle, shownCounts } from '../ui';

test('vocabulary after import: the Conditional Access filter lists each value once, by its admin-center label', async () => {
  const { page, backend } = e2e();
  const facets = await backend.call('query.facets', { filter: { conditions: [] }, column: 'conditional_access_status', limit: 50 });
  const stored = facets.values.map((v) => String(v.value));
  assertEqual(new Set(stored.map(foldKey)).size, stored.length, `one stored spelling per meaning (${stored.join(', ')})`);
  assert(stored.includes('notApplied'), `the demo has sign-ins without a CA policy (${stored.join(', ')})`);

  await page.click('[data-testid=add-filter]');
  await page.click('[data-field=conditional_access_status]');
  const rows = page.locator('[data-testid=picker-conditional_access_status] .vp-row');
  await rows.first().waitFor();
  const shown = await rows.locator('.vp-value').allTextContents();
  await screenshot(page, '05c-vocabulary-picker');
  assertEqual(shown.join(' | '), stored.map((v) => vocabularyLabel('conditionalAccessStatus', v)).join(' | '), 'the picker shows the labels of the stored values');

  await rows.filter({ hasText: 'Not Applied' }).locator('input').check();
  await page.click('[data-testid=picker-conditional_access_status] .vp-actions .btn.primary');
  await settle(page);
  const expected = await backendMatching({ conditions: [{ column: 'conditional_access_status', op: 'in', values: ['notApplied'] }] });
  assertEqual((await shownCounts(page)).matching, expected, 'sign-ins matching Not Applied');
  assertEqual(await page.textContent('[data-testid=chips] .chip .chip-value'), 'Not Applied', 'the chip reads the label');
  await page.click('[data-testid=chips] button:has-text("Clear all")');
  await settle(page);
});
