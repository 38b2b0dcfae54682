// Imports evidence files into a case: one pass per file (hash + decode + split + normalize + encode)
// on the parse side, inserts on the database side, progress after every chunk, cancellation between
// chunks, indexes built once at the end. Large imports parse in a worker, which fans JSON records
// out to record-parse workers, so both cores work.
import { statSync } from 'node:fs';
import path from 'node:path';
import { IMPORTER_VERSION, stepProgress, type FileImportSummary, type ImportProgress, type ImportSummary } from '../../shared/model/import-summary';
import type { CaseDb } from '../db/case-db';
import { NUM } from '../db/row-spec';
import type { BatchSink } from './batch';
import { countVersions } from './content-hash-upgrade';
import { IssueLog } from './import-issues';
import { InlineParser, WorkerParser, type FileParser } from './parsers';
import { RecordParsePool } from './record-parse-pool';
import { RowInserter } from './row-inserter';
import { activeFilter, type ImportFilter } from '../../shared/model/import-filter';
import { recordSourceFilter } from './triage/triage-manifest';

export interface ImportOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((p: ImportProgress) => void) | undefined;
  /** Minimum milliseconds between progress callbacks. */
  progressEveryMs?: number;
  /** 'auto' parses in a worker when the files add up to more than 32 MB. */
  parser?: 'auto' | 'inline' | 'worker';
  /** Triage import: keep only the sign-ins that match; the manifest records the filter and its counts. */
  filter?: ImportFilter | undefined;
  /** Record-parse workers under the parse worker; default one per core. */
  recordParsers?: number | undefined;
  /** Records per batch sent to a record-parse worker, at most (small in tests, to exercise the ordering). */
  recordBatch?: number | undefined;
  /**
   * When a new case's indexes are built: after the last row (default) or while rows arrive. Upkeep
   * during the import costs about twice the CPU of a build afterwards while both cores parse, and leaves
   * the indexes about 1.5× larger (docs/performance.md).
   */
  indexes?: 'during' | 'after' | undefined;
}

const WORKER_THRESHOLD = 32 * 1024 * 1024;

export async function importFiles(caseDb: CaseDb, paths: readonly string[], opts: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const sizes = paths.map((p) => safeSize(p));
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  if (opts.indexes === 'during') caseDb.buildIndexes(); // no-op past the first import: its indexes exist
  const inserter = new RowInserter(caseDb);
  const mode = opts.parser ?? 'auto';
  const parser: FileParser =
    mode === 'worker' || (mode === 'auto' && bytesTotal > WORKER_THRESHOLD)
      ? WorkerParser.start(inserter.seed(), opts.recordParsers ?? RecordParsePool.sized(), opts.recordBatch)
      : new InlineParser(inserter.seed());
  const progress = progressReporter(opts, started, paths.length, bytesTotal);
  const files: FileImportSummary[] = [];
  try {
    for (const [fileIndex, filePath] of paths.entries()) {
      const summary = await importOneFile(caseDb, inserter, parser, filePath, activeFilter(opts.filter), opts.signal, (bytes, records) => progress.file(fileIndex, filePath, bytes, records));
      files.push(summary);
      progress.fileDone(sizes[fileIndex]!, summary.records);
      if (summary.status === 'cancelled') break;
    }
  } finally {
    inserter.finish();
    await parser.close();
  }
  caseDb.buildIndexes(progress.indexing);
  if (files.some((f) => f.republished > 0)) countVersions(caseDb);
  const signins = caseDb.value('SELECT count(*) FROM signin_data', [], NUM) ?? 0;
  return { files, signins, cancelled: files.some((f) => f.status === 'cancelled'), seconds: (Date.now() - started) / 1000 };
}

async function importOneFile(
  caseDb: CaseDb,
  inserter: RowInserter,
  parser: FileParser,
  filePath: string,
  filter: ImportFilter | undefined,
  signal: AbortSignal | undefined,
  progress: (bytes: number, records: number) => void,
): Promise<FileImportSummary> {
  const fileName = path.basename(filePath);
  const absolute = path.resolve(filePath);
  caseDb.run("INSERT INTO sources (path, file_name, size, importer_version, imported_at, status) VALUES (?, ?, ?, ?, ?, 'importing')", [
    absolute,
    fileName,
    safeSize(filePath),
    IMPORTER_VERSION,
    new Date().toISOString(),
  ]);
  const sourceId = caseDb.lastInsertId();
  const issues = new IssueLog(caseDb, sourceId, fileName);
  const sink: BatchSink = {
    insert: (strings, rows) => inserter.insert(strings, rows),
    insertAuthSteps: (steps) => inserter.insertAuthSteps(steps),
    issue: (severity, index, offset, message) => issues.add(severity, index, offset, message),
  };
  const r = await parser.parse({ path: absolute, fileName, sourceId, filter }, sink, progress, signal);
  inserter.commit();
  issues.close();
  const c = r.counters;
  caseDb.run(
    'UPDATE sources SET size = coalesce(?, size), sha256 = ?, format = ?, encoding = ?, compressed = ?, records = ?, imported = ?, duplicates = ?, republished = ?, errors = ?, warnings = ?, status = ? WHERE id = ?',
    [r.bytesRead, r.sha256, r.format, r.encoding, r.compressed ? 1 : 0, c.records, c.imported, c.duplicates, c.republished, issues.errors, issues.warnings, r.status, sourceId],
  );
  if (filter) recordSourceFilter(caseDb, sourceId, filter, c.records, c.triage?.kept ?? 0, c.triage?.skipped ?? 0);
  return {
    sourceId,
    path: absolute,
    fileName,
    format: r.format,
    encoding: r.encoding,
    sha256: r.sha256,
    status: r.status,
    ...c,
    errors: issues.errors,
    warnings: issues.warnings,
    firstIssues: issues.first,
  };
}

function progressReporter(opts: ImportOptions, started: number, files: number, bytesTotal: number) {
  let bytesBefore = 0;
  let recordsBefore = 0;
  let last = 0;
  const emit = (p: Omit<ImportProgress, 'recordsPerSecond' | 'bytesPerSecond' | 'files' | 'bytesTotal'>, force: boolean) => {
    const now = Date.now();
    if (!opts.onProgress || (!force && now - last < (opts.progressEveryMs ?? 100))) return;
    last = now;
    const seconds = Math.max(0.001, (now - started) / 1000);
    opts.onProgress({ ...p, files, bytesTotal, recordsPerSecond: p.records / seconds, bytesPerSecond: p.bytesDone / seconds });
  };
  return {
    file: (fileIndex: number, filePath: string, bytes: number, records: number) =>
      emit({ phase: 'reading', file: path.basename(filePath), fileIndex, bytesDone: bytesBefore + bytes, records: recordsBefore + records }, false),
    fileDone: (size: number, records: number) => {
      bytesBefore += size;
      recordsBefore += records;
    },
    indexing: (done: number, total: number) => opts.onProgress?.(stepProgress('indexing', done, total, recordsBefore)),
  };
}

function safeSize(p: string): number {
  try {
    return statSync(p).size;
  } catch {
    return 0;
  }
}
