// Brings the shared case to what a spec needs, whatever ran before it: the full generated evidence
// imported (about 18,000 sign-ins) or an empty case. Used by the `caseNeeds` fixture (fixtures.ts)
// and by specs that open other cases mid-file.
import { e2e } from './context';

/** Fewer than this means the open case is not the full evidence (a crafted or hand-picked case). */
const FULL_CASE = 10_000;

/** Imports files into the open case through the backend and waits until the job is done. */
export async function importThroughBackend(paths: string[]): Promise<void> {
  const { backend, page } = e2e();
  const { jobId } = await backend.call('import.start', { paths });
  const done = () => backend.events.some((ev) => ev.event === 'job.done' && (ev.payload as { jobId: string }).jobId === jobId);
  for (let i = 0; i < 600 && !done(); i++) await page.waitForTimeout(500);
  if (!done()) throw new Error(`import of ${paths.length} files did not finish`);
}

/** True when the open case holds the full generated evidence. */
export async function hasFullCase(): Promise<boolean> {
  return (await e2e().backend.call('case.info', {})).signins >= FULL_CASE;
}

/** A new case made from the generated evidence when the open one is not it (the page still shows the old one). */
export async function ensureFullCaseInBackend(): Promise<boolean> {
  if (await hasFullCase()) return false;
  await e2e().backend.call('case.new', {});
  await importThroughBackend(e2e().evidenceFiles);
  return true;
}

/** The full case open in the page, with grid rows loaded. */
export async function ensureCaseWithSignins(): Promise<void> {
  const { page, server } = e2e();
  const onApp = page.url().startsWith(server.origin);
  const imported = await ensureFullCaseInBackend();
  if (!onApp || imported || !(await page.$('.grid-row'))) await reopenPage();
  await page.waitForSelector('.grid-row:not(.loading)', { timeout: 60_000 });
}

/** An empty case in the backend and a blank page, so the spec's first load of the app is a real one. */
export async function ensureEmptyCase(): Promise<void> {
  const { backend, page } = e2e();
  if ((await backend.call('case.info', {})).signins > 0) await backend.call('case.new', {});
  await page.goto('about:blank');
}

/** Loads the app again: a reload where the page already runs it (its token is kept in the tab), else the session link. */
export async function reopenPage(): Promise<void> {
  const { page, server } = e2e();
  // Going to the link from the same page would be a fragment-only navigation, not a reload.
  if (new URL(page.url()).origin === new URL(server.url).origin) await page.reload();
  else await page.goto(server.url);
}
