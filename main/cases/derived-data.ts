// What a case derives from its sign-ins after every import: correlationId sessions and per-IP
// geolocation (and warm query caches). One function so the app, the CLI and the demo case all leave a case complete.
import type { ImportProgress } from '../../shared/model/import-summary';
import type { CaseDb } from '../db/case-db';
import { enrichCase } from '../geo/enrich';
import { warmSortOrder } from '../query/row-order';
import { warmTextSearch } from '../query/text-search';
import { buildSessions } from '../sessions/build-sessions';

export async function refreshDerivedData(caseDb: CaseDb, signal?: AbortSignal, onProgress?: (p: ImportProgress) => void): Promise<void> {
  const phase = (file: string) => (done: number, total: number) =>
    onProgress?.({ phase: 'indexing', file, fileIndex: 0, files: 1, bytesDone: done, bytesTotal: total, records: done, recordsPerSecond: 0, bytesPerSecond: 0 });
  // enrichment first: sessions take the country and ASN of sign-ins without their own from ip_geo
  await enrichCase(caseDb, signal);
  await buildSessions(caseDb, signal, { onProgress: phase('sessions') });
  warmTextSearch(caseDb); // else the first free-text search pays for building its cache
  warmSortOrder(caseDb); // and the first sort by another column, its time tie-break
}
