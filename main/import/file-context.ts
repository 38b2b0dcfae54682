// What the per-format importers share while one evidence file is read.
import type { DedupeVerdict } from './dedupe';
import type { EvidenceStream } from './evidence';
import type { Severity } from './import-issues';
import type { NormalizedSignin } from './normalize/signin-record';
import type { AuthStepRow } from './row-inserter';
import type { RawLocation } from './signin-encoder';

export interface FileCounters {
  records: number; // records found in the file (good or bad)
  imported: number;
  duplicates: number;
  republished: number;
  /** Records that are not sign-ins (AuditLogs, UserRiskEvents...), by category: kept out of `signins`. */
  skipped: Record<string, number>;
}

/** Where parsed records go (encoded and batched for the database side). */
export interface ImportOutput {
  signin(signin: NormalizedSignin, raw: RawLocation): DedupeVerdict;
  /** False when the same step of the same request is already in the case (an overlapping companion file). */
  authStep(step: AuthStepRow): boolean;
  issue(severity: Severity, recordIndex: number | null, byteOffset: number | null, message: string): void;
}

export interface FileImportContext {
  sourceId: number;
  fileName: string;
  evidence: EvidenceStream;
  out: ImportOutput;
  counters: FileCounters;
  /** Called after every chunk: hands over a batch, reports progress, honours cancellation. */
  afterChunk(): Promise<void>;
}

export function writeSignin(ctx: FileImportContext, signin: NormalizedSignin, raw: RawLocation): void {
  const verdict = ctx.out.signin(signin, raw);
  if (verdict === 'duplicate') ctx.counters.duplicates++;
  else {
    ctx.counters.imported++;
    if (verdict === 'republished') ctx.counters.republished++;
  }
  if (signin.values.created_at === null) {
    ctx.out.issue('warning', raw.recordIndex, raw.offset, 'no readable sign-in time (createdDateTime and time missing or unreadable); imported without a time');
  }
}

export function skipRecord(ctx: FileImportContext, category: string): void {
  ctx.counters.skipped[category] = (ctx.counters.skipped[category] ?? 0) + 1;
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
  }
}
