// Layout, theme and accessibility: 20+ grid rows at 1280x720, detail tabs on one line at 1600x1000,
// light/dark from the OS preference and the toggle, axe-core clean (serious/critical) in every view
// and both themes. With SIGNINSCOPE_SCREENSHOTS=1 the run refreshes the README's screenshots.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeFindings } from '../axe';
import { ensureCaseWithSignins, reopenPage } from '../case-ready';
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { settle } from '../ui';

const DEFAULT_VIEWPORT = { width: 1600, height: 960 };
const DOCS_SHOTS = path.resolve(__dirname, '..', '..', '..', 'docs', 'screenshots');

async function openView(page: Page, id: string): Promise<void> {
  await page.click(`[data-testid=view-${id}]`);
  await settle(page, 250);
}

async function selectFirstRow(page: Page): Promise<void> {
  await openView(page, 'signins');
  await page.locator('.grid-row:not(.loading)').first().click();
  await page.waitForSelector('[data-testid=details] [role=tab]');
}

/** Rows of the grid fully inside its scroll body. */
async function fullyVisibleRows(page: Page): Promise<number> {
  return page.$eval('[data-testid=grid-body]', (body) => {
    const box = body.getBoundingClientRect();
    return [...body.querySelectorAll('.grid-row')].filter((r) => {
      const b = r.getBoundingClientRect();
      return b.top >= box.top - 0.5 && b.bottom <= box.bottom + 0.5;
    }).length;
  });
}

/** Elements of a container whose box sticks out of the window (cut off). */
async function cutOff(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => {
    const w = window.innerWidth;
    const h = window.innerHeight;
    return els.flatMap((el) => {
      const b = el.getBoundingClientRect();
      return b.width > 0 && (b.right > w + 0.5 || b.bottom > h + 0.5 || b.left < -0.5)
        ? [`${el.className} ${Math.round(b.left)}..${Math.round(b.right)} x ${Math.round(b.top)}..${Math.round(b.bottom)}`]
        : [];
    });
  });
}

test('layout: 1280x720 shows 20+ grid rows, detections and sessions fit; 1600x1000 keeps detail tabs on one line', async () => {
  const { page } = e2e();
  await ensureCaseWithSignins();
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    // As an analyst on a 1280x720 screen opens it: pane sizes start from the window's size.
    await reopenPage();
    await page.waitForSelector('.grid-row:not(.loading)');
    await openView(page, 'signins');
    await screenshot(page, 'look-1280-grid');
    const rows = await fullyVisibleRows(page);
    assert(rows >= 20, `at 1280x720 the grid shows at least 20 whole rows (${rows})`);

    await openView(page, 'sessions');
    await page.waitForSelector('[data-testid=session-list] [role=row]');
    await screenshot(page, 'look-1280-sessions');
    await page.locator('[data-testid=session-list] .grid-row').first().click();
    await page.waitForSelector('[data-testid=session-detail] [data-testid=session-rows]');
    const sessionsCut = await cutOff(page, '[data-testid=sessions-view], .sessions-toolbar, [data-testid=session-list], [data-testid=session-detail], [data-testid=session-detail] button');
    assertEqual(sessionsCut.join('; '), '', 'no pane of the sessions view is cut off at 1280x720');
    const detail = await page.$eval('[data-testid=session-detail] .details-body', (b) => ({ scroll: b.scrollWidth, client: b.clientWidth }));
    assert(detail.scroll <= detail.client, `the session panel's content fits its width (${detail.scroll} > ${detail.client})`);
    // Columns beyond the list's width are reached by scrolling it sideways, never clipped away.
    const list = await page.$eval('[data-testid=session-list] .grid-body', (b) => ({ overflow: getComputedStyle(b).overflowX, wider: b.scrollWidth > b.clientWidth }));
    assert(!list.wider || list.overflow === 'auto' || list.overflow === 'scroll', `the session list scrolls sideways (${JSON.stringify(list)})`);
    await screenshot(page, 'look-1280-session-open');

    await openView(page, 'detections');
    await page.waitForSelector('[data-testid=detections-view]');
    if (await page.$('[data-testid=no-findings]')) {
      await page.click('[data-testid=run-detections]');
      await page.waitForSelector('[data-testid=findings-table] tbody tr', { timeout: 120_000 });
    }
    await screenshot(page, 'look-1280-detections');
    await page
      .locator('[data-testid=findings-table] tbody tr')
      .first()
      .click()
      .catch(() => undefined);
    await settle(page, 250);
    await screenshot(page, 'look-1280-finding-open');
    const detectionsCut = await cutOff(page, '[data-testid=detections-view], .det-toolbar, .findings-wrap, [data-testid=finding-detail]');
    assertEqual(detectionsCut.join('; '), '', 'no pane of the detections view is cut off at 1280x720');
    const overflow = await page.$$eval('.findings-wrap, [data-testid=finding-detail] .details-body', (els) =>
      els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.className} ${e.scrollWidth} > ${e.clientWidth}`),
    );
    assertEqual(overflow.join('; '), '', 'the findings table and the finding panel fit their width');

    await page.setViewportSize({ width: 1600, height: 1000 });
    await reopenPage();
    await page.waitForSelector('.grid-row:not(.loading)');
    await selectFirstRow(page);
    await screenshot(page, 'look-1600-details');
    const tops = await page.$$eval('[data-testid=details] [role=tab]', (tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
    assert(tops.length >= 7, `the details pane has its tabs (${tops.length})`);
    assertEqual(new Set(tops).size, 1, `detail tabs on one line at 1600x1000 (tops ${tops.join(',')})`);
  } finally {
    await page.setViewportSize(DEFAULT_VIEWPORT);
  }
});

test('theme: follows the OS preference until toggled, the choice is remembered', async () => {
  const { page } = e2e();
  await ensureCaseWithSignins();
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  try {
    await page.evaluate(() => localStorage.removeItem('signinscope.theme'));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.waitForSelector('.grid-row:not(.loading)');
    assertEqual(await theme(), 'dark', 'dark OS preference gives the dark theme');
    const dark = await background();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    const light = await background();
    assert(dark !== light, `the page colours change with the theme (${dark} vs ${light})`);
    assertEqual(await page.getAttribute('[data-testid=theme-toggle]', 'aria-label'), 'Switch to the dark theme', 'toggle names what it does');

    await page.click('[data-testid=theme-toggle]');
    assertEqual(await theme(), 'dark', 'the toggle switches to dark');
    await page.reload();
    await page.waitForSelector('.grid-row:not(.loading)');
    assertEqual(await theme(), 'dark', 'the choice survives a reload despite the light OS preference');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.emulateMedia({ colorScheme: 'light' });
    assertEqual(await theme(), 'dark', 'an OS change no longer overrides the choice');
  } finally {
    await page.evaluate(() => localStorage.removeItem('signinscope.theme'));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.waitForSelector('.grid-row:not(.loading)');
  }
});

/** Selects the first session or finding of the view (running the detections when none are stored). */
async function openFirstItem(page: Page, view: string): Promise<boolean> {
  if (view === 'sessions') {
    await page.locator('[data-testid=session-list] .grid-row:not(.loading)').first().click();
    await page.waitForSelector('[data-testid=session-detail]');
  } else if (view === 'detections') {
    if (await page.$('[data-testid=no-findings]')) {
      await page.click('[data-testid=run-detections]');
      await page.waitForSelector('[data-testid=findings-table] tbody tr', { timeout: 120_000 });
    }
    await page.locator('[data-testid=findings-table] tbody tr').first().click();
    await page.waitForSelector('[data-testid=finding-detail]');
  } else return false;
  await settle(page, 250);
  return true;
}

/** Every state of the workbench the axe test visits: each view tab, each details tab, the timeline modes, dialogs. */
async function eachState(page: Page, visit: (name: string) => Promise<void>): Promise<void> {
  const views = await page.$$eval('[data-testid^=view-]', (tabs) => tabs.map((t) => (t as HTMLElement).dataset.testid!.slice(5)));
  for (const id of views) {
    await openView(page, id);
    await visit(`view ${id}`);
    if (await openFirstItem(page, id)) await visit(`view ${id}, first item open`);
  }
  // Filter chips (a status chip and a text chip) with their remove buttons.
  await openView(page, 'signins');
  await page.click('.seg-failure');
  await page.fill('[data-testid=search]', 'northwind');
  await page.waitForSelector('[data-testid=chips] .chip-x');
  await settle(page, 250);
  await visit('filter chips');
  await page.click('[data-testid=chips] >> text=Clear all');
  await settle(page, 250);
  await selectFirstRow(page);
  const tabs = await page.$$eval('[data-testid=details] [role=tab]', (t) => t.length);
  for (let i = 0; i < tabs; i++) {
    await page.locator('[data-testid=details] [role=tab]').nth(i).click();
    await visit(`details tab ${i + 1}`);
  }
  await page.click('[data-testid=swimlanes-tab]');
  await page.waitForSelector('[data-testid=swimlanes]');
  await settle(page, 250);
  await visit('timeline per user');
  await page.click('.timeline .segmented button:first-child');
  const aggregate = page.locator('[data-testid=aggregate-bar] button[data-window="1h"]');
  if (await aggregate.count()) {
    await aggregate.click();
    await settle(page, 250);
    await visit('aggregate 1h');
    await page.click('[data-testid=aggregate-bar] button[data-window="off"]');
  }
  await page.click('[data-testid=open-button]');
  await page.waitForSelector('[role=dialog]');
  await visit('open dialog');
  await page.keyboard.press('Escape');
  await page.click('[data-testid=tz-zone]');
  await visit('zone picker');
  await page.keyboard.press('Escape');
}

test('accessibility: axe-core finds nothing serious or critical in any view, in both themes', async () => {
  const { page } = e2e();
  await ensureCaseWithSignins();
  const found: string[] = [];
  try {
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForFunction((s) => document.documentElement.dataset.theme === s, scheme);
      await eachState(page, async (name) => {
        for (const f of await axeFindings(page)) found.push(`[${scheme}, ${name}] ${f}`);
      });
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'dark' });
    if (await page.$('[role=dialog]')) await page.keyboard.press('Escape');
  }
  if (found.length) console.log(`    axe:\n      ${found.join('\n      ')}`);
  assertEqual(found.length, 0, 'serious or critical axe findings');
});

test('screenshots: main views at 1280x720 for the README (with SIGNINSCOPE_SCREENSHOTS=1)', async () => {
  const { page } = e2e();
  await ensureCaseWithSignins();
  const refresh = process.env.SIGNINSCOPE_SCREENSHOTS === '1';
  if (refresh) mkdirSync(DOCS_SHOTS, { recursive: true });
  try {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1280, height: 720 });
    const shot = async (name: string) => {
      await settle(page, 300);
      await screenshot(page, `readme-${name}`);
      if (refresh) await page.screenshot({ path: path.join(DOCS_SHOTS, `${name}.png`) });
    };
    await selectFirstRow(page);
    await shot('grid-details');
    await page.click('[data-testid=details] [role=tab]:has-text("Authentication")').catch(() => undefined);
    await shot('details-authentication');
    await page.click('[data-testid=swimlanes-tab]');
    await page.waitForSelector('[data-testid=swimlanes] canvas');
    await shot('timeline-per-user');
    await page.click('.timeline .segmented button:first-child');
    await openView(page, 'sessions');
    await page.waitForSelector('[data-testid=session-list] [role=row]');
    await page
      .locator('[data-testid=session-list] .grid-row')
      .first()
      .click()
      .catch(() => undefined);
    await shot('sessions');
    await openView(page, 'map');
    await page.waitForSelector('path.map-country');
    await shot('map');
    await openView(page, 'detections');
    await openFirstItem(page, 'detections');
    await shot('detections');
    await page.emulateMedia({ colorScheme: 'light' });
    await openView(page, 'signins');
    await shot('grid-light');
  } finally {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize(DEFAULT_VIEWPORT);
    await openView(page, 'signins');
  }
});
