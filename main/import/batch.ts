// The parse side hands its output to the database side in batches: encoded rows with the strings
// they introduced, CSV authentication steps and per-record issues. The same batches flow in-process
// (small imports, CLI, tests) or from the parse worker (large imports, two cores busy).
import type { DedupeVerdict } from './dedupe';
import type { ImportOutput } from './file-context';
import type { Severity } from './import-issues';
import type { PreparedSignin } from './prepared-signin';
import type { AuthStepRow } from './row-inserter';
import { authStepKey, type RawLocation, type SigninEncoder, type StoredRow } from './signin-encoder';

export interface ParsedBatch {
  strings: [number, string][];
  rows: StoredRow[];
  authSteps: AuthStepRow[];
  issues: [Severity, number | null, number | null, string][];
}

export interface BatchSink {
  insert(strings: readonly [number, string][], rows: readonly StoredRow[]): void;
  insertAuthSteps(steps: readonly AuthStepRow[]): void;
  issue(severity: Severity, recordIndex: number | null, byteOffset: number | null, message: string): void;
}

export function applyBatch(batch: ParsedBatch, sink: BatchSink): void {
  sink.insert(batch.strings, batch.rows);
  sink.insertAuthSteps(batch.authSteps);
  for (const [severity, index, offset, message] of batch.issues) sink.issue(severity, index, offset, message);
}

const MAX_ROWS = 2000;

export class BatchingOutput implements ImportOutput {
  private batch: ParsedBatch = emptyBatch();
  private readonly stepOccurrences = new Map<string, number>(); // per file: the n-th identical step

  constructor(
    private readonly encoder: SigninEncoder,
    private readonly deliver: (batch: ParsedBatch) => void | Promise<void>,
  ) {}

  signin(signin: PreparedSignin, raw: RawLocation): DedupeVerdict {
    const { verdict, row } = this.encoder.encode(signin, raw);
    if (row) this.batch.rows.push(row);
    return verdict;
  }

  authStep(step: AuthStepRow): boolean {
    const key = authStepKey(step);
    const occurrence = (this.stepOccurrences.get(key) ?? 0) + 1;
    this.stepOccurrences.set(key, occurrence);
    if (!this.encoder.isNewStep(key, occurrence)) return false;
    this.batch.authSteps.push(step);
    return true;
  }

  issue(severity: Severity, recordIndex: number | null, byteOffset: number | null, message: string): void {
    this.batch.issues.push([severity, recordIndex, byteOffset, message.slice(0, 500)]);
  }

  get full(): boolean {
    return this.batch.rows.length >= MAX_ROWS;
  }

  async flush(): Promise<void> {
    const b = this.batch;
    b.strings = this.encoder.strings.takeNew();
    if (!b.rows.length && !b.authSteps.length && !b.issues.length && !b.strings.length) return;
    this.batch = emptyBatch();
    await this.deliver(b);
  }
}

function emptyBatch(): ParsedBatch {
  return { strings: [], rows: [], authSteps: [], issues: [] };
}
