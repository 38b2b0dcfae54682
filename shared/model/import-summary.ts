// What an import reports: per file (the evidence manifest entry) and overall, plus live progress.

export const IMPORTER_VERSION = '0.1.0';

export interface ImportIssueView {
  file: string;
  recordIndex: number | null;
  byteOffset: number | null;
  severity: 'error' | 'warning';
  message: string;
}

export interface FileImportSummary {
  sourceId: number;
  path: string;
  fileName: string;
  format: string;
  encoding: string;
  sha256: string | null;
  status: 'ok' | 'unusable' | 'cancelled';
  records: number;
  imported: number;
  duplicates: number;
  republished: number;
  /** Records kept out of `signins` because they are not sign-ins, by category (AuditLogs: 12). */
  skipped: Record<string, number>;
  /** Triage import only: records the filter kept and skipped (on their bytes or after normalizing). */
  triage?: { kept: number; skipped: number };
  errors: number;
  warnings: number;
  firstIssues: ImportIssueView[];
}

export interface ImportSummary {
  files: FileImportSummary[];
  signins: number; // rows in the case after the import
  cancelled: boolean;
  seconds: number;
}

export interface ImportProgress {
  /** reading → indexing (importFiles), then enriching → sessions → search-cache (refreshDerivedData). */
  phase: 'reading' | 'indexing' | 'enriching' | 'sessions' | 'search-cache';
  file: string;
  fileIndex: number;
  files: number;
  bytesDone: number;
  bytesTotal: number;
  records: number;
  recordsPerSecond: number;
  bytesPerSecond: number;
}

/** Progress of a phase after reading, counted in steps (`bytesDone` of `bytesTotal`: indexes built, sessions folded). */
export function stepProgress(phase: ImportProgress['phase'], done: number, total: number, records: number): ImportProgress {
  return { phase, file: phase, fileIndex: 0, files: 1, bytesDone: done, bytesTotal: total, records, recordsPerSecond: 0, bytesPerSecond: 0 };
}
