// What a case derives from its sign-ins after every import: correlationId sessions and per-IP
// geolocation (and warm query caches). One function so the app, the CLI and the demo case all leave a case complete.
import { stepProgress, type ImportProgress } from '../../shared/model/import-summary';
import type { CaseDb } from '../db/case-db';
import { enrichCase } from '../geo/enrich';
import { warmQueryCaches } from '../query/warm-caches';
import { buildSessions } from '../sessions/build-sessions';

export async function refreshDerivedData(caseDb: CaseDb, signal?: AbortSignal, onProgress?: (p: ImportProgress) => void): Promise<void> {
  const report = (phase: ImportProgress['phase'], done = 0, total = 0) => onProgress?.(stepProgress(phase, done, total, done));
  // enrichment first: sessions take the country and ASN of sign-ins without their own from ip_geo
  report('enriching');
  await enrichCase(caseDb, signal);
  report('sessions');
  await buildSessions(caseDb, signal, { onProgress: (done, total) => report('sessions', done, total) });
  signal?.throwIfAborted();
  report('search-cache');
  warmQueryCaches(caseDb, signal); // else the first search, sort or chart pays for building them
}
