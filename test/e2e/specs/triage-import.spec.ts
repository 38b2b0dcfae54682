// Triage import from the import dialog: the collapsed filter section, then the partial-import banner
// in the app shell and the evidence view, naming the filter and the counts the backend recorded.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';

const FILE = 'SignInLogs-sof-elk.jsonl';

// It starts a new case of its own.
test.use({ caseNeeds: 'none' });

test('triage import: only sign-ins matching the dialog filter, and a partial-import banner everywhere the case is shown', async () => {
  const { page, server, backend, evidenceDir } = e2e();
  const user = /"userPrincipalName":"([^"]+@[^"]+)"/.exec(readFileSync(path.join(evidenceDir, FILE), 'utf8'))![1]!;
  await backend.call('case.new', {});
  await page.goto(server.url);
  await page.waitForSelector('text=This case has no sign-ins yet.');
  assertEqual(await page.$('[data-testid=partial-import-banner]'), null, 'no banner on a full (empty) case');

  await page.click('[data-testid=open-button]');
  await page.click(`.od-entry.dir:has-text("${evidenceDir}")`);
  await page.click(`.od-entry:has-text("${FILE}") input[type=checkbox]`);
  assert(!(await page.isVisible('[data-testid=filter-users]')), 'the filter section starts collapsed');
  await page.click('[data-testid=import-filter] summary');
  await page.fill('[data-testid=filter-ips]', '10.0.0.0/33');
  await page.waitForSelector('.import-filter-error:has-text("IP addresses")');
  assert(await page.isDisabled('[data-testid=import-selected]'), 'a malformed filter cannot be imported');
  await page.fill('[data-testid=filter-ips]', '');
  await page.fill('[data-testid=filter-users]', user.toUpperCase());
  await screenshot(page, 'triage-01-dialog');
  await page.setViewportSize({ width: 1280, height: 720 }); // the dialog with the filter open still fits a small window
  await screenshot(page, 'triage-01-dialog-1280');
  await page.setViewportSize({ width: 1600, height: 960 });
  await page.click('[data-testid=import-selected]');
  await page.waitForSelector('[data-testid=partial-import-banner]', { timeout: 120_000 });

  const info = await backend.call('case.info', {});
  const manifest = info.partialImport?.[0];
  assert(manifest, 'the manifest records the filter');
  assertEqual(manifest.filter, `user ${user.toUpperCase()}`, 'filter in the manifest');
  assertEqual(manifest.kept, info.signins, 'kept = sign-ins in the case');
  assert(manifest.skipped > 0 && manifest.read === manifest.kept + manifest.skipped, `counts read ${manifest.read} = kept ${manifest.kept} + skipped ${manifest.skipped}`);
  const banner = await page.textContent('[data-testid=partial-import-banner]');
  assert(
    banner?.includes(`Partial import: filter user ${user.toUpperCase()}`) && banner.includes(`${manifest.kept.toLocaleString('en')} of ${manifest.read.toLocaleString('en')} records kept`),
    `banner names filter and counts: ${banner}`,
  );
  await screenshot(page, 'triage-02-banner');
  await page.click('[data-testid=view-evidence]');
  await page.waitForSelector('[data-testid=evidence] [data-testid=partial-import-banner]');
  await screenshot(page, 'triage-03-evidence');
  await page.click('[data-testid=view-signins]');
});
