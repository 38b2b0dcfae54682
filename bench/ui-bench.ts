// The workbench on a large case, measured in Chromium through browser mode: time from a filter change
// to the new count on screen, and frame times while scrolling the grid (idle, a wheel glide, a
// scrollbar drag; p95s and their differences, in rounds). Prints figures only. Needs
// /usr/bin/chromium and a saved case (`npm run bench -- --records N` leaves bench/out/case-N.signinscope):
//   npx tsx bench/ui-bench.ts [--case bench/out/case-1000000.signinscope] [--rounds 3] [--only scroll|search]
// --only search: the first search after a page opens, in rounds on a fresh server each, with the
// engine's time and the calls it waited behind (from the server's query log).
import path from 'node:path';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';
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

/** The server's query log (its cache folder is the bench's own): one line per call, engine time and time queued. */
class ServerLog {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'ui-bench-log-'));
  private readonly file = path.join(this.dir, 'logs', 'signinscope.log');
  lines(): string[] {
    return existsSync(this.file) ? readFileSync(this.file, 'utf8').trimEnd().split('\n') : [];
  }
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
  /** Calls as [end time, channel, total ms, engine ms]; lines are written as calls end (the same clock as the bench's). */
  private calls(): { end: number; channel: string; ms: number; engineMs: number }[] {
    return this.lines()
      .map((l) => l.split('\t'))
      .filter((f) => f[1] === 'call' && f[5])
      .map((f) => ({ end: Date.parse(f[0]!), channel: f[2]!, ms: parseFloat(f[3]!), engineMs: parseFloat(f[5]!.replace('engine ', '')) }));
  }

  /**
   * The engine's side of a change made at `since`: the first snapshot asked for after it (its engine
   * time and time queued), and the calls the engine was busy with from `since` until it started.
   */
  async breakdown(since: number): Promise<string> {
    for (let waited = 0; waited < 5000; waited += 50) {
      const calls = this.calls();
      const count = calls.find((c) => c.channel === 'query.snapshot' && c.end - c.ms >= since - 2);
      if (count) {
        const started = count.end - count.engineMs;
        const ahead = calls.filter((c) => c !== count && c.end > since && c.end <= started + 2).map((c) => `${c.channel} ${c.engineMs.toFixed(0)} ms`);
        const queued = (count.ms - count.engineMs).toFixed(0);
        return `snapshot ran ${count.engineMs.toFixed(0)} ms, queued ${queued} ms${ahead.length ? ` behind ${ahead.join(', ')}` : ''}`;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return 'no query.snapshot in the query log';
  }
}

/** Time from a filter change to the new count on screen, with the engine's side from the query log. */
async function untilCount(page: Page, log: ServerLog, change: () => Promise<void>): Promise<string> {
  const before = await page.getByTestId('matching').textContent();
  const t = Date.now();
  await change();
  await page.waitForFunction((b) => document.querySelector('[data-testid="matching"]')?.textContent !== b, before, { timeout: 60_000 });
  const ms = Date.now() - t;
  return `${ms} ms (engine: ${await log.breakdown(t)})`;
}

const searchFor = (page: Page, text: string) => async () => {
  const search = page.getByTestId('search');
  await search.fill(text);
  await search.press('Enter');
};

async function filterFigures(page: Page, log: ServerLog): Promise<void> {
  figure('filter: free text "python" → count on screen', await untilCount(page, log, searchFor(page, 'python')));
  figure('filter: cleared → count on screen', await untilCount(page, log, searchFor(page, '')));
  const failure = page.locator('.quick-filters button', { hasText: 'Failure' }).first();
  if (await failure.count()) {
    figure('filter: status Failure chip → count on screen', await untilCount(page, log, () => failure.click()));
    figure('filter: status chip off → count on screen', await untilCount(page, log, () => failure.click()));
  }
}

/**
 * The first search on a page that has just shown its count, in rounds, each on a freshly started
 * server (so no round finds the engine's caches warmed by the one before): the search waits for
 * whatever the page asked for when it opened.
 */
async function firstSearchRounds(browser: Browser, caseFile: string, rounds: number): Promise<void> {
  heading(`first search after the page shows its count, ${rounds} rounds on a fresh server each`);
  for (let round = 1; round <= rounds; round++) {
    const log = new ServerLog();
    const server = await startServer([caseFile], { SIGNINSCOPE_CACHE: log.dir });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    try {
      await page.goto(server.url);
      await page.getByTestId('matching').waitFor({ timeout: 120_000 });
      figure(`  round ${round} (load ${loadAverage()}): "python"`, await untilCount(page, log, searchFor(page, 'python')));
    } finally {
      await page.close();
      await server.stop();
      log.remove();
    }
  }
}

async function main(): Promise<void> {
  const rounds = Number(arg('rounds', '3'));
  const caseFile = path.resolve(arg('case', path.join(__dirname, 'out', 'case-1000000.signinscope')));
  // @ts-expect-error plain JS build script
  const { ensureRenderer } = await import('../scripts/build.mjs');
  await ensureRenderer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  if (arg('only', '') === 'search') {
    await firstSearchRounds(browser, caseFile, rounds);
    return void (await browser.close());
  }
  const log = new ServerLog();
  const server = await startServer([caseFile], { SIGNINSCOPE_CACHE: log.dir });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('websocket', (ws) => ws.on('framesent', (f) => void (String(f.payload).includes('"query.page"') && pageRequests++)));
    await page.goto(server.url);
    const matching = page.getByTestId('matching');
    await matching.waitFor({ timeout: 120_000 });
    const total = await page.getByTestId('total').textContent();
    heading(`SigninScope workbench in Chromium: ${total} sign-ins (${path.basename(caseFile)})`);

    if (arg('only', '') !== 'scroll') await filterFigures(page, log);

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
    log.remove();
  }
}

void main();
