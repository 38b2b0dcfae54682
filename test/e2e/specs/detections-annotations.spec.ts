// Detections, annotations and the annotated case: the planted password spray is found and its
// sign-ins open in the grid; a sign-in and a whole filter result are tagged and filtered on; the tags
// survive saving and reopening the case; a CSV export has the filter's rows with formulas neutralized.
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Finding } from '../../../shared/model/detection';
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { backendMatching, ensureEvidence, expectShown, lastSnapshotFilter, settle } from '../ui';

const BULK_TAG = 'e2e-spray';
const SEVERITY_RANK: Record<string, number> = { informational: 0, low: 1, medium: 2, high: 3 };

/** Shared by the steps below, which run in order. */
const state: { spray?: Finding; taggedRid?: number; casePath?: string } = {};

function lastRecordRid(): number {
  const frame = [...e2e().sentFrames].reverse().find((f) => f.channel === 'record.get');
  if (!frame) throw new Error('no record.get sent');
  return (frame.req as { rid: number }).rid;
}

test('detections/annotations: a detections run finds the planted password spray; "Show sign-ins" filters the grid to exactly its rows', async () => {
  const { page, backend, groundTruth } = e2e();
  await ensureEvidence();
  await page.click('[data-testid=view-detections]');
  await page.waitForSelector('[data-testid=run-detections]');
  await page.evaluate(() => {
    const w = window as Window & { detectionProgress?: boolean };
    new MutationObserver(() => {
      if (document.querySelector('[data-testid=detections-progress]')) w.detectionProgress = true;
    }).observe(document.body, { subtree: true, childList: true });
  });
  await page.click('[data-testid=run-detections]');
  await page.waitForSelector('.notice:has-text("Detections finished")', { timeout: 300_000 });
  assert(await page.evaluate(() => (window as Window & { detectionProgress?: boolean }).detectionProgress === true), 'the run showed its progress with Cancel');

  const planted = groundTruth.attacks.find((a) => a.kind === 'password-spray');
  assert(planted, 'the generator planted a password spray');
  const { findings } = await backend.call('detections.findings', { ruleId: 'password-spray', withRids: true });
  const spray = findings.find((f) => f.ips.some((ip) => planted.attackerIps.includes(ip)));
  assert(spray?.id !== undefined, `a password-spray finding names the planted IP ${planted.attackerIps.join(', ')}`);
  state.spray = spray;

  const row = `[data-testid=findings-table] tr[data-finding-id="${spray.id}"]`;
  await page.waitForSelector(row);
  assertEqual((await page.textContent(`${row} [data-testid=finding-count]`))?.replace(/\D/g, ''), String(spray.signinCount), 'supporting sign-ins shown for the spray');
  const shownSeverities = await page.$$eval('[data-testid=findings-table] tbody tr', (trs) => trs.map((tr) => tr.querySelector('[data-severity]')?.getAttribute('data-severity') ?? ''));
  const total = (await backend.call('detections.findings', {})).total;
  assertEqual(shownSeverities.length, total, 'every stored finding is listed');
  assert(
    shownSeverities.every((s, i) => i === 0 || SEVERITY_RANK[shownSeverities[i - 1]!]! >= SEVERITY_RANK[s]!),
    'findings are listed most severe first',
  );

  await page.click(row);
  await page.waitForSelector(`[data-testid=finding-detail]:has-text("${spray.title.slice(0, 40)}")`);
  await page.waitForSelector('[data-testid=finding-detail] [data-testid=rule-details]');
  await screenshot(page, '20-detections');

  await page.click('[data-testid=show-signins]');
  await page.waitForSelector('[data-testid=view-signins][aria-selected=true]');
  await page.waitForSelector('[data-testid=rids-chip]');
  const shown = await expectShown({ conditions: [], rids: spray.rids }, 'finding sign-ins');
  assertEqual(shown, spray.signinCount, 'the grid holds exactly the finding’s supporting sign-ins');
  assertEqual([...(lastSnapshotFilter().rids ?? [])].sort((a, b) => a - b).join(','), [...spray.rids].sort((a, b) => a - b).join(','), 'the page filters on the finding’s rids');
  await screenshot(page, '21-finding-signins');
});

test('detections/annotations: tag a sign-in, bulk-tag the filter result, then filter by tag', async () => {
  const { page, backend } = e2e();
  const spray = state.spray;
  assert(spray, 'the detections step found the spray');

  await page.click('.grid-row[aria-rowindex="1"]');
  await page.waitForSelector('[data-testid=details-annotations] [data-testid=annotator-signin]');
  const rid = lastRecordRid();
  state.taggedRid = rid;
  await page.click('[data-testid=annotator-signin] [data-testid=add-tag]');
  await page.click('[data-testid=tag-picker] .tag-chip[data-tag=suspicious] .tag-hit');
  await page.waitForSelector('[data-testid=annotator-signin] .tag-chip[data-tag=suspicious]');
  const suspicious = await backend.call('annotations.list', { tag: 'suspicious', targetType: 'signin' });
  assert(
    suspicious.items.some((i) => i.target.type === 'signin' && i.target.rid === rid),
    'the selected sign-in carries the tag',
  );
  const note = 'First account of the spray <b>not markup</b>';
  await page.click('[data-testid=annotator-signin] [data-testid=add-note]');
  await page.fill('[data-testid=note-input]', note);
  await page.click('[data-testid=note-save]');
  await page.waitForSelector('[data-testid=note-input]', { state: 'detached' });
  assertEqual(await page.textContent('[data-testid=annotator-signin] .annot-note-text'), note, 'the note shows as text');
  const notes = await backend.call('annotations.list', { kind: 'note', target: { type: 'signin', rid } });
  assertEqual(notes.items[0]?.note, note, 'the note is stored on the sign-in');
  await screenshot(page, '22-tagged-signin');

  await page.click('[data-testid=tag-all]');
  await page.waitForSelector('[data-testid=bulk-tag-dialog]');
  await page.fill('[data-testid=bulk-tag-dialog] [data-testid=tag-input]', BULK_TAG);
  await page.click('[data-testid=bulk-tag-dialog] [data-testid=tag-add]');
  await page.waitForSelector(`[data-testid=bulk-tag-dialog] .bulk-chosen .tag-chip[data-tag=${BULK_TAG}]`);
  await screenshot(page, '23-bulk-tag');
  await page.click('[data-testid=bulk-apply]');
  await page.waitForSelector(`.notice:has-text("Tagged ${spray.rids.length} sign-in")`, { timeout: 120_000 });
  assertEqual(await backendMatching({ conditions: [], tags: [BULK_TAG] }), spray.rids.length, 'the backend holds the tag on every row of the filter');

  // Drop the finding filter, then filter on the tags from the grid toolbar.
  await page.click('[data-testid=rids-chip] .chip-x');
  await page.waitForSelector('[data-testid=rids-chip]', { state: 'detached' });
  await page.click('[data-testid=tag-filter]');
  await page.click(`.popover [data-testid=tag-picker] .tag-chip[data-tag=${BULK_TAG}] .tag-hit`);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=tag-filter-chip]');
  assertEqual(await expectShown({ conditions: [], tags: [BULK_TAG] }, `tag ${BULK_TAG}`), spray.rids.length, 'tag filter count');
  await screenshot(page, '24-tag-filter');

  await page.click('[data-testid=tag-filter]');
  await page.click(`.popover [data-testid=tag-picker] .tag-chip[data-tag=${BULK_TAG}] .tag-hit`);
  await page.click('.popover [data-testid=tag-picker] .tag-chip[data-tag=suspicious] .tag-hit');
  await page.keyboard.press('Escape');
  assertEqual(await expectShown({ conditions: [], tags: ['suspicious'] }, 'tag suspicious'), 1, 'one sign-in tagged suspicious');
  await page.click('[data-testid=tag-filter-chip] .chip-x');
  await settle(page);

  // A saved view brings the tag filter back.
  await page.click('[data-testid=tag-filter]');
  await page.click(`.popover [data-testid=tag-picker] .tag-chip[data-tag=${BULK_TAG}] .tag-hit`);
  await page.keyboard.press('Escape');
  await page.click('[data-testid=saved-views]');
  await page.fill('[data-testid=view-name]', 'e2e spray rows');
  await page.click('[data-testid=view-save]');
  await page.waitForSelector('[data-testid=views-menu] .views-name:has-text("e2e spray rows")');
  await page.keyboard.press('Escape');
  await page.click('[data-testid=tag-filter-chip] .chip-x');
  await expectShown({ conditions: [] }, 'no filter');
  await page.click('[data-testid=saved-views]');
  await page.click('[data-testid=views-menu] .views-apply:has-text("e2e spray rows")');
  assertEqual(await expectShown({ conditions: [], tags: [BULK_TAG] }, 'saved view applied'), spray.rids.length, 'the saved view restores the tag filter');
  await page.click('[data-testid=tag-filter-chip] .chip-x');
  await settle(page);
});

test('detections/annotations: the case is saved with its tags, reopened, the tags are still there', async () => {
  const { page, backend, evidenceDir } = e2e();
  const spray = state.spray;
  assert(spray && state.taggedRid !== undefined, 'the previous steps ran');
  const before = await backend.call('case.info', {});
  if (before.path) {
    await page.keyboard.press('Control+s'); // browser mode: saves in place
  } else {
    await page.click('[data-testid=save-button]');
    await page.click(`[data-testid=save-dialog] .od-entry.dir:has-text("${evidenceDir}")`);
    await page.fill('[data-testid=save-name]', 'e2e-annotations');
    await page.click('[data-testid=save-confirm]');
  }
  await page.waitForSelector('.notice:has-text("Case saved to")', { timeout: 120_000 });
  const saved = await backend.call('case.info', {});
  assert(saved.path && existsSync(saved.path), 'the case file exists');
  assertEqual(saved.dirty, false, 'nothing left unsaved');
  state.casePath = saved.path;

  await page.click('[data-testid=open-button]');
  await page.click(`[data-testid=open-dialog] .od-entry.dir:has-text("${evidenceDir}")`);
  await page.check(`[data-testid=open-dialog] .od-entry:has-text("${path.basename(saved.path)}") input[type=checkbox]`);
  await page.click('[data-testid=open-dialog] button:has-text("Open case")');
  await page.waitForSelector('[data-testid=open-dialog]', { state: 'detached' });
  await settle(page);
  assertEqual((await backend.call('case.info', {})).path, saved.path, 'the reopened case');

  await page.click('[data-testid=tag-filter]');
  await page.click(`.popover [data-testid=tag-picker] .tag-chip[data-tag=${BULK_TAG}] .tag-hit`);
  await page.keyboard.press('Escape');
  assertEqual(await expectShown({ conditions: [], tags: [BULK_TAG] }, 'after reopening'), spray.rids.length, 'the bulk tag survived saving and reopening');
  const suspicious = await backend.call('annotations.list', { tag: 'suspicious', targetType: 'signin' });
  assert(
    suspicious.items.some((i) => i.target.type === 'signin' && i.target.rid === state.taggedRid),
    'the single tag survived too',
  );
  assertEqual(await page.$('[data-testid=evidence-alert]'), null, 'the evidence still matches its hashes');

  await page.click('[data-testid=view-annotations]');
  const tagChip = `[data-testid=tags-in-use] .tag-chip[data-tag=${BULK_TAG}] .tag-count`;
  await page.waitForSelector(tagChip);
  assertEqual(await page.textContent(tagChip), String(spray.rids.length), 'the Annotations tab counts the tagged sign-ins');
  await page.waitForSelector('[data-testid=annotations-table] tbody tr[data-kind=tag]');
  await screenshot(page, '25-annotations');
  await page.click('[data-testid=mode-activity]');
  await page.waitForSelector('[data-testid=activity-table] td:has-text("Tagged")');
  await screenshot(page, '26-activity-log');
  await page.click('[data-testid=view-signins]');
  await page.click('[data-testid=tag-filter-chip] .chip-x');
  await settle(page);
});

test('detections/annotations: CSV export of the current filter, row count and neutralized formulas', async () => {
  const { page, evidenceDir, groundTruth } = e2e();
  const formula = groundTruth.untrustedText.csvFormula.value;
  assert(formula.startsWith('='), 'the demo set plants a spreadsheet formula');
  await page.fill('[data-testid=search]', 'HYPERLINK');
  await page.press('[data-testid=search]', 'Enter');
  const rows = await expectShown({ conditions: [], text: 'HYPERLINK' }, 'search for the formula');
  assert(rows > 0, 'the formula rows are in the case');

  await page.click('[data-testid=export-button]');
  await page.waitForSelector('[data-testid=export-dialog]');
  await page.click(`[data-testid=export-dialog] .od-entry.dir:has-text("${evidenceDir}")`);
  await page.click('[data-testid=format-csv]');
  await page.click('[data-testid=export-dialog] button:has-text("All columns")');
  await page.fill('[data-testid=export-name]', 'e2e-formula.csv');
  await screenshot(page, '27-export-dialog');
  await page.click('[data-testid=export-start]');
  await page.waitForSelector('.notice:has-text("Exported")', { timeout: 120_000 });
  const file = path.join(evidenceDir, 'e2e-formula.csv');
  const parsed = Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [header, ...data] = parsed.data;
  assertEqual(data.length, rows, 'CSV data rows = sign-ins of the filter');
  const device = header!.indexOf('device_name');
  assert(device >= 0, 'the device name column is exported');
  assert(
    data.every((r) => r[device] === `'${formula}`),
    `every formula cell is neutralized with a leading quote (got ${JSON.stringify(data[0]?.[device])})`,
  );
  assert(
    data.flat().every((cell) => !/^[=+@]/.test(cell)),
    'no cell starts with a formula trigger',
  );

  await page.fill('[data-testid=search]', '');
  await page.press('[data-testid=search]', 'Enter');
  await settle(page);
});

test('detections/annotations: reopening a case flags evidence files changed or missing since import', async () => {
  const { page, backend, evidenceDir } = e2e();
  assert(state.casePath, 'the annotated case was saved');
  // A small case of its own, over copies of two evidence files that are then altered.
  const dir = path.join(evidenceDir, 'e2e-evidence-check');
  mkdirSync(dir, { recursive: true });
  const sources = readdirSync(evidenceDir).filter((f) => /\.(csv|json)$/.test(f) && !f.startsWith('e2e-') && !f.startsWith('graph-bulk'));
  const [changed, missing] = sources
    .sort((a, b) => statSync(path.join(evidenceDir, a)).size - statSync(path.join(evidenceDir, b)).size)
    .slice(0, 2)
    .map((f) => path.join(dir, f));
  assert(changed && missing, 'two small evidence files to copy');
  copyFileSync(path.join(evidenceDir, path.basename(changed)), changed);
  copyFileSync(path.join(evidenceDir, path.basename(missing)), missing);
  await backend.call('case.new', {});
  const { jobId } = await backend.call('import.start', { paths: [changed, missing] });
  for (let i = 0; i < 240 && !backend.events.some((ev) => ev.event === 'job.done' && (ev.payload as { jobId: string }).jobId === jobId); i++) await page.waitForTimeout(250);
  const caseFile = path.join(dir, 'evidence-check.signinscope');
  await backend.call('case.save', { path: caseFile });
  appendFileSync(changed, '\n');
  unlinkSync(missing);

  await page.click('[data-testid=open-button]');
  await page.click(`[data-testid=open-dialog] .od-entry.dir:has-text("${evidenceDir}")`);
  await page.click('[data-testid=open-dialog] .od-entry.dir:has-text("e2e-evidence-check")');
  await page.check('[data-testid=open-dialog] .od-entry:has-text("evidence-check.signinscope") input[type=checkbox]');
  await page.click('[data-testid=open-dialog] button:has-text("Open case")');
  await page.waitForSelector('[data-testid=evidence-alert]:has-text("2 evidence files missing or changed")', { timeout: 60_000 });
  await page.waitForSelector('.notice.error:has-text("Evidence check failed for 2 of 2 files")');
  const info = await backend.call('case.info', {});
  assertEqual(
    info.sources
      .map((s) => s.evidenceCheck)
      .sort()
      .join(','),
    'changed,missing',
    'the backend verdicts',
  );
  await page.click('[data-testid=evidence-alert]');
  await page.waitForSelector('[data-testid=sources-table] .badge.bad:has-text("missing")');
  await screenshot(page, '28-evidence-check');

  await page.click('.notice.error .btn.icon');
  await backend.call('case.open', { path: state.casePath });
  await page.waitForSelector('[data-testid=evidence-alert]', { state: 'detached', timeout: 60_000 });
  await page.click('[data-testid=view-signins]');
  await settle(page);
});
