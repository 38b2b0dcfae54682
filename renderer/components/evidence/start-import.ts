// Starts an import of files main may read, and says so when the evidence went into a new case
// because the demo was open (evidence never merges into the demo).
import { api } from '../../api/client';
import { attempt } from '../../app/bootstrap';
import { useStore } from '../../store/store';
import type { ImportFilter } from '../../../shared/model/import-filter';

/** `filter`: a triage import, keeping only the matching sign-ins. */
export async function startImport(paths: string[], filter?: ImportFilter): Promise<boolean> {
  const s = useStore.getState();
  const demoTitle = s.caseInfo?.title;
  const res = await attempt(() => api().call('import.start', filter ? { paths, filter } : { paths }));
  if (!res) return false;
  if (res.newCase) {
    s.clearFilters();
    s.notify('info', `Your evidence is imported into a new untitled case; "${demoTitle ?? 'the demo case'}" is left as it was (Open… ▸ Open demo case).`);
  }
  s.startJob(res.jobId);
  return true;
}
