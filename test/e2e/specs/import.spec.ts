// Opening evidence from the in-app picker: progress while importing, then per-file results.
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { shownCounts } from '../ui';

type Win = Window & { progressSeen?: string[] };

test.describe(() => {
  // The app's first screen: an empty case, the page not yet loaded.
  test.use({ caseNeeds: 'empty' });

  test('import: pick files in the app, watch progress, then per-file results and errors', async () => {
    const { page, server, backend, evidenceDir } = e2e();
    await page.goto(server.url);
    await page.waitForSelector('text=This case has no sign-ins yet.');
    assert(!page.url().includes('token='), 'the token is removed from the address bar');
    await screenshot(page, '01-empty-case');

    await page.click('[data-testid=open-button]');
    await page.click(`.od-entry.dir:has-text("${evidenceDir}")`);
    await page.waitForSelector('.od-entry input[type=checkbox]');
    for (const box of await page.$$('.od-entry input[type=checkbox]')) await box.check();
    await screenshot(page, '02-open-dialog');

    await page.evaluate(() => {
      const w = window as Win;
      w.progressSeen = [];
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid=import-progress]');
        if (el?.textContent) w.progressSeen!.push(el.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.click('[data-testid=import-selected]');
    await page.waitForSelector('[data-testid=import-progress]');
    await page.waitForFunction(() => /records/.test(document.querySelector('[data-testid=import-progress]')?.textContent ?? ''), null, { timeout: 60_000 }).catch(() => undefined);
    await screenshot(page, '03-import-progress');
    await page.waitForSelector('[data-testid=import-progress]', { state: 'detached', timeout: 240_000 });

    const seen = await page.evaluate(() => (window as Win).progressSeen ?? []);
    assert(
      seen.some((t) => /records/.test(t) && /ETA/.test(t) && /of/.test(t)),
      `progress showed bytes, records and ETA (saw ${JSON.stringify(seen.slice(-2))})`,
    );

    const info = await backend.call('case.info', {});
    assert(info.signins > 10_000, `the case holds the imported sign-ins (${info.signins})`);
    await page.waitForFunction((n) => document.querySelector('[data-testid=total]')?.textContent?.replace(/\D/g, '') === String(n), info.signins, { timeout: 30_000 });
    const shown = await shownCounts(page);
    assertEqual(shown.total, info.signins, 'total in the status bar');
    assertEqual(shown.matching, info.signins, 'matching with no filter');

    await page.click('[data-testid=view-evidence]');
    await page.waitForSelector('[data-testid=sources-table] tbody tr');
    const rows = await page.$$eval('[data-testid=sources-table] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')));
    assertEqual(rows.length, info.sources.length, 'one row per evidence file');
    for (const s of info.sources) {
      const row = rows.find((r) => r[0] === s.fileName);
      assert(row, `row for ${s.fileName}`);
      assertEqual(row[3]!.replace(/\D/g, ''), String(s.records), `records of ${s.fileName}`);
      assertEqual(row[5]!.replace(/\D/g, ''), String(s.duplicates), `duplicates of ${s.fileName}`);
      assertEqual(row[6]!.replace(/\D/g, ''), String(s.errors), `errors of ${s.fileName}`);
    }
    assert(
      info.sources.some((s) => s.duplicates > 0),
      'the demo set has overlapping files, so duplicates are reported',
    );
    const issues = await backend.call('import.errors', { limit: 500 });
    const issueRows = await page.$$('[data-testid=errors-table] tbody tr');
    assertEqual(issueRows.length, Math.max(1, issues.length), 'import issues listed');
    await screenshot(page, '04-evidence');
    await page.click('[data-testid=view-signins]');
  });
});

test('import: Cancel stops a running import and the case stays consistent', async () => {
  const { page, backend, evidenceDir } = e2e();
  const before = await backend.call('case.info', {});
  await page.click('[data-testid=open-button]');
  await page.click(`.od-entry.dir:has-text("${evidenceDir}")`);
  await page.click('.od-entry:has-text("graph-bulk-signins.json") input[type=checkbox]');
  await page.click('[data-testid=import-selected]');
  await page.click('[data-testid=cancel-import]', { timeout: 30_000 });
  await page.waitForSelector('.notice:has-text("Import cancelled")', { timeout: 60_000 });
  await page.waitForSelector('[data-testid=import-progress]', { state: 'detached' });
  const after = await backend.call('case.info', {});
  // Re-reading a file already imported only finds duplicates: the case must not grow.
  assertEqual(after.signins, before.signins, 'sign-ins after a cancelled re-import');
  await page.waitForFunction((n) => document.querySelector('[data-testid=total]')?.textContent?.replace(/\D/g, '') === String(n), after.signins);
});
