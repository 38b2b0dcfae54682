// The import sequence, written once for the app (import.start), the CLI (`signin-scope import`) and
// the demo case: import the evidence files, record the import in the activity log, derive what a case
// derives from its sign-ins (per-IP geolocation, sessions, warm caches; skipped once cancelled), then
// report that the case changed so the app can mark it dirty (autosave) and refresh the UI.
import type { ImportSummary } from '../../shared/model/import-summary';
import { logActivity } from '../annotations/activity-log';
import { refreshDerivedData } from '../cases/derived-data';
import type { CaseDb } from '../db/case-db';
import { importFiles, type ImportOptions } from './pipeline';

export interface ImportSequenceOptions extends ImportOptions {
  /** Records the import in the case's activity log (the app does; the CLI and the demo case do not). */
  logActivity?: boolean;
  /** Also sends the derived data's progress (phase 'indexing') to onProgress (the CLI's line shows the import only). */
  derivedProgress?: boolean;
  /** Called once the case holds the new sign-ins and what derives from them (also after a cancel). */
  onCaseChanged?: () => void;
}

export async function importIntoCase(caseDb: CaseDb, paths: readonly string[], opts: ImportSequenceOptions = {}): Promise<ImportSummary> {
  const { logActivity: record = false, derivedProgress = true, onCaseChanged, ...importOptions } = opts;
  const summary = await importFiles(caseDb, paths, importOptions);
  if (record)
    logActivity(caseDb, 'import', {
      files: summary.files.map((f) => ({ path: f.path, sha256: f.sha256, format: f.format, imported: f.imported, status: f.status })),
      signins: summary.signins,
      ...(opts.filter ? { filter: opts.filter } : {}),
    });
  if (!summary.cancelled && !opts.signal?.aborted) await refreshDerivedData(caseDb, opts.signal, derivedProgress ? opts.onProgress : undefined);
  onCaseChanged?.();
  return summary;
}
