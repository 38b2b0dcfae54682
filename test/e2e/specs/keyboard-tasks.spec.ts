// Issue 10's three everyday tasks, done in the real UI: (a) everything user X did in the last 24 h,
// failures first; (b) which IPs sprayed, and did an account then succeed; (c) follow one
// correlationId session through its MFA steps and Conditional Access result.
//
// Each task runs twice: keyboard only (no pointer event may reach the page), and by mouse the way
// the toolbar invites. The keyboard run tries each step by keys and, where a build offers no key for
// it, falls back to a click that is counted: on this branch every task must need 0 clicks; run on an
// older build (TASK_BUILD=main) it measures the fewest clicks that build needed. Counts go to
// test-results/task-clicks.json and the console.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { e2e, RESULTS_DIR, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { backendMatching, ensureEvidence, lastSnapshotFilter, settle, shownCounts, unfilteredGrid } from '../ui';

type Mode = 'keyboard' | 'mouse';
const BUILD = process.env.TASK_BUILD ?? 'branch';

/** Drives the page and counts what the analyst did: clicks, key presses, strings typed. */
class Analyst {
  clicks = 0;
  keys = 0;
  typed = 0;
  readonly fallbacks: string[] = [];
  constructor(
    readonly page: Page,
    readonly mode: Mode,
  ) {}

  async press(key: string): Promise<void> {
    this.keys++;
    await this.page.keyboard.press(key);
  }

  async type(text: string): Promise<void> {
    this.typed++;
    await this.page.keyboard.type(text);
  }

  async click(selector: string, modifiers?: Array<'Shift' | 'Control'>): Promise<void> {
    this.clicks++;
    await this.page.click(selector, modifiers ? { modifiers } : {});
  }

  /** Tab (or Shift+Tab) until the focused element matches; false after `max` presses. */
  async tabTo(selector: string, text?: string, backward = false, max = 80): Promise<boolean> {
    for (let i = 0; i <= max; i++) {
      const hit = await this.page.evaluate(
        ([sel, t]) => {
          const el = document.activeElement;
          return !!el && el.matches(sel!) && (!t || (el.textContent ?? '').includes(t));
        },
        [selector, text] as const,
      );
      if (hit) return true;
      if (i < max) await this.press(backward ? 'Shift+Tab' : 'Tab');
    }
    return false;
  }

  /** A step done by keys; if the build has no key for it (`done` stays false), by a counted click. */
  async step(what: string, keys: () => Promise<unknown>, done: () => Promise<boolean>, click: () => Promise<void>): Promise<void> {
    if (this.mode === 'keyboard') {
      await keys();
      if (await waitTrue(this.page, done)) return;
      this.fallbacks.push(what);
    }
    await click();
    assert(await waitTrue(this.page, done, 30_000), `step "${what}" took effect`);
  }

  async report(task: string): Promise<void> {
    const pointer = await this.page.evaluate(() => (window as Window & { pointerDowns?: number }).pointerDowns ?? 0);
    assertEqual(pointer, this.clicks, 'pointer presses the page saw vs clicks counted');
    const line = { build: BUILD, task, mode: this.mode, clicks: this.clicks, keys: this.keys, typed: this.typed, fallbacks: this.fallbacks };
    console.log(`    ${JSON.stringify(line)}`);
    mkdirSync(RESULTS_DIR, { recursive: true });
    appendFileSync(path.join(RESULTS_DIR, 'task-clicks.json'), JSON.stringify(line) + '\n');
    if (this.mode === 'keyboard' && BUILD === 'branch') assertEqual(this.clicks, 0, `${task} by keyboard: clicks`);
  }
}

async function waitTrue(page: Page, cond: () => Promise<boolean>, ms = 3000): Promise<boolean> {
  for (let waited = 0; ; waited += 100) {
    if (await cond().catch(() => false)) return true;
    if (waited >= ms) return false;
    await page.waitForTimeout(100);
  }
}

const focused = (page: Page, selector: string) => page.evaluate((sel) => !!document.activeElement?.matches(sel), selector);

/** Unfiltered grid, newest first, nothing focused, pointer presses counted from here on. */
async function start(mode: Mode): Promise<Analyst> {
  const { page } = e2e();
  await unfilteredGrid();
  if ((await page.getAttribute('.gh-cell[data-column=created_at]', 'aria-sort')) !== 'descending') {
    await page.click('.gh-cell[data-column=created_at]');
    if ((await page.getAttribute('.gh-cell[data-column=created_at]', 'aria-sort')) !== 'descending') await page.click('.gh-cell[data-column=created_at]');
    await settle(page);
  }
  await page.evaluate(() => {
    const w = window as Window & { pointerDowns?: number; pointerCounting?: boolean };
    w.pointerDowns = 0;
    if (!w.pointerCounting) document.addEventListener('pointerdown', () => (w.pointerDowns = (w.pointerDowns ?? 0) + 1), true);
    w.pointerCounting = true;
    (document.activeElement as HTMLElement | null)?.blur();
  });
  return new Analyst(page, mode);
}

/** The grid body has the keyboard (Esc returns to it from the details, or after a pivot). */
async function toGrid(a: Analyst): Promise<void> {
  await a.step(
    'focus the grid',
    async () => {
      // Esc from the details pane (or with the focus lost); in a text box Esc would clear it instead.
      if (!(await focused(a.page, 'input, [data-testid=grid-body]'))) await a.press('Escape');
      if (!(await focused(a.page, '[data-testid=grid-body]'))) await a.tabTo('[data-testid=grid-body]');
    },
    () => focused(a.page, '[data-testid=grid-body]'),
    () => a.click('.grid-row[aria-rowindex="1"]'),
  );
}

// ---------- (a) everything user X did in the last 24 h, failures first ----------

async function taskA(mode: Mode): Promise<void> {
  const { page, backend } = e2e();
  await ensureEvidence();
  const info = await backend.call('case.info', {});
  const end = info.timeMax!;
  const day = { timeFrom: end + 1 - 86_400_000, timeTo: end + 1 };
  const top = await backend.call('query.facets', { filter: { conditions: [{ column: 'status', op: 'in', values: ['Failure'] }], ...day }, column: 'user_principal_name', limit: 5 });
  const user = String(top.values.find((v) => typeof v.value === 'string')?.value ?? '');
  assert(user, 'some user failed to sign in during the last day');

  const a = await start(mode);
  await a.step(
    'time range: last 24 hours',
    async () => {
      if (!(await a.tabTo('[data-testid=time-range]'))) return;
      await a.press('Enter');
      if (await a.tabTo('.tf-presets button', 'Last 24 hours', false, 10)) await a.press('Enter');
    },
    async () => lastSnapshotFilter().timeTo === day.timeTo && lastSnapshotFilter().timeFrom === day.timeFrom,
    async () => {
      await a.click('[data-testid=time-range]');
      await a.click('.tf-presets button:has-text("Last 24 hours")');
    },
  );
  await a.step(
    `user ${user}`,
    async () => {
      if (!(await a.tabTo('[data-testid=search]'))) return;
      await a.type(user);
      await a.press('Enter');
    },
    async () => lastSnapshotFilter().text === user,
    async () => {
      await a.click('[data-testid=search]');
      await a.type(user);
      await a.press('Enter');
    },
  );
  await settle(page);
  const statusSort = () => page.getAttribute('.gh-cell[data-column=status]', 'aria-sort');
  const statusCol = await page.$$eval('.gh-cell', (cells) => cells.findIndex((c) => (c as HTMLElement).dataset.column === 'status'));
  await a.step(
    'failures first (sort by status)',
    async () => {
      await toGrid(a);
      await a.press('Home');
      for (let i = 0; i < statusCol; i++) await a.press('ArrowRight');
      await a.press('s');
      if ((await statusSort()) === 'ascending' || !(await page.$('[data-testid=header-filter-status]'))) return;
      // A build without the S key may still sort from the keyboard through the header's menu.
      if (!(await a.tabTo('[data-testid=header-filter-status]', undefined, true, 60))) return;
      await a.press('Enter');
      const sortAsc = ['.hm-actions button', 'Sort ascending'] as const;
      if ((await a.tabTo(...sortAsc, false, 25)) || (await a.tabTo(...sortAsc, true, 40))) await a.press('Enter');
    },
    async () => (await statusSort()) === 'ascending',
    () => a.click('.gh-cell[data-column=status]'),
  );
  await settle(page);
  const expected = await backendMatching({ conditions: [], text: user, ...day });
  assertEqual((await shownCounts(page)).matching, expected, `sign-ins of ${user} in the last 24 h`);
  await page.waitForSelector('.grid-row[aria-rowindex="1"]:not(.loading)');
  assertEqual(await page.textContent(`.grid-row[aria-rowindex="1"] .gc:nth-child(${statusCol + 1})`), 'Failure', 'failures come first');
  if (mode === 'keyboard') await screenshot(page, '08a-task-user-24h');
  await a.report('(a) user X, last 24 h, failures first');
}

// ---------- (b) which IPs sprayed, and did an account then succeed ----------

async function taskB(mode: Mode): Promise<void> {
  const { page, groundTruth } = e2e();
  const planted = groundTruth.attacks.find((x) => x.kind === 'password-spray')!;
  const a = await start(mode);
  await a.step(
    'open Detections',
    async () => {
      if (await a.tabTo('[data-testid=view-detections]')) await a.press('Enter');
    },
    async () => !!(await page.$('[data-testid=view-detections][aria-selected=true]')),
    () => a.click('[data-testid=view-detections]'),
  );
  await a.step(
    'run the detections',
    async () => {
      if (await a.tabTo('[data-testid=run-detections]')) await a.press('Enter');
    },
    async () => !!(await page.$('[data-testid=detections-progress]')) || !!(await page.$('.notice:has-text("Detections finished")')),
    () => a.click('[data-testid=run-detections]'),
  );
  await page.waitForSelector('.notice:has-text("Detections finished")', { timeout: 300_000 });
  const sprayRow = '[data-testid=findings-table] tr.selected[data-rule=password-spray]';
  await a.step(
    'select the password spray finding',
    async () => {
      if (!(await a.tabTo('.findings-wrap'))) return;
      await a.press('Home');
      for (let i = 0; i < 40 && !(await page.$(sprayRow)); i++) await a.press('ArrowDown');
    },
    async () => !!(await page.$(sprayRow)),
    () => a.click('[data-testid=findings-table] tr[data-rule=password-spray]'),
  );
  const detail = (await page.textContent('[data-testid=finding-detail]')) ?? '';
  for (const ip of planted.attackerIps) assert(detail.includes(ip), `the finding names the spraying IP ${ip}`);
  await a.step(
    'show its sign-ins',
    async () => {
      if (await a.tabTo('[data-testid=show-signins]')) await a.press('Enter');
    },
    async () => !!(await page.$('[data-testid=rids-chip]')),
    () => a.click('[data-testid=show-signins]'),
  );
  await settle(page);
  await a.step(
    'only the successes',
    async () => {
      if (await a.tabTo('.segmented button.seg-success', undefined, true, 120)) await a.press('Enter');
    },
    async () => lastSnapshotFilter().conditions.some((c) => c.column === 'status' && c.values.includes('Success')),
    () => a.click('.segmented button.seg-success'),
  );
  await settle(page);
  const upnCol = await page.$$eval('.gh-cell', (cells) => cells.findIndex((c) => (c as HTMLElement).dataset.column === 'user_principal_name'));
  const shown = await page.$$eval(`.grid-row:not(.loading) .gc:nth-child(${upnCol + 1})`, (cells) => cells.map((c) => c.textContent ?? ''));
  assertEqual([...new Set(shown)].sort().join(','), [...planted.compromised].sort().join(','), 'the account that then succeeded');
  if (mode === 'keyboard') await screenshot(page, '08b-task-spray-success');
  await a.report('(b) spraying IPs, then a success');
}

// ---------- (c) one correlationId session: MFA steps and Conditional Access ----------

/** An MFA sign-in whose correlation id groups 2 to 6 sign-ins, near the top of its user's sign-ins. */
async function sessionStart(): Promise<{ user: string; position: number; correlationId: string; size: number }> {
  const { backend } = e2e();
  await ensureEvidence();
  const newest = { column: 'created_at', dir: 'desc' } as const;
  const snap = await backend.call('query.snapshot', { filter: { conditions: [{ column: 'authentication_requirement', op: 'eq', values: ['multiFactorAuthentication'] }] }, sort: newest });
  const page = await backend.call('query.page', { snapshotId: snap.snapshotId, from: 0, count: 300, columns: ['correlation_id', 'user_principal_name'] });
  for (const [i, [corr, user]] of page.rows.entries()) {
    if (typeof corr !== 'string' || typeof user !== 'string') continue;
    const filter = { conditions: [{ column: 'correlation_id', op: 'eq' as const, values: [corr] }], text: user };
    const size = await backendMatching(filter);
    if (size < 2 || size > 6) continue;
    const mine = await backend.call('query.snapshot', { filter: { conditions: [], text: user }, sort: newest });
    const rids = (await backend.call('query.page', { snapshotId: mine.snapshotId, from: 0, count: 20, columns: [] })).rids;
    const position = rids.indexOf(page.rids[i]!);
    if (position >= 0) return { user, position, correlationId: corr, size };
  }
  throw new Error('no MFA sign-in near the top of its user’s sign-ins shares its correlation id with 2 to 6 sign-ins');
}

async function taskC(mode: Mode): Promise<void> {
  const { page } = e2e();
  const session = await sessionStart();
  const a = await start(mode);
  await a.step(
    `the sign-ins of ${session.user}`,
    async () => {
      if (!(await a.tabTo('[data-testid=search]'))) return;
      await a.type(session.user);
      await a.press('Enter');
    },
    async () => lastSnapshotFilter().text === session.user,
    async () => {
      await a.click('[data-testid=search]');
      await a.type(session.user);
      await a.press('Enter');
    },
  );
  await settle(page);
  const startRow = `.grid-row[aria-rowindex="${session.position + 1}"]`;
  await a.step(
    'select the MFA sign-in',
    async () => {
      await toGrid(a);
      await a.press('Home');
      for (let i = 0; i < session.position; i++) await a.press('ArrowDown');
    },
    async () => !!(await page.$(`${startRow}.cursor, ${startRow}[aria-selected=true]`)) && !!(await page.$('[data-testid=details] [data-testid=same-correlation]')),
    () => a.click(startRow),
  );
  await a.step(
    'same correlation ID',
    async () => {
      await a.press('Enter');
      if (await a.tabTo('[data-testid=same-correlation]')) await a.press('Enter');
    },
    async () => lastSnapshotFilter().conditions.some((c) => c.column === 'correlation_id' && c.values[0] === session.correlationId),
    () => a.click('[data-testid=same-correlation]'),
  );
  await settle(page);
  assertEqual((await shownCounts(page)).matching, session.size, 'the session’s sign-ins');
  for (let n = 1; n <= session.size; n++) {
    const rowSel = `.grid-row[aria-rowindex="${n}"]`;
    await a.step(
      `sign-in ${n} of the session`,
      async () => {
        await toGrid(a);
        await a.press(n === 1 ? 'Home' : 'ArrowDown');
      },
      async () => !!(await page.$(`${rowSel}.cursor, ${rowSel}[aria-selected=true]`)) && !!(await page.$('[data-testid=details] .dh-user')),
      () => a.click(rowSel),
    );
    for (const tab of ['Authentication', 'Conditional Access']) {
      const tabSel = `[data-testid=details] [role=tab]`;
      await a.step(
        `${tab} of sign-in ${n}`,
        async () => {
          if (!(await focused(page, tabSel))) await a.press('Enter');
          // The tabs sit in a row: Tab walks right, Shift+Tab left (back from the content if need be).
          const forward = await page.evaluate((t) => {
            const tabs = [...document.querySelectorAll('[data-testid=details] [role=tab]')];
            return tabs.findIndex((el) => (el.textContent ?? '').includes(t)) > tabs.indexOf(document.activeElement as Element);
          }, tab);
          if (await a.tabTo(tabSel, tab, !forward, 12)) await a.press('Enter');
        },
        async () => page.evaluate((t) => [...document.querySelectorAll('[data-testid=details] [role=tab][aria-selected=true]')].some((el) => (el.textContent ?? '').includes(t)), tab),
        () => a.click(`${tabSel}:has-text("${tab}")`),
      );
      await page.waitForSelector('[data-testid=details] .details-body > *');
    }
  }
  if (mode === 'keyboard') await screenshot(page, '08c-task-session');
  await a.report('(c) one session: MFA steps and CA result');
  await page.click('[data-testid=details] [role=tab]:has-text("Basic info")');
}

for (const mode of ['keyboard', 'mouse'] as const) {
  test(`tasks (${mode}): (a) everything user X did in the last 24 h, failures first`, () => taskA(mode));
  test(`tasks (${mode}): (b) which IPs sprayed, and did an account then succeed`, () => taskB(mode));
  test(`tasks (${mode}): (c) one correlationId session through its MFA steps and Conditional Access`, () => taskC(mode));
}
