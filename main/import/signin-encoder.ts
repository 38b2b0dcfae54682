// Turns normalized sign-ins into stored rows (STORED_COLUMNS order): repeated text becomes dictionary
// ids, duplicates across overlapping files are dropped. Runs wherever parsing runs (the parse worker
// for large imports), so the database thread only inserts.
import { COLUMNS } from '../../shared/model/columns';
import { STORED_COLUMNS } from '../db/schema';
import { contentHash, Deduplicator, fnv1a, overlapHash, type DedupeVerdict, type KnownVersion } from './dedupe';
import type { NormalizedSignin } from './normalize/signin-record';
import { StringIds } from './string-ids';

export type StoredRow = (string | number | null)[];

export interface RawLocation {
  sourceId: number;
  recordIndex: number;
  offset: number;
  length: number;
  /** Text of the record, only needed to fingerprint records that have no request id. */
  rawText?: () => string;
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

  encode(signin: NormalizedSignin, raw: RawLocation): { verdict: DedupeVerdict; row: StoredRow | null } {
    const v = signin.values;
    const strings = this.strings;
    const authStepsJson = signin.authSteps ? JSON.stringify(signin.authSteps) : null;
    const row: StoredRow = new Array(STORED_COLUMNS.length);
    let i = 0;
    for (const col of COLUMNS) {
      const value = col.key === 'source_id' ? raw.sourceId : (v[col.key] ?? null);
      row[i++] = col.storage === 'dict' ? strings.idOf(value === null ? null : String(value)) : value;
    }
    const contentAt = i;
    row[i++] = null; // content hash, below
    row[i++] = raw.recordIndex;
    row[i++] = raw.offset;
    row[i++] = raw.length;
    row[i++] = strings.idOf(authStepsJson);
    row[i++] = strings.idOf(signin.caPolicies ? JSON.stringify(signin.caPolicies) : null);
    row[i++] = strings.idOf(signin.timeSource);
    const overlap = overlapHash(v, authStepsJson);
    row[i++] = overlap;
    const content = contentHash(row);
    row[contentAt] = content;
    const key = typeof v.id === 'string' ? v.id : `#${v.created_at ?? ''}:${fnv1a(raw.rawText?.() ?? '')}`;
    const verdict = this.dedupe.check(key, content, overlap, String(v.source_format ?? ''));
    return { verdict, row: verdict === 'duplicate' ? null : row };
  }
}
