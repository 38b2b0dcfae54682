// Startup: pick the transport, load app and case info, route pushed events into the store.
import type { ImportSummary } from '../../shared/model/import-summary';
import type { CaseInfo } from '../../shared/api/contract';
import { api, connect, onQueryTimeout } from '../api/client';
import { formatCount } from '../format/numbers';
import { useStore } from '../store/store';
import { startSnapshotSync } from './snapshot-sync';

export async function bootstrap(): Promise<void> {
  const client = await connect();
  const store = useStore.getState();
  client.onClosed((reason) => useStore.getState().setConnectionLost(reason));
  client.on('case.changed', (info) => showCase(info));
  onQueryTimeout((err) => {
    const s = useStore.getState();
    if (!s.notices.some((n) => n.text === err.message)) s.notify('error', err.message);
  });
  // Only imports drive the import progress bar; detections, exports and the rest show their own.
  client.on('job.progress', (p) => p.kind === 'import' && useStore.getState().setProgress(p));
  client.on('job.done', (done) => {
    if (done.kind === 'restore' && !done.ok) useStore.getState().notify('error', done.error ?? 'the case could not be reopened');
    if (done.kind !== 'import') return void refreshCase(); // annotate/export jobs change the dirty flag
    const s = useStore.getState();
    s.finishJob(done);
    if (done.cancelled) s.notify('info', 'Import cancelled. Records read before the cancel are kept.');
    else if (!done.ok) s.notify('error', `Import failed: ${done.error ?? 'unknown error'}`);
    else if (done.kind === 'import') s.notify('info', describeImport(done.summary));
    void refreshCase();
  });
  const [appInfo, caseInfo] = await Promise.all([api().call('app.info', {}), api().call('case.info', {})]);
  store.setAppInfo(appInfo);
  showCase(caseInfo);
  startSnapshotSync();
}

let shownNotices = '';

/** Sets the case and tells once what opening it changed (foreign views dropped, a capped title). */
function showCase(info: CaseInfo): void {
  useStore.getState().setCase(info);
  const key = JSON.stringify([info.path, info.notices ?? []]);
  if (!info.notices?.length || key === shownNotices) return;
  shownNotices = key;
  const more = info.notices.length > 3 ? ` (and ${info.notices.length - 3} more)` : '';
  useStore.getState().notify('info', `Case file: ${info.notices.slice(0, 3).join('; ')}${more}.`);
}

export async function refreshCase(): Promise<void> {
  try {
    showCase(await api().call('case.info', {}));
  } catch (err) {
    useStore.getState().notify('error', (err as Error).message);
  }
}

/** Runs a user action, turning any failure into a visible notice instead of an unhandled rejection. */
export async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (err) {
    useStore.getState().notify('error', (err as Error).message);
    return undefined;
  }
}

function describeImport(summary: ImportSummary | null): string {
  if (!summary?.files) return 'Import finished.';
  const sum = (key: 'records' | 'duplicates' | 'errors') => summary.files.reduce((a, f) => a + f[key], 0);
  const skipped = new Map<string, number>();
  for (const f of summary.files) for (const [category, n] of Object.entries(f.skipped ?? {})) skipped.set(category, (skipped.get(category) ?? 0) + n);
  const notSignins = skipped.size ? ` Not sign-ins, skipped: ${[...skipped].map(([category, n]) => `${formatCount(n)} ${category}`).join(', ')}.` : '';
  return `Import finished in ${summary.seconds.toFixed(1)} s: ${summary.files.length} file(s), ${formatCount(sum('records'))} records, ${formatCount(sum('duplicates'))} duplicates, ${formatCount(sum('errors'))} errors.${notSignins} The case holds ${formatCount(summary.signins)} sign-ins.`;
}
