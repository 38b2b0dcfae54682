// The specs' `test`: Playwright's, with one world per worker (world.ts) and a case prepared for each
// spec file. A file says what it needs with `test.use({ caseNeeds })`:
//   'full'  (default) the full generated evidence open in the page, on the Sign-ins view without filters;
//   'empty' an empty case in the backend (the spec loads the page itself);
//   'none'  the world only (the spec starts its own servers or opens its own cases).
// Tests of one file still run in order and may build on each other; files never depend on one another.
import { test as base } from '@playwright/test';
import { ensureCaseWithSignins, ensureEmptyCase, hasFullCase } from './case-ready';
import { setE2E, type E2E } from './context';
import { unfilteredGrid } from './ui';
import { DEFAULT_VIEWPORT, startWorld } from './world';

export type CaseNeeds = 'none' | 'empty' | 'full';

interface TestFixtures {
  caseNeeds: CaseNeeds;
  preparedCase: void;
}
interface WorkerFixtures {
  world: E2E;
}

/** The spec file the shared page was last prepared for (one worker runs one file at a time). */
let preparedFile: string | null = null;

async function prepare(world: E2E, needs: CaseNeeds, file: string): Promise<void> {
  const newFile = file !== preparedFile;
  preparedFile = file;
  if (needs === 'empty') return ensureEmptyCase();
  if (needs !== 'full' || (!newFile && (await hasFullCase()))) return;
  // A spec left a dialog open or another window size: start from what a user sees first.
  await world.page.keyboard.press('Escape').catch(() => undefined);
  if (world.page.viewportSize()?.width !== DEFAULT_VIEWPORT.width) await world.page.setViewportSize(DEFAULT_VIEWPORT);
  await ensureCaseWithSignins();
  await unfilteredGrid();
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  world: [
    async ({ browser }, use) => {
      const { world, close } = await startWorld(browser);
      setE2E(world);
      await use(world);
      await close();
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  caseNeeds: ['full', { option: true }],
  preparedCase: [
    async ({ world, caseNeeds }, use, testInfo) => {
      await prepare(world, caseNeeds, testInfo.file);
      await use();
    },
    { auto: true },
  ],
});
