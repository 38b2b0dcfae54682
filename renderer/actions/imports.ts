// Getting evidence in: importing files main may read, rebuilding sessions, and copying files dropped
// on the page (browser mode) into the output folder.
import type { Res } from '../../shared/api/contract';
import { DROP_CHUNK_BYTES } from '../../shared/model/dropped-file';
import { api } from '../api/client';
import { useStore } from '../store/store';
import { attempt } from './attempt';
import { followJob } from './jobs';
import type { ImportFilter } from '../../shared/model/import-filter';

/** Starts an import; says so when the evidence went into a new case because the demo was open (evidence never merges into the demo). */
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
  void followJob('import', res.jobId);
  return true;
}

export async function rebuildSessions(): Promise<void> {
  const { jobId } = await api().call('sessions.rebuild', {});
  void followJob('sessions', jobId);
}

/** Sends a dropped file's bytes to main in chunks; main writes a read-only copy into the output folder. */
export async function copyDroppedFile(file: File, onBytes: (done: number) => void): Promise<Res<'drop.finish'>> {
  const { id } = await api().call('drop.begin', { name: file.name, size: file.size, lastModified: file.lastModified });
  try {
    for (let offset = 0; offset < file.size; offset += DROP_CHUNK_BYTES) {
      const bytes = new Uint8Array(await file.slice(offset, offset + DROP_CHUNK_BYTES).arrayBuffer());
      await api().call('drop.chunk', { id, offset, data: toBase64(bytes) });
      onBytes(Math.min(file.size, offset + bytes.length));
    }
    return await api().call('drop.finish', { id });
  } catch (e) {
    await api()
      .call('drop.abort', { id })
      .catch(() => undefined);
    throw e;
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
