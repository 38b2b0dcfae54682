// Reading the workbench's state from the page the way a user sees it.
import type { Page } from 'playwright-core';
import type { FilterSpec } from '../../shared/model/filter-spec';
import { e2e } from './context';
import { assertEqual } from './assert';
import { ensureFullCaseInBackend } from './case-ready';

const parseCount = (text: string) => Number(text.replace(/[^0-9]/g, ''));

export async function shownCounts(page: Page): Promise<{ matching: number; total: number }> {
  await page.waitForSelector('[data-testid=matching]');
  return {
    matching: parseCount((await page.textContent('[data-testid=matching]')) ?? ''),
    total: parseCount((await page.textContent('[data-testid=total]')) ?? ''),
  };
}

/** Waits until the grid has settled on a snapshot (no request in flight for a moment). */
export async function settle(page: Page, ms = 400): Promise<void> {
  let last = -1;
  for (let i = 0; i < 50; i++) {
    const n = e2e().sentFrames.length;
    if (n === last) return;
    last = n;
    await page.waitForTimeout(ms);
  }
}

/** The filter of the last `query.snapshot` the page sent. */
export function lastSnapshotFilter(): FilterSpec {
  const frame = [...e2e().sentFrames].reverse().find((f) => f.channel === 'query.snapshot');
  if (!frame) throw new Error('the page sent no query.snapshot');
  return (frame.req as { filter: FilterSpec }).filter;
}

export async function backendMatching(filter: FilterSpec): Promise<number> {
  const res = await e2e().backend.call('query.snapshot', { filter, sort: { column: 'created_at', dir: 'desc' } });
  return res.matching;
}

/** Text of one column's cells in the visible rows, in order. */
export async function columnTexts(page: Page, column: string): Promise<string[]> {
  const index = await page.$$eval('.gh-cell', (cells, col) => cells.findIndex((c) => (c as HTMLElement).dataset.column === col), column);
  if (index < 0) throw new Error(`column ${column} is not shown`);
  return page.$$eval(
    '.grid-row:not(.loading)',
    (rows, i) =>
      rows
        .map((r) => ({ top: Number(/translateY\((-?[\d.]+)px\)/.exec((r as HTMLElement).style.transform)?.[1] ?? 0), text: r.children[i]?.textContent ?? '' }))
        .sort((a, b) => a.top - b.top)
        .map((x) => x.text),
    index,
  );
}

/** The request of the last call the page made on `channel`. */
export function lastRequest<T>(channel: string): T {
  const frame = [...e2e().sentFrames].reverse().find((f) => f.channel === channel);
  if (!frame) throw new Error(`the page sent no ${channel}`);
  return frame.req as T;
}

export async function clearFilters(page: Page): Promise<void> {
  const clear = page.locator('[data-testid=chips] >> text=Clear all');
  if (await clear.count()) await clear.click();
  await settle(page);
}

export async function openView(page: Page, view: 'map' | 'sessions' | 'signins' | 'overview' | 'detections' | 'annotations' | 'evidence'): Promise<void> {
  await page.click(`[data-testid=view-${view}]`);
  await page.waitForSelector(`[data-testid=view-${view}][aria-selected=true]`);
}

/** The case has sign-ins (the full evidence is imported when it is empty) and the page runs the app. */
export async function ensureEvidence(): Promise<void> {
  const { backend, page, server } = e2e();
  if (!page.url().startsWith(server.origin)) await page.goto(server.url);
  if ((await backend.call('case.info', {})).signins > 0) return;
  await ensureFullCaseInBackend();
  await page.waitForSelector('[data-testid=total]');
}

/** The Sign-ins view with every filter cleared, scrolled to the top, rows loaded (the evidence imported when the case is empty). */
export async function unfilteredGrid(): Promise<void> {
  const { page } = e2e();
  await ensureEvidence();
  await page.click('[data-testid=view-signins]');
  const clear = page.locator('[data-testid=chips] >> text=Clear all');
  if (await clear.count()) await clear.click();
  await settle(page);
  // an earlier spec may have left the grid scrolled down to a selected row
  await page.$eval('[data-testid=grid-body]', (el) => el.scrollTo({ top: 0 }));
  await page.waitForSelector('.grid-row[aria-rowindex="1"]:not(.loading)');
}

/** The status bar's count once the grid has settled, checked against the backend for `filter`. */
export async function expectShown(filter: FilterSpec, what: string): Promise<number> {
  const { page } = e2e();
  const expected = await backendMatching(filter);
  await page.waitForFunction((n) => document.querySelector('[data-testid=matching]')?.textContent?.replace(/\D/g, '') === String(n), expected, { timeout: 30_000 }).catch(() => undefined);
  await settle(page);
  assertEqual((await shownCounts(page)).matching, expected, `${what}: sign-ins shown vs backend`);
  return expected;
}
