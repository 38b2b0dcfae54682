// Lets a spec run on its own (`node test/e2e/run.mjs "<name>"`) or after specs that leave a small or
// empty case open: when the case holds fewer sign-ins than the generated evidence, a new case is
// made from the evidence folder through the backend and the page is reloaded on it.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { e2e } from './context';

/** Fewer than this means the open case is not the one the suite imported (about 18,000 sign-ins). */
const FULL_CASE = 10_000;

export async function ensureCaseWithSignins(): Promise<void> {
  const { page, backend, evidenceDir } = e2e();
  let reload = !(await page.$('.grid-row'));
  if ((await backend.call('case.info', {})).signins < FULL_CASE) {
    await backend.call('case.new', {});
    const paths = readdirSync(evidenceDir)
      .map((f) => path.join(evidenceDir, f))
      .filter((p) => statSync(p).isFile());
    const { jobId } = await backend.call('import.start', { paths });
    for (let i = 0; i < 600 && !backend.events.some((ev) => ev.event === 'job.done' && (ev.payload as { jobId: string }).jobId === jobId); i++) await page.waitForTimeout(500);
    reload = true;
  }
  if (reload) await reopenPage();
  await page.waitForSelector('.grid-row:not(.loading)', { timeout: 60_000 });
}

/** Loads the app again: a reload where the page already runs it (its token is kept in the tab), else the session link. */
export async function reopenPage(): Promise<void> {
  const { page, server } = e2e();
  // Going to the link from the same page would be a fragment-only navigation, not a reload.
  if (new URL(page.url()).origin === new URL(server.url).origin) await page.reload();
  else await page.goto(server.url);
}
