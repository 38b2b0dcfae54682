// A case file from someone else, in the UI: a 50 MB title is drawn capped, a redefined `signins` view
// is dropped (and said so), and moved evidence shows "Evidence missing or changed" with Locate….
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { saveCase } from '../../../main/cases/case-store';
import { CaseDb } from '../../../main/db/case-db';
import { importFiles } from '../../../main/import/pipeline';
import { graphSignin } from '../../helpers/graph-records';
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { openView } from '../ui';

// No shared case needed: it opens a case of its own.
test.use({ caseNeeds: 'none' });

test('crafted case: capped title, foreign view dropped, moved evidence located again', async () => {
  const { page, server, backend, evidenceDir } = e2e();
  const dir = path.join(evidenceDir, 'crafted');
  mkdirSync(path.join(dir, 'moved'), { recursive: true });
  const evidence = path.join(dir, 'signins.jsonl');
  writeFileSync(evidence, [graphSignin(), graphSignin({ id: 'second-request', userPrincipalName: 'megan@northwind.example' })].map((r) => JSON.stringify(r)).join('\n'));
  const caseDb = await CaseDb.create();
  await importFiles(caseDb, [evidence]);
  caseDb.setMeta('title', `Handed over by someone else ${'T'.repeat(50 * 1024 * 1024)}`);
  caseDb.exec(`DROP VIEW signins; CREATE VIEW signins AS SELECT rid, 'attacker@evil.example' AS user_principal_name FROM signin_data`);
  const caseFile = path.join(dir, 'crafted.signinscope');
  await saveCase(caseDb, caseFile);
  caseDb.close();
  renameSync(evidence, path.join(dir, 'moved', 'signins.jsonl'));

  if (!page.url().startsWith(server.origin)) await page.goto(server.url);
  await backend.call('case.open', { path: caseFile });
  await page.waitForSelector('.notice:has-text("Case file:")');
  const notice = (await page.textContent('.notice:has-text("Case file:")')) ?? '';
  assert(notice.includes('view "signins" (redefined)') && notice.includes('the case title is 52,428,828 characters'), `the notice says what was dropped and capped (${notice})`);
  const title = (await page.textContent('.case-title span')) ?? '';
  assert(title.startsWith('Handed over by someone else TTT') && title.length <= 201, `the title is capped (${title.length} characters)`);
  await openView(page, 'signins'); // an earlier spec may have left another view open
  await page.waitForSelector('.grid-row[aria-rowindex="1"]');
  const users = await page.$$eval('.grid-row', (rows) => rows.map((r) => r.textContent ?? ''));
  assert(!users.some((t) => t.includes('attacker@evil.example')), 'the crafted view does not reach the grid');

  await page.click('.grid-row[aria-rowindex="1"]');
  await page.click('[data-testid=details] .small-tabs button:has-text("Raw")');
  await page.waitForSelector('[data-testid=evidence-missing]');
  const missing = (await page.textContent('[data-testid=evidence-missing]')) ?? '';
  assert(/Evidence missing or changed/.test(missing) && /ENOENT/.test(missing), `the Raw view says why (${missing})`);
  for (const [w, h] of [
    [1280, 720],
    [1600, 1000],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `crafted-case-missing-evidence-${w}x${h}`);
  }
  await page.click('[data-testid=locate-evidence]');
  await page.click(`[data-testid=locate-browser] .od-entry.dir:has-text("${evidenceDir}")`);
  await page.click('[data-testid=locate-browser] .od-entry.dir:has-text("crafted")');
  await page.click('[data-testid=locate-browser] .od-entry.dir:has-text("moved")');
  await page.waitForSelector('[data-testid=locate-browser] .od-entry:has-text("signins.jsonl")');
  await screenshot(page, 'crafted-case-locate-1600x1000');
  await page.click('[data-testid=locate-browser] .od-entry:has-text("signins.jsonl")');
  await page.waitForSelector('[data-testid=raw-text]', { timeout: 10_000 }).catch(() => undefined);
  await screenshot(page, 'crafted-case-located-1600x1000');
  await page.waitForSelector('[data-testid=raw-text]');
  const raw = (await page.textContent('[data-testid=raw-text]')) ?? '';
  assert(raw.includes('"id"'), 'the Raw view reads the located file');
  const info = await backend.call('case.info', {});
  assertEqual(info.sources[0]!.path, path.join(dir, 'moved', 'signins.jsonl'), 'the case points at the located file');
  await page.setViewportSize({ width: 1600, height: 960 });
});
