// Startup: pick the transport, load app and case info, route pushed events into the store.
import { connect, onQueryTimeout } from '../api/client';
import { caseChanged } from '../actions/case-changes';
import { loadStartup } from '../actions/case';
import { trackJobs } from '../actions/jobs';
import { useStore } from '../store/store';
import { startSnapshotSync } from './snapshot-sync';

export async function bootstrap(): Promise<void> {
  const client = await connect();
  client.onClosed((reason) => useStore.getState().setConnectionLost(reason));
  client.on('case.changed', ({ what, ...info }) => caseChanged(info, what));
  onQueryTimeout((err) => {
    const s = useStore.getState();
    if (!s.notices.some((n) => n.text === err.message)) s.notify('error', err.message);
  });
  trackJobs(client);
  await loadStartup();
  startSnapshotSync();
}
