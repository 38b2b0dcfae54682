// Imports evidence files into a case: one pass per file (hash + decode + split + normalize + write),
// progress after every chunk, cancellation between chunks, indexes built once at the end.
import path from 'node:path';
import { IMPORTER_VERSION } from '../../shared/model/import-summary';
import type { FileImportSummary, ImportProgress, ImportSummary } from '../../shared/model/import-summary';
import type { CaseDb } from '../db/case-db';
import { openEvidence } from './evidence';
import { importCsv, UnusableFileError } from './csv-import';
import { ImportCancelled, type FileCounters, type FileImportContext } from './file-context';
import { IssueLog } from './import-issues';
import { importJson } from './json-import';
import { SigninWriter } from './signin-writer';
import { sniffFile } from './sniff';
import { statSync } from 'node:fs';

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Minimum milliseconds between progress callbacks. */
  progressEveryMs?: number;
}

export async function importFiles(caseDb: CaseDb, paths: readonly string[], opts: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const sizes = paths.map((p) => safeSize(p));
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  let bytesBefore = 0;
  let recordsBefore = 0;
  let lastReport = 0;
  const files: FileImportSummary[] = [];
  const writer = new SigninWriter(caseDb);
  let cancelled = false;
  try {
    for (const [fileIndex, filePath] of paths.entries()) {
      const report = (bytesInFile: number, records: number, force = false) => {
        const now = Date.now();
        if (!opts.onProgress || (!force && now - lastReport < (opts.progressEveryMs ?? 100))) return;
        lastReport = now;
        const seconds = Math.max(0.001, (now - started) / 1000);
        const bytesDone = bytesBefore + bytesInFile;
        opts.onProgress({ phase: 'reading', file: path.basename(filePath), fileIndex, files: paths.length, bytesDone, bytesTotal, records: recordsBefore + records, recordsPerSecond: (recordsBefore + records) / seconds, bytesPerSecond: bytesDone / seconds });
      };
      const summary = await importOneFile(caseDb, writer, filePath, opts.signal, report);
      files.push(summary);
      bytesBefore += sizes[fileIndex]!;
      recordsBefore += summary.records;
      if (summary.status === 'cancelled') {
        cancelled = true;
        break;
      }
    }
  } finally {
    writer.finish();
  }
  opts.onProgress?.({ phase: 'indexing', file: '', fileIndex: paths.length, files: paths.length, bytesDone: bytesBefore, bytesTotal, records: recordsBefore, recordsPerSecond: 0, bytesPerSecond: 0 });
  caseDb.buildIndexes();
  const signins = Number(caseDb.scalar('SELECT count(*) FROM signin_data'));
  return { files, signins, cancelled, seconds: (Date.now() - started) / 1000 };
}

async function importOneFile(
  caseDb: CaseDb,
  writer: SigninWriter,
  filePath: string,
  signal: AbortSignal | undefined,
  report: (bytes: number, records: number, force?: boolean) => void,
): Promise<FileImportSummary> {
  const fileName = path.basename(filePath);
  const absolute = path.resolve(filePath);
  caseDb.db.run("INSERT INTO sources (path, file_name, size, importer_version, imported_at, status) VALUES (?, ?, ?, ?, ?, 'importing')", [absolute, fileName, safeSize(filePath), IMPORTER_VERSION, new Date().toISOString()]);
  const sourceId = Number(caseDb.scalar('SELECT last_insert_rowid()'));
  const issues = new IssueLog(caseDb, sourceId, fileName);
  const counters: FileCounters = { records: 0, imported: 0, duplicates: 0, republished: 0 };
  let format = 'unknown';
  let status: FileImportSummary['status'] = 'ok';
  let sha256: string | null = null;
  let encoding = 'unknown';
  let compressed = false;
  try {
    const sniffed = await sniffFile(absolute);
    encoding = sniffed.encoding;
    compressed = sniffed.compressed;
    if (sniffed.kind === 'unusable') throw new UnusableFileError(sniffed.reason);
    const evidence = await openEvidence(absolute, signal);
    const ctx: FileImportContext = {
      sourceId,
      fileName,
      evidence,
      writer,
      issues,
      counters,
      signal,
      afterChunk: () => {
        if (signal?.aborted) throw new ImportCancelled();
        report(evidence.bytesRead(), counters.records);
      },
    };
    try {
      format = sniffed.kind === 'json' ? await importJson(ctx) : await importCsv(ctx, caseDb, sniffed.headLine);
      sha256 = evidence.sha256();
    } finally {
      evidence.close();
    }
    writer.commit();
    if (counters.imported === 0 && issues.errors > 0) status = 'unusable';
  } catch (e) {
    if (e instanceof ImportCancelled || signal?.aborted) status = 'cancelled';
    else {
      status = 'unusable';
      issues.add('error', null, null, describeFileError(e));
    }
  }
  issues.close();
  if (compressed) format += '+gzip';
  caseDb.db.run(
    'UPDATE sources SET sha256 = ?, format = ?, encoding = ?, compressed = ?, records = ?, imported = ?, duplicates = ?, republished = ?, errors = ?, warnings = ?, status = ? WHERE id = ?',
    [sha256, format, encoding, compressed ? 1 : 0, counters.records, counters.imported, counters.duplicates, counters.republished, issues.errors, issues.warnings, status, sourceId],
  );
  report(safeSize(filePath), counters.records, true);
  return { sourceId, path: absolute, fileName, format, encoding, sha256, status, ...counters, errors: issues.errors, warnings: issues.warnings, firstIssues: issues.first };
}

function describeFileError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'file not found';
  if (err.code === 'EACCES') return 'permission denied (the file cannot be read)';
  if (err.code === 'EISDIR') return 'is a directory, not a file';
  if (err.code === 'Z_DATA_ERROR' || err.code === 'Z_BUF_ERROR') return `corrupt or truncated gzip data: ${err.message}`;
  return err.message ?? String(e);
}

function safeSize(p: string): number {
  try {
    return statSync(p).size;
  } catch {
    return 0;
  }
}
