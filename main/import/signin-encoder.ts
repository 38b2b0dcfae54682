// Turns prepared sign-ins (prepared-signin.ts) into stored rows (STORED_COLUMNS order): repeated text becomes dictionary
// ids, duplicates across overlapping files are dropped. Runs wherever parsing runs (the parse worker
// for large imports), so the database thread only inserts.
import { COLUMNS } from '../../shared/model/columns';
import { contentHash, Deduplicator, type DedupeVerdict, type KnownVersion } from './dedupe';
import type { PreparedSignin } from './prepared-signin';
import type { DictCell } from './string-refs';
import { StringIds } from './string-ids';

export type StoredRow = (string | number | null)[];

export interface RawLocation {
  sourceId: number;
  recordIndex: number;
  offset: number;
  length: number;
}

/** What an encoder starts from: the case's existing strings and sign-ins (for a second import). */
export interface EncoderSeed {
  strings: [string, number][];
  nextStringId: number;
  known: KnownVersion[]; // request id, content and overlap hashes, shape of every stored sign-in
  /** CSV authentication steps already stored: step key (authStepKey) → how many times. */
  knownSteps: [string, number][];
}

/** What a CSV authentication step says (request, time, method, detail, requirement, outcome), not where it was. */
export function authStepKey(step: readonly (string | number | null)[]): string {
  return JSON.stringify([step[0], step[2], step[3], step[4], step[5], step[6], step[7]]);
}

export class SigninEncoder {
  readonly strings: StringIds;
  private readonly dedupe = new Deduplicator();
  private readonly stepCounts: Map<string, number>;

  constructor(seed: EncoderSeed) {
    this.strings = new StringIds(seed.strings, seed.nextStringId);
    for (const known of seed.known) this.dedupe.remember(known);
    this.stepCounts = new Map(seed.knownSteps);
  }

  /**
   * A file's `occurrence`-th copy of a step is new when the case holds fewer copies: overlapping
   * companion files add nothing, while a step that really happened twice in one file stays twice.
   */
  isNewStep(key: string, occurrence: number): boolean {
    if (occurrence <= (this.stepCounts.get(key) ?? 0)) return false;
    this.stepCounts.set(key, occurrence);
    return true;
  }

  encode(signin: PreparedSignin, raw: RawLocation): { verdict: DedupeVerdict; row: StoredRow | null } {
    const strings = this.strings;
    const refs = signin.refs;
    const idOf = (cell: DictCell): number | null => (typeof cell === 'number' ? refs!.idOf(cell, strings) : strings.idOf(cell));
    // built by push, never `new Array(n)`: a holey array crosses to the database thread element by element, 4x slower
    const row: StoredRow = [];
    for (let i = 0; i < COLUMNS.length; i++) {
      const col = COLUMNS[i]!;
      const value = col.key === 'source_id' ? raw.sourceId : signin.cells[i]!;
      row.push(col.storage === 'dict' ? idOf(value) : value);
    }
    const contentAt = row.length;
    row.push(
      null, // content hash, below
      raw.recordIndex,
      raw.offset,
      raw.length,
      idOf(signin.authStepsJson),
      idOf(signin.caPoliciesJson),
      idOf(signin.timeSource),
      signin.overlap,
    );
    const content = contentHash(row);
    row[contentAt] = content;
    const verdict = this.dedupe.check(signin.dedupeKey, content, signin.overlap, signin.sourceFormat);
    return { verdict, row: verdict === 'duplicate' ? null : row };
  }
}
