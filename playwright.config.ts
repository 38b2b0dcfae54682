// End-to-end tests (`npm run test:e2e`, or `node test/e2e/run.mjs "<name filter>"`): browser mode in
// Debian's headless Chromium. One worker: each worker starts its own server and imports the evidence,
// and this machine has 2 cores. Traces and screenshots are kept for failed tests only.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e/specs',
  testMatch: '*.spec.ts',
  // test-results/ itself holds the specs' named screenshots (context.ts), which a run must not wipe.
  outputDir: 'test-results/playwright',
  globalSetup: './test/e2e/global-setup.ts',
  workers: 1,
  retries: 0,
  timeout: 300_000,
  reporter: [['list'], ['json', { outputFile: '.tmp/e2e-report.json' }] /* read by test/e2e/report-summary.mjs */],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    // DOM snapshots and sources, without the screencast (costly on a loaded 2-core machine).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    screenshot: 'only-on-failure',
  },
});
