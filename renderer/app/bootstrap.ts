// Startup: pick the transport, load app and case info, route pushed events into the store.
import { api, connect } from '../api/client';
import { useStore } from '../store/store';
import { startSnapshotSync } from './snapshot-sync';

export async function bootstrap(): Promise<void> {
  const client = await connect();
  const store = useStore.getState();
  client.onClosed((reason) => useStore.getState().setConnectionLost(reason));
  client.on('case.changed', (info) => useStore.getState().setCase(info));
  client.on('job.progress', (p) => useStore.getState().setProgress(p));
  client.on('job.done', (done) => {
    const s = useStore.getState();
    s.finishJob(done);
    if (done.cancelled) s.notify('info', 'Import cancelled. Records read before the cancel are kept.');
    else if (!done.ok) s.notify('error', `Import failed: ${done.error ?? 'unknown error'}`);
    void refreshCase();
  });
  const [appInfo, caseInfo] = await Promise.all([api().call('app.info', {}), api().call('case.info', {})]);
  store.setAppInfo(appInfo);
  store.setCase(caseInfo);
  startSnapshotSync();
}

export async function refreshCase(): Promise<void> {
  try {
    useStore.getState().setCase(await api().call('case.info', {}));
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
