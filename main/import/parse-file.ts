// The parsing side of importing one evidence file: sniff the format, stream it once (hash, decode,
// split, normalize), hand batches over, and describe the outcome. Touches no database, so it can run
// in the parse worker.
import { BatchingOutput, type ParsedBatch } from './batch';
import { importCsv, UnusableFileError } from './csv-import';
import { openEvidence } from './evidence';
import { ImportCancelled, type FileCounters, type FileImportContext } from './file-context';
import { importJson } from './json-import';
import type { RecordParsePool } from './record-parse-pool';
import type { SigninEncoder } from './signin-encoder';
import { skippedMessage } from './normalize/record-category';
import { sniffFile } from './sniff';
import { TriageFilter } from './triage/triage-filter';
import type { ImportFilter } from '../../shared/model/import-filter';

export interface FileToParse {
  path: string;
  fileName: string;
  sourceId: number;
  /** Triage import: keep only the sign-ins that match (travels to the parse worker with the file). */
  filter?: ImportFilter | undefined;
}

export interface ParsedFile {
  format: string;
  encoding: string;
  compressed: boolean;
  sha256: string | null;
  /** Bytes of the file that were read and hashed (its size when the import began, unless it shrank). */
  bytesRead: number | null;
  status: 'ok' | 'unusable' | 'cancelled';
  counters: FileCounters;
}

export interface ParseHooks {
  deliver(batch: ParsedBatch): void | Promise<void>;
  progress(bytesRead: number, records: number): void;
  signal?: AbortSignal | undefined;
  /** Record-parse workers, when this runs in the parse worker of a large import. */
  recordPool?: RecordParsePool | undefined;
}

export async function parseEvidenceFile(file: FileToParse, encoder: SigninEncoder, hooks: ParseHooks): Promise<ParsedFile> {
  const out = new BatchingOutput(encoder, hooks.deliver);
  const counters: FileCounters = { records: 0, imported: 0, duplicates: 0, republished: 0, skipped: {} };
  const result: ParsedFile = { format: 'unknown', encoding: 'unknown', compressed: false, sha256: null, bytesRead: null, status: 'ok', counters };
  try {
    const sniffed = await sniffFile(file.path);
    result.encoding = sniffed.encoding;
    result.compressed = sniffed.compressed;
    if (sniffed.kind === 'unusable') throw new UnusableFileError(sniffed.reason);
    const evidence = await openEvidence(file.path, hooks.signal);
    const triage = file.filter ? new TriageFilter(file.filter) : undefined;
    if (triage) counters.triage = triage.counts;
    const ctx: FileImportContext = {
      sourceId: file.sourceId,
      fileName: file.fileName,
      evidence,
      out,
      counters,
      afterChunk: async () => {
        if (hooks.signal?.aborted) throw new ImportCancelled();
        await out.flush();
        hooks.progress(evidence.bytesRead(), counters.records);
      },
      triage,
      recordPool: hooks.recordPool,
    };
    try {
      result.format = sniffed.kind === 'json' ? await importJson(ctx, sniffed.linePrefix) : await importCsv(ctx, sniffed.headLine);
      result.sha256 = evidence.sha256();
      result.bytesRead = evidence.bytesRead();
      const bad = evidence.invalidText();
      if (bad.count) out.issue('warning', null, bad.firstOffset < 0 ? null : bad.firstOffset, invalidTextMessage(bad.count, bad.firstOffset, evidence.encoding, result.compressed));
      const changed = await evidence.changedDuringImport();
      if (changed) out.issue('error', null, null, `${changed}; the manifest's SHA-256 and size are of the bytes read`);
    } finally {
      evidence.close();
    }
  } catch (e) {
    if (e instanceof ImportCancelled || hooks.signal?.aborted) result.status = 'cancelled';
    else {
      result.status = 'unusable';
      out.issue('error', null, null, describeFileError(e));
    }
  }
  for (const [category, n] of Object.entries(counters.skipped).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) out.issue('warning', null, null, skippedMessage(category, n));
  await out.flush();
  if (result.status === 'ok' && counters.imported === 0 && counters.records > 0 && counters.duplicates === 0) result.status = 'unusable';
  if (result.compressed) result.format += '+gzip';
  return result;
}

function invalidTextMessage(count: number, firstOffset: number, encoding: string, compressed: boolean): string {
  const what = encoding.startsWith('utf-16') ? `unpaired UTF-16 surrogate${count === 1 ? '' : 's'}` : `invalid UTF-8 byte sequence${count === 1 ? '' : 's'}`;
  const decoded = compressed || encoding.startsWith('utf-16') ? ' of the decoded text' : '';
  return `${count.toLocaleString('en')} ${what} replaced by U+FFFD${firstOffset < 0 ? '' : ` (the first at byte offset ${firstOffset.toLocaleString('en')}${decoded})`}`;
}

function describeFileError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'file not found';
  if (err.code === 'EACCES') return 'permission denied (the file cannot be read)';
  if (err.code === 'EISDIR') return 'is a directory, not a file';
  if (err.code === 'Z_DATA_ERROR' || err.code === 'Z_BUF_ERROR') return `corrupt or truncated gzip data: ${err.message}`;
  return err.message ?? String(e);
}
