// What the per-format importers share while one evidence file is read.
import type { EvidenceStream } from './evidence';
import type { IssueLog } from './import-issues';
import type { NormalizedSignin } from './normalize/signin-record';
import type { RawLocation, SigninWriter } from './signin-writer';

export interface FileCounters {
  records: number; // records found in the file (good or bad)
  imported: number;
  duplicates: number;
  republished: number;
}

export interface FileImportContext {
  sourceId: number;
  fileName: string;
  evidence: EvidenceStream;
  writer: SigninWriter;
  issues: IssueLog;
  counters: FileCounters;
  signal: AbortSignal | undefined;
  /** Called after every chunk: progress reporting and cancellation. */
  afterChunk(): void;
}

export function writeSignin(ctx: FileImportContext, signin: NormalizedSignin, raw: RawLocation): void {
  const verdict = ctx.writer.write(signin, raw);
  if (verdict === 'duplicate') ctx.counters.duplicates++;
  else {
    ctx.counters.imported++;
    if (verdict === 'republished') ctx.counters.republished++;
  }
  if (signin.values.created_at === null) {
    ctx.issues.add('warning', raw.recordIndex, raw.offset, 'no readable sign-in time (createdDateTime and time missing or unreadable); imported without a time');
  }
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
  }
}
