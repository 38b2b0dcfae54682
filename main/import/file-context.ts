// What the per-format importers share while one evidence file is read.
import type { DedupeVerdict } from './dedupe';
import type { EvidenceStream } from './evidence';
import type { Severity } from './import-issues';
import type { NormalizedSignin } from './normalize/signin-record';
import type { AuthStepRow } from './row-inserter';
import { prepareSignin, type PreparedSignin } from './prepared-signin';
import type { RecordParsePool } from './record-parse-pool';
import type { RawLocation } from './signin-encoder';
import type { TriageCounts, TriageFilter } from './triage/triage-filter';

export interface FileCounters {
  records: number; // records found in the file (good or bad)
  imported: number;
  duplicates: number;
  republished: number;
  /** Records that are not sign-ins (AuditLogs, UserRiskEvents...), by category: kept out of `signins`. */
  skipped: Record<string, number>;
  /** Triage import only: what the filter kept and skipped. */
  triage?: TriageCounts;
}

/** Where parsed records go (encoded and batched for the database side). */
export interface ImportOutput {
  signin(signin: PreparedSignin, raw: RawLocation): DedupeVerdict;
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
  /** Triage import: only sign-ins matching this filter are kept. */
  triage?: TriageFilter | undefined;
  /** Record-parse workers (large imports): JSON records are parsed there instead of in this thread. */
  recordPool?: RecordParsePool | undefined;
}

/** The evidence's chunks, searched for the triage filter's needles on the way when there is one. */
export function chunksOf(ctx: FileImportContext, format: 'json' | 'csv'): AsyncIterable<Buffer> {
  return ctx.triage ? ctx.triage.watch(ctx.evidence.chunks, format) : ctx.evidence.chunks;
}

/** True when a triage filter rules the record out on its bytes (it is then neither parsed nor counted as an error). */
export function screenedOut(ctx: FileImportContext, offset: number, length: number, bytes?: Buffer): boolean {
  return ctx.triage !== undefined && !ctx.triage.mayMatch(offset, length, bytes);
}

/** A normalized sign-in read here (CSV): prepared for the encoder, then written. `rawText`: see `prepareSignin`. */
export function writeSignin(ctx: FileImportContext, signin: NormalizedSignin, raw: RawLocation, rawText: () => string): void {
  if (ctx.triage && !ctx.triage.confirm(ctx.triage.matcher(signin))) return;
  store(ctx, prepareSignin(signin, rawText), raw);
}

/** A sign-in parsed and prepared elsewhere (JSON); `matches`: the triage filter's verdict on it, computed there. */
export function writePrepared(ctx: FileImportContext, signin: PreparedSignin, matches: boolean | undefined, raw: RawLocation): void {
  if (ctx.triage && !ctx.triage.confirm(matches === true)) return;
  store(ctx, signin, raw);
}

function store(ctx: FileImportContext, signin: PreparedSignin, raw: RawLocation): void {
  const verdict = ctx.out.signin(signin, raw);
  if (verdict === 'duplicate') ctx.counters.duplicates++;
  else {
    ctx.counters.imported++;
    if (verdict === 'republished') ctx.counters.republished++;
  }
  if (!signin.hasTime) {
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
