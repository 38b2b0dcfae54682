// Lets a spec run on its own (`node test/e2e/run.mjs "<name>"`): when the import spec has not run,
// the evidence folder is imported through the backend and the page reloaded on the filled case.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { e2e } from './context';

export async function ensureCaseWithSignins(): Promise<void> {
  const { page, backend, server, evidenceDir } = e2e();
  if ((await backend.call('case.info', {})).signins === 0) {
    const paths = readdirSync(evidenceDir).map((f) => path.join(evidenceDir, f));
    const { jobId } = await backend.call('import.start', { paths });
    for (let i = 0; i < 600 && !backend.events.some((ev) => ev.event === 'job.done' && (ev.payload as { jobId: string }).jobId === jobId); i++) await page.waitForTimeout(500);
  }
  if (!(await page.$('.grid-row'))) await page.goto(server.url);
  await page.waitForSelector('.grid-row:not(.loading)', { timeout: 60_000 });
}
