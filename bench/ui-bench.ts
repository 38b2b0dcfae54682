// The workbench on a large case, measured in Chromium through browser mode: time from a filter change
// to the new count on screen, and frame times while scrolling the grid (idle, a wheel glide, a
// scrollbar drag; p95s and their differences, in rounds). Prints figures only. Needs
// /usr/bin/chromium and a saved case (`npm run bench -- --records N` leaves bench/out/case-N.signinscope):
//   npx tsx bench/ui-bench.ts [--case bench/out/case-1000000.signinscope] [--rounds 3] [--only scroll]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../test/e2e/server-process';
import { arg, figure, heading } from './report';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const STEPS = 150;
const LABELS = { idle: 'page idle (baseline)', glide: 'wheel-like glide, 60 px a frame', drag: 'scrollbar drag, top → bottom' } as const;
type Mode = keyof typeof LABELS;

interface FrameRun {
  mode: Mode;
  /** Frame times in ms, sorted. */
  times: number[];
  /** Main-thread work in the run from Chromium's counters, ms per frame. */
  script: number;
  layout: number;
  style: number;
  /** Pages the grid asked for during the run. */
  pageRequests: number;
  /** After a drag: ms from its last frame until no row on screen is still loading. */
  landed?: number;
}

const p95 = (t: number[]) => t[Math.floor(t.length * 0.95)]!;
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function describe(run: FrameRun): string {
  const t = run.times;
  const over = t.filter((f) => f > 17.5).length;
  const work = `script ${run.script.toFixed(1)} / layout ${run.layout.toFixed(1)} / style ${run.style.toFixed(1)} ms a frame`;
  const landed = run.landed === undefined ? '' : `; rows on screen ${run.landed.toFixed(0)} ms after the last frame`;
  return `p50 ${t[Math.floor(t.length / 2)]!.toFixed(1)} / p95 ${p95(t).toFixed(1)} / max ${t[t.length - 1]!.toFixed(1)} ms, ${over} of ${t.length} over 17.5 ms; ${work}; ${run.pageRequests} page requests${landed}`;
}

let pageRequests = 0;

/** STEPS animation frames: idle, or scrolling the grid one step a frame. */
async function frames(page: Page, mode: Mode): Promise<FrameRun> {
  await page.evaluate(async () => {
    (document.querySelector('[data-testid="grid-body"]') as HTMLElement).scrollTop = 0;
    await new Promise((r) => setTimeout(r, 500));
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  const requestsBefore = pageRequests;
  const { times, lastFrame } = await page.evaluate(
    async ({ m, steps }) => {
      const el = document.querySelector('[data-testid="grid-body"]') as HTMLElement;
      const out: number[] = [];
      let last = performance.now();
      for (let i = 1; i <= steps; i++) {
        if (m === 'glide') el.scrollTop = i * 60;
        else if (m === 'drag') el.scrollTop = ((el.scrollHeight - el.clientHeight) * i) / steps;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const now = performance.now();
        out.push(now - last);
        last = now;
      }
      return { times: out.sort((a, b) => a - b), lastFrame: last };
    },
    { m: mode, steps: STEPS },
  );
  const after = await metrics();
  await cdp.detach();
  // The grid fetches where a drag stops (page-cache.ts): how long the rows it landed on take to show.
  const landed =
    mode !== 'drag'
      ? undefined
      : await page.evaluate(async (since) => {
          while (document.querySelector('[data-testid="grid-body"] [aria-busy="true"]') && performance.now() - since < 10_000) await new Promise((r) => requestAnimationFrame(() => r(null)));
          return performance.now() - since;
        }, lastFrame);
  const perFrame = (name: string) => ((after[name]! - before[name]!) * 1000) / STEPS;
  return { mode, times, landed, script: perFrame('ScriptDuration'), layout: perFrame('LayoutDuration'), style: perFrame('RecalcStyleDuration'), pageRequests: pageRequests - requestsBefore };
}

/** Time from a filter change to the new count on screen. */
async function filterFigures(page: Page): Promise<void> {
  const matching = page.getByTestId('matching');
  const untilCount = async (change: () => Promise<void>) => {
    const before = await matching.textContent();
    const t = Date.now();
    await change();
    await page.waitForFunction((b) => document.querySelector('[data-testid="matching"]')?.textContent !== b, before, { timeout: 60_000 });
    return `${Date.now() - t} ms`;
  };
  const search = page.getByTestId('search');
  const searchFor = (text: string) => async () => {
    await search.fill(text);
    await search.press('Enter');
  };
  figure('filter: free text "python" → count on screen', await untilCount(searchFor('python')));
  figure('filter: cleared → count on screen', await untilCount(searchFor('')));
  const failure = page.locator('.quick-filters button', { hasText: 'Failure' }).first();
  if (await failure.count()) {
    figure('filter: status Failure chip → count on screen', await untilCount(() => failure.click()));
    figure('filter: status chip off → count on screen', await untilCount(() => failure.click()));
  }
}

async function main(): Promise<void> {
  const rounds = Number(arg('rounds', '3'));
  const caseFile = path.resolve(arg('case', path.join(__dirname, 'out', 'case-1000000.signinscope')));
  // @ts-expect-error plain JS build script
  const { ensureRenderer } = await import('../scripts/build.mjs');
  await ensureRenderer();
  const server = await startServer([caseFile]);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('websocket', (ws) => ws.on('framesent', (f) => void (String(f.payload).includes('"query.page"') && pageRequests++)));
    await page.goto(server.url);
    const matching = page.getByTestId('matching');
    await matching.waitFor({ timeout: 120_000 });
    const total = await page.getByTestId('total').textContent();
    heading(`SigninScope workbench in Chromium: ${total} sign-ins (${path.basename(caseFile)})`);

    if (arg('only', '') !== 'scroll') await filterFigures(page);

    // Frame times while scrolling, one scroll step per animation frame: a wheel-like glide (60 px a
    // frame) and a drag of the scrollbar from top to bottom (every frame lands on unfetched rows),
    // each against the idle page measured in the same round (headless frame times follow the load);
    // and how soon the rows a drag lands on show (the grid fetches only where the thumb stops).
    for (let round = 1; round <= rounds; round++) {
      const idle = await frames(page, 'idle');
      const glide = await frames(page, 'glide');
      const drag = await frames(page, 'drag');
      heading(`grid scroll, round ${round} of ${rounds} (load average ${loadAverage()})`);
      for (const run of [idle, glide, drag]) figure(`  ${LABELS[run.mode]}`, describe(run));
      figure('  p95 glide − p95 idle (goal ≤ 2 ms)', `${signed(p95(glide.times) - p95(idle.times))} ms`);
      figure('  p95 drag − p95 idle (goal ≤ 2 ms)', `${signed(p95(drag.times) - p95(idle.times))} ms`);
    }
    const rowsShown = await page.locator('[data-testid="grid-body"] [role="row"]').count();
    figure('rows in the DOM at the bottom', String(rowsShown));
  } finally {
    await browser.close();
    await server.stop();
  }
}

void main();
