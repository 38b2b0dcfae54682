// The workbench on a large case, measured in Chromium through browser mode: time from a filter change
// to the new count on screen, frame times while scrolling the grid from top to bottom, and the
// timeline's redraw after a filter. Prints figures only. Needs /usr/bin/chromium and a saved case:
//   npx tsx bench/ui-bench.ts [--case bench/out/case-1000000.signinscope]
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../test/e2e/server-process';
import { arg, figure, heading } from './report';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function main(): Promise<void> {
  const caseFile = path.resolve(arg('case', path.join(__dirname, 'out', 'case-1000000.signinscope')));
  // @ts-expect-error plain JS build script
  const { ensureRenderer } = await import('../scripts/build.mjs');
  await ensureRenderer();
  const server = await startServer([caseFile]);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(server.url);
    const matching = page.getByTestId('matching');
    await matching.waitFor({ timeout: 120_000 });
    const total = await page.getByTestId('total').textContent();
    heading(`SigninScope workbench in Chromium: ${total} sign-ins (${path.basename(caseFile)})`);

    const untilCount = async (change: () => Promise<void>) => {
      const before = await matching.textContent();
      const t = Date.now();
      await change();
      await page.waitForFunction((b) => document.querySelector('[data-testid="matching"]')?.textContent !== b, before, { timeout: 60_000 });
      return Date.now() - t;
    };
    const search = page.getByTestId('search');
    figure(
      'filter: free text "python" → count on screen',
      `${await untilCount(async () => {
        await search.fill('python');
        await search.press('Enter');
      })} ms`,
    );
    figure(
      'filter: cleared → count on screen',
      `${await untilCount(async () => {
        await search.fill('');
        await search.press('Enter');
      })} ms`,
    );
    const failure = page.locator('.quick-filters button', { hasText: 'Failure' }).first();
    if (await failure.count()) {
      figure('filter: status Failure chip → count on screen', `${await untilCount(() => failure.click())} ms`);
      figure('filter: status chip off → count on screen', `${await untilCount(() => failure.click())} ms`);
    }

    // Frame times while scrolling, one scroll step per animation frame: a wheel-like glide (60 px a
    // frame) and a drag of the scrollbar from top to bottom (every frame lands on unfetched rows).
    const scroll = (mode: 'glide' | 'jump') =>
      page.evaluate(async (m) => {
        const el = document.querySelector('[data-testid="grid-body"]') as HTMLElement;
        el.scrollTop = 0;
        await new Promise((r) => setTimeout(r, 300));
        const times: number[] = [];
        let last = performance.now();
        const steps = 150;
        for (let i = 1; i <= steps; i++) {
          el.scrollTop = m === 'glide' ? i * 60 : ((el.scrollHeight - el.clientHeight) * i) / steps;
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          const now = performance.now();
          times.push(now - last);
          last = now;
        }
        return times.sort((a, b) => a - b);
      }, mode);
    const idle = await page.evaluate(async () => {
      const times: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 60; i++) {
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times.sort((a, b) => a - b);
    });
    const describe = (t: number[]) =>
      `p50 ${t[Math.floor(t.length / 2)]!.toFixed(1)} / p95 ${t[Math.floor(t.length * 0.95)]!.toFixed(1)} / max ${t[t.length - 1]!.toFixed(1)} ms, ${t.filter((f) => f > 17.5).length} of ${t.length} frames over 17.5 ms`;
    figure('frame times, page idle (headless baseline)', describe(idle));
    figure('grid scroll, wheel-like glide (60 px a frame)', describe(await scroll('glide')));
    figure('grid scroll, scrollbar drag top → bottom', describe(await scroll('jump')));
    const rowsShown = await page.locator('[data-testid="grid-body"] [role="row"]').count();
    figure('  rows in the DOM at the bottom', String(rowsShown));
  } finally {
    await browser.close();
    await server.stop();
  }
}

void main();
