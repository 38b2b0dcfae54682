// What a case derives from its sign-ins after every import: correlationId sessions and per-IP
// geolocation (and warm query caches). One function so the app, the CLI and the demo case all leave a case complete.
import type { ImportProgress } from '../../shared/model/import-summary';
import type { CaseDb } from '../db/case-db';
import { enrichCase } from '../geo/enrich';
import { warmTextSearch } from '../query/text-search';
import { buildSessions } from '../sessions/build-sessions';

export async function refreshDerivedData(caseDb: CaseDb, signal?: AbortSignal, onProgress?: (p: ImportProgress) => void): Promise<void> {
  const phase = (file: string) => (done: number, total: number) =>
    onProgress?.({ phase: 'indexing', file, fileIndex: 0, files: 1, bytesDone: done, bytesTotal: total, records: done, recordsPerSecond: 0, bytesPerSecond: 0 });
  await buildSessions(caseDb, signal, { onProgress: phase('sessions') });
  await enrichCase(caseDb, signal);
  warmTextSearch(caseDb); // else the first free-text search pays for building its cache
}
