// From a lead to the answer: pivot from a finding to every sign-in of its users / IPs from its start
// (the pivot chip shows in every view), session details with each sign-in's Conditional Access
// result, "Same correlation ID" keeping the selection and zooming the timeline, stale findings after
// an import with a re-run. Registered last: it imports extra sign-ins into the shared case.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Finding } from '../../../shared/model/detection';
import type { FilterSpec, SortSpec } from '../../../shared/model/filter-spec';
import { pivotFilter } from '../../../shared/model/pivot';
import { graphSignin } from '../../helpers/graph-records';
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { backendMatching, clearFilters, ensureEvidence, expectShown, lastRequest, lastSnapshotFilter, openView, settle, shownCounts } from '../ui';

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1600, height: 1000 },
] as const;

async function ensureFindings(page: Page): Promise<Finding[]> {
  const { backend } = e2e();
  await ensureEvidence();
  if ((await backend.call('detections.findings', {})).total === 0) {
    await openView(page, 'detections');
    await page.click('[data-testid=run-detections]');
    await page.waitForSelector('.notice:has-text("Detections finished")', { timeout: 300_000 });
  }
  return (await backend.call('detections.findings', { withRids: true, limit: 5000 })).findings;
}

async function shootBoth(page: Page, name: string, focus?: string): Promise<void> {
  for (const v of VIEWPORTS) {
    await page.setViewportSize(v);
    await settle(page, 250);
    if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded();
    await screenshot(page, `${name}-${v.width}x${v.height}`);
  }
  await page.setViewportSize({ width: 1600, height: 960 });
}

test('leads: pivot from a finding to every sign-in of its users or IPs from its start; the chip shows in every view', async () => {
  const { page } = e2e();
  const findings = await ensureFindings(page);
  const lead = findings.find((f) => f.ruleId === 'password-spray') ?? findings[0];
  assert(lead?.id !== undefined, 'detections stored a finding');
  await openView(page, 'detections');
  const row = `[data-testid=findings-table] tr[data-finding-id="${lead.id}"]`;
  await page.waitForSelector(row);
  await page.click(row);
  await page.waitForSelector('[data-testid=finding-pivot]');
  await shootBoth(page, '40-finding-pivot-button');
  await page.click('[data-testid=finding-pivot]');
  await page.waitForSelector('[data-testid=view-signins][aria-selected=true]');
  await page.waitForSelector('[data-testid=pivot-chip]');
  const expected = pivotFilter({ users: lead.users, ips: lead.ips, timeFrom: lead.timeFrom });
  await expectShown(expected, 'pivot from a finding');
  const sent = lastSnapshotFilter();
  assertEqual(JSON.stringify(sent.anyOf), JSON.stringify(expected.anyOf), 'the page filters on the finding’s users or IPs');
  assertEqual(sent.timeFrom, lead.timeFrom, 'from the finding’s first sign-in onwards');
  assert((await page.textContent('[data-testid=pivot-chip]'))?.includes(`finding #${lead.id}`), 'the chip names the finding');
  assert(await page.isVisible('[data-testid=chips] .chip.static:has-text("Date")'), 'the time bound shows as the Date chip');
  await shootBoth(page, '41-pivot-grid');

  for (const view of ['overview', 'sessions', 'map', 'detections', 'annotations'] as const) {
    await openView(page, view);
    assert(await page.isVisible('[data-testid=pivot-chip]'), `the pivot chip shows in ${view}`);
  }
  // A finding's own rows (Show sign-ins): that scope chip shows in other views too.
  await openView(page, 'detections');
  await page.click(row);
  await page.click('[data-testid=show-signins]');
  await page.waitForSelector('[data-testid=rids-chip]');
  await openView(page, 'sessions');
  assert(await page.isVisible('[data-testid=rids-chip]'), 'the finding’s scope chip shows in Sessions');
  await openView(page, 'overview');
  assert(await page.isVisible('[data-testid=rids-chip]'), 'the finding’s scope chip shows in Overview');
  await page.waitForSelector('[data-testid=overview] [data-testid=bar-row]');
  await shootBoth(page, '42-overview-finding-scope');
});

test('leads: pivot from the selected sign-in; overview shares are of every sign-in in the filter', async () => {
  const { page, backend } = e2e();
  await ensureEvidence();
  await openView(page, 'signins');
  await clearFilters(page);
  await page.click('.grid-row[aria-rowindex="3"]');
  await page.waitForSelector('[data-testid=details] .dh-title');
  const rid = lastRequest<{ rid: number }>('record.get').rid;
  await page.click('[data-testid=pivot-selection]');
  await page.waitForSelector('[data-testid=pivot-chip]');
  const scope = await backend.call('query.scope', { filter: { conditions: [], rids: [rid] } });
  await expectShown(pivotFilter(scope), 'pivot from the selection');

  // Two rows picked with Ctrl-click: the pivot covers the users and IPs of both.
  await clearFilters(page);
  const shown = lastRequest<{ filter: FilterSpec; sort: SortSpec }>('query.snapshot');
  const snap = await backend.call('query.snapshot', { filter: shown.filter, sort: shown.sort });
  const { rids: picked } = await backend.call('query.page', { snapshotId: snap.snapshotId, from: 0, count: 8, columns: ['id'] });
  await page.click('.grid-row[aria-rowindex="2"]');
  await page.click('.grid-row[aria-rowindex="8"]', { modifiers: ['Control'] });
  await page.waitForSelector('[data-testid=selection-count]:has-text("2 selected")');
  await page.click('[data-testid=pivot-selection]');
  await page.waitForSelector('[data-testid=pivot-chip]:has-text("2 selected sign-ins")');
  const both = await backend.call('query.scope', { filter: { conditions: [], rids: [picked[1]!, picked[7]!] } });
  await expectShown(pivotFilter(both), 'pivot from two selected sign-ins');
  assertEqual(JSON.stringify(lastSnapshotFilter().anyOf), JSON.stringify(pivotFilter(both).anyOf), 'the pivot names both rows’ users and IPs');

  // Overview: a share is of the filter's sign-ins, so the shares of one column add up to 100%.
  await openView(page, 'overview');
  await page.waitForFunction(() => !document.querySelector('[data-testid=overview] .kpi-value')?.textContent?.includes('…'));
  const total = Number((await page.textContent('[data-testid=overview] .kpi-value'))?.replace(/\D/g, ''));
  assertEqual(total, await backendMatching(lastSnapshotFilter()), 'overview sign-ins = the filter’s');
  const top = await backend.call('stats.top', { filter: lastSnapshotFilter(), column: 'ip_address', limit: 8 });
  const card = page.locator('.card:has(.card-title:has-text("IP addresses"))');
  await card.locator('[data-testid=bar-row]').first().waitFor();
  const firstPct = (await card.locator('.bar-pct').first().textContent())?.trim();
  const share = (top.values[0]!.count / total) * 100;
  assertEqual(firstPct, `${share < 10 ? share.toFixed(1) : Math.round(share)}%`, 'top IP share of the filter’s sign-ins');
  assert(await page.isVisible('.card-title:has-text("Autonomous systems")'), 'top ASNs are listed');
  await shootBoth(page, '43-overview-pivot');
  await openView(page, 'signins');
  await clearFilters(page);
});

test('leads: session details show each sign-in’s Conditional Access result and the policies applied', async () => {
  const { page, backend } = e2e();
  await ensureEvidence();
  await openView(page, 'signins');
  await clearFilters(page);
  // A session with a CA failure (a block) and several rows: the CA block burst's.
  const blocked: FilterSpec = { conditions: [{ column: 'conditional_access_status', op: 'eq', values: ['failure'] }] };
  const list = await backend.call('sessions.list', { filter: blocked, sort: { column: 'rows', dir: 'desc' }, limit: 1 });
  assert(list.rows.length > 0, 'the demo has a session blocked by Conditional Access');
  const target = list.rows[0]!;
  await page.fill('[data-testid=search]', target.correlationId);
  await openView(page, 'sessions');
  await page.waitForFunction((no) => document.querySelector('.session-row[aria-rowindex="1"]')?.getAttribute('data-session') === String(no), target.sessionNo, { timeout: 30_000 });
  await page.click('.session-row[aria-rowindex="1"]');
  await page.waitForSelector('[data-testid=session-rows] tbody tr [data-testid=session-ca]');
  const session = await backend.call('sessions.get', { sessionNo: target.sessionNo });
  const cells = page.locator('[data-testid=session-rows] [data-testid=session-ca]');
  assertEqual(await cells.count(), Math.min(50, session.rids.length), 'one CA cell per sign-in');
  let failures = 0;
  for (const [i, rid] of session.rids.slice(0, 50).entries()) {
    const record = await backend.call('record.get', { rid });
    const status = String(record.values.conditional_access_status ?? '') || 'not recorded';
    const cell = cells.nth(i);
    assertEqual((await cell.locator('.badge').first().textContent())?.trim(), status, `CA result of sign-in ${i + 1}`);
    const applied = record.caPolicies.filter((p) => !String(p.result ?? '').startsWith('reportOnly') && /success|failure/i.test(String(p.result ?? '')));
    assertEqual(await cell.locator('.ca-policy').count(), applied.length, `policies applied to sign-in ${i + 1}`);
    for (const p of applied) assert((await cell.textContent())?.includes(String(p.policy_name)), `policy ${String(p.policy_name)} named`);
    if (status === 'failure') failures++;
  }
  assert(failures > 0, 'a blocked sign-in shows its CA failure');
  await shootBoth(page, '44-session-ca', '[data-testid=session-rows]');
  await openView(page, 'signins');
  await clearFilters(page);
});

test('leads: "Same correlation ID" keeps the selected sign-in and zooms the timeline to its session', async () => {
  const { page, backend } = e2e();
  await ensureEvidence();
  await openView(page, 'signins');
  await clearFilters(page);
  // A sign-in of a session with several rows (found by a text search on its correlation id).
  const big = (await backend.call('sessions.list', { filter: { conditions: [] }, sort: { column: 'rows', dir: 'desc' }, limit: 1 })).rows[0]!;
  await page.fill('[data-testid=search]', big.correlationId);
  await page.keyboard.press('Enter');
  await settle(page);
  await page.click('.grid-row[aria-rowindex="2"]');
  await page.waitForSelector('[data-testid=details] [data-testid=same-correlation]');
  const rid = lastRequest<{ rid: number }>('record.get').rid;
  const record = await backend.call('record.get', { rid });
  const correlationId = String(record.values.correlation_id);
  await page.click('[data-testid=same-correlation]');
  await page.waitForFunction(() => document.querySelector('[data-testid=chips]')?.textContent?.includes('Correlation'));
  await settle(page);
  const filter = lastSnapshotFilter();
  const scope = await backend.call('query.scope', { filter: { conditions: [{ column: 'correlation_id', op: 'eq', values: [correlationId] }] } });
  assert(filter.timeFrom !== undefined && filter.timeTo !== undefined, 'the time range is set');
  assert(filter.timeFrom! <= scope.timeFrom! && filter.timeTo! > scope.timeTo!, 'the range holds the whole session');
  assert(filter.timeTo! - filter.timeFrom! <= Math.max(60_000, scope.timeTo! - scope.timeFrom!) * 1.2 + 2, 'the range is the session’s span, not the case’s');
  assertEqual(lastRequest<{ filter: FilterSpec }>('timeline.histogram').filter.timeFrom, filter.timeFrom, 'the timeline zooms to the session');
  await page.waitForSelector('.grid-row.selected');
  assertEqual(lastRequest<{ rid: number }>('record.get').rid, rid, 'the details pane still shows the selected sign-in');
  assertEqual((await shownCounts(page)).matching, scope.signins, 'the grid shows the session');
  await page.waitForSelector('[data-testid=details] .dh-title');
  await shootBoth(page, '45-same-correlation');
  await clearFilters(page);
});

test('leads: after sign-ins are added the Detections view and its findings say they are stale; a re-run makes them fresh', async () => {
  const { page, backend, evidenceDir } = e2e();
  await ensureFindings(page);
  await openView(page, 'detections');
  await page.waitForSelector('[data-testid=last-run]:has-text("Last run")');
  assert(!(await page.isVisible('[data-testid=stale-banner]')), 'no stale banner right after a run');

  const extra = path.join(evidenceDir, 'leads-extra-signins.json');
  const at = (i: number) => new Date(Date.UTC(2025, 2, 9, 12, i)).toISOString();
  writeFileSync(extra, JSON.stringify({ value: [0, 1, 2].map((i) => graphSignin({ userPrincipalName: 'late.arrival@northwind.example', createdDateTime: at(i), ipAddress: '198.51.100.250' })) }));
  const before = (await backend.call('detections.status', {})).signinsNow;
  const { jobId } = await backend.call('import.start', { paths: [extra] });
  for (let i = 0; i < 240 && !backend.events.some((ev) => ev.event === 'job.done' && (ev.payload as { jobId: string }).jobId === jobId); i++) await page.waitForTimeout(250);
  await page.waitForSelector('[data-testid=stale-banner]', { timeout: 30_000 });
  const banner = await page.textContent('[data-testid=stale-banner]');
  assert(banner?.includes(`${before.toLocaleString('en-US')} sign-ins then, ${(before + 3).toLocaleString('en-US')} now`), `the banner says what changed: ${banner}`);
  assert((await page.locator('[data-testid=finding-stale]').count()) > 0, 'each finding says it is stale');
  await page.click('[data-testid=findings-table] tbody tr');
  await page.waitForSelector('[data-testid=finding-stale-note]');
  await shootBoth(page, '46-detections-stale');

  await page.click('[data-testid=rerun-detections]');
  await page.waitForSelector('.notice:has-text("Detections finished")', { timeout: 300_000 });
  await page.waitForSelector('[data-testid=stale-banner]', { state: 'detached' });
  assertEqual(await page.locator('[data-testid=finding-stale]').count(), 0, 'no finding is stale after the re-run');
  const status = await backend.call('detections.status', {});
  assertEqual(JSON.stringify([status.stale, status.signinsAtRun]), JSON.stringify([false, before + 3]), 'the backend agrees');
});

test('leads: screenshots of the changed views (aggregate, map travel)', async () => {
  const { page } = e2e();
  await ensureFindings(page);
  await openView(page, 'signins');
  await clearFilters(page);
  await page.click('[data-testid=aggregate-bar] button[data-window="1h"]');
  await page.waitForSelector('[data-testid=aggregate-total]');
  await page.waitForSelector('.agg-row:not(.loading)');
  const overflow = await page.$eval('.aggregate-table .grid-body', (b) => b.scrollWidth - b.clientWidth);
  assert(overflow <= 1, `the aggregated columns fit the pane (${overflow} px too wide)`);
  await shootBoth(page, '47-aggregate');
  for (const v of VIEWPORTS) {
    await page.setViewportSize(v);
    await settle(page, 300);
    const o = await page.$eval('.aggregate-table .grid-body', (b) => b.scrollWidth - b.clientWidth);
    assert(o <= 1, `the aggregated columns fit the pane at ${v.width}x${v.height} (${o} px too wide)`);
  }
  await page.setViewportSize({ width: 1600, height: 960 });
  await page.click('[data-testid=aggregate-bar] button[data-window="off"]');
  // The travel panel states the impossible-travel rule's setting, which it judges its legs by.
  const { backend, groundTruth } = e2e();
  const victim = groundTruth.attacks.find((a) => a.kind === 'impossible-travel')!.victims[0]!;
  const rule = (await backend.call('detections.list', {})).find((r) => r.id === 'impossible-travel')!;
  const speed = rule.params.find((p) => p.key === 'maxSpeedKmh')!.value;
  await openView(page, 'map');
  await page.waitForSelector('[data-testid=travel-user-search]');
  await page.fill('[data-testid=travel-user-search]', victim.split('@')[0]!);
  await page.click(`[data-testid=travel-user-list] .up-row:has(.vp-value:text-is("${victim}"))`);
  await page.waitForSelector('[data-testid=travel-leg].impossible');
  assert((await page.textContent('.tp-rule'))?.includes(`faster than ${speed.toLocaleString('en-US')} km/h`), 'the map uses the rule’s speed');
  // "show only those": the successful sign-ins, as the rule judges them; its legs are the rule's hops.
  const finding = (await backend.call('detections.findings', { ruleId: 'impossible-travel' })).findings.find((f) => f.users[0] === victim);
  assert(finding, `the rule flags the planted victim ${victim}`);
  {
    await page.click('[data-testid=travel-as-rule]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=travel-leg].impossible').length === n, Number(finding.details.hops), { timeout: 30_000 }).catch(() => undefined);
    assertEqual(await page.locator('[data-testid=travel-leg].impossible').count(), Number(finding.details.hops), 'impossible legs between successes = the rule’s hops');
  }
  await shootBoth(page, '48-map-travel', '[data-testid=travel-panel]');
  await clearFilters(page);
  await openView(page, 'signins');
});

test('leads: the HTML report names note targets, fits its tables to the page and counts annotations as the app does', async () => {
  const { page, backend, evidenceDir, context } = e2e();
  await ensureEvidence();
  const rid = 5;
  const requestId = String((await backend.call('record.get', { rid })).values.id);
  await backend.call('annotations.note', { target: { type: 'signin', rid }, text: 'leads: first hit from the VPS' });
  await backend.call('annotations.star', { target: { type: 'signin', rid }, starred: true });
  await backend.call('annotations.star', { target: { type: 'ip', key: '198.51.100.14' }, starred: true });
  const file = path.join(evidenceDir, 'leads-report.html');
  const { jobId } = await backend.call('report.html', { path: file, overwrite: true, topSignins: 20 });
  for (let i = 0; i < 240 && !backend.events.some((ev) => ev.event === 'job.done' && (ev.payload as { jobId: string }).jobId === jobId); i++) await page.waitForTimeout(250);
  const html = readFileSync(file, 'utf8');

  const report = await context.newPage();
  try {
    await report.setContent(html);
    const text = (await report.textContent('body')) ?? '';
    assert(text.includes(`request id ${requestId}`), 'the note on a sign-in names its request id');
    assert(!/\bsign-in 5\b/.test(text), 'no note is named by an internal row id');
    const count = async (req: { kind?: 'tag' | 'note' | 'star'; targetType?: 'signin' }) => (await backend.call('annotations.list', { ...req, limit: 1 })).total;
    const [total, tags, notes, stars, starredSignins] = [
      await count({}),
      await count({ kind: 'tag' }),
      await count({ kind: 'note' }),
      await count({ kind: 'star' }),
      await count({ kind: 'star', targetType: 'signin' }),
    ];
    assert(
      text.includes(`Annotations in the case: ${total} (tags: ${tags}, notes: ${notes}, stars: ${stars}; starred sign-ins: ${starredSignins}, other starred items: ${stars - starredSignins})`),
      'the report counts annotations, stars included, as the app',
    );
    for (const width of [800, 1280]) {
      await report.setViewportSize({ width, height: 900 });
      const wide = await report.evaluate(() => {
        const body = document.body.getBoundingClientRect().width - 48; // the page's padding
        return [...document.querySelectorAll('table')].filter((t) => t.scrollWidth > body + 1).length;
      });
      assertEqual(wide, 0, `tables wider than the page at ${width} px`);
    }
    await report.setViewportSize({ width: 1280, height: 720 });
    await report.locator('h2:text-is("Annotations")').scrollIntoViewIfNeeded();
    await screenshot(report, '49-report-annotations-1280x720');
  } finally {
    await report.close();
  }
  // The app's own count of annotations is the report's.
  await openView(page, 'annotations');
  const tabCount = Number((await page.textContent('[data-testid=mode-annotations] .tab-count'))?.replace(/\D/g, ''));
  assertEqual(tabCount, (await backend.call('annotations.list', { limit: 1 })).total, 'the Annotations tab count');
  await openView(page, 'signins');
});
