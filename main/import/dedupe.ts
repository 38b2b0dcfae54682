// Overlapping exports: the same sign-in seen again is kept once, and a re-published version (Azure
// Monitor re-emits a request with updated risk state, risk events, steps...) is kept beside it.
// - From the same export shape, a record is a duplicate only when everything stored about it is
//   equal (`contentHash`: every column, the authentication steps, the Conditional Access results).
// - From another shape (Graph JSON and a diagnostic export of the same request), values are written
//   differently (Graph gives the time to the second, "Other." as failure reason...), so the copies
//   are compared on what every shape writes alike (`overlapHash`): time to the second, error code,
//   IP, correlation id, log category, UPN, and, between shapes that carry the full signIn schema
//   (everything but the admin-center CSV), the risk fields and the authentication steps.
// Where a record came from (file, position, container format, time source) is never content.
import { COLUMNS } from '../../shared/model/columns';
import { STORED_COLUMNS, storedName } from '../db/schema';
import type { CellValue } from './normalize/signin-record';

export type DedupeVerdict = 'new' | 'duplicate' | 'republished';

export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Columns that are not what a record says: where it came from, and the derived version count. */
export const NOT_CONTENT_COLUMNS: ReadonlySet<string> = new Set(['source_id', 'source_format', 'versions']);

/** Positions in a stored row (STORED_COLUMNS order) of everything a sign-in says. */
const CONTENT_POSITIONS: readonly number[] = (() => {
  const content = new Set([...COLUMNS.filter((c) => !NOT_CONTENT_COLUMNS.has(c.key)).map(storedName), 'auth_steps_k', 'ca_policies_k']);
  return STORED_COLUMNS.flatMap((name, i) => (content.has(name) ? [i] : []));
})();

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/**
 * 53-bit hash of a sign-in's whole content, over its stored row: text is there as dictionary ids,
 * which are one per string in a case, so equal rows mean equal content, and hashing a few dozen
 * numbers costs far less than hashing the text again.
 */
export function contentHash(row: readonly (string | number | null)[]): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  const mix = (x: number) => {
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ x, 0x5bd1e995);
  };
  for (const i of CONTENT_POSITIONS) {
    const cell = row[i];
    if (cell === null || cell === undefined) mix(0x7f000001);
    else if (typeof cell === 'number') {
      f64[0] = cell;
      mix(u32[0]!);
      mix(u32[1]!);
    } else {
      for (let k = 0; k < cell.length; k++) mix(cell.charCodeAt(k));
      mix(0x7f000002 ^ cell.length);
    }
  }
  b ^= b >>> 15;
  return (a >>> 0) * 0x200000 + ((b >>> 0) >>> 11);
}

const CORE_UNIT = 0x200000; // overlap hash = core hash (32 bits) * 2^21 + 21 bits of the republication hash

/** The one shape that does not carry the full signIn schema (no risk fields or steps in most downloads). */
const PARTIAL_SHAPES: ReadonlySet<string> = new Set(['portal-csv']);

/** Cross-shape identity: the core every shape writes alike, then what a re-publication changes. */
export function overlapHash(v: Record<string, CellValue>, authStepsJson: string | null): number {
  const created = typeof v.created_at === 'number' ? Math.floor(v.created_at / 1000) : '';
  const upn = typeof v.user_principal_name === 'string' ? v.user_principal_name.toLowerCase() : '';
  const core = fnv1a(`${created}|${v.status_code ?? ''}|${v.ip_address ?? ''}|${v.correlation_id ?? ''}|${v.log_category ?? v.sign_in_type ?? ''}|${upn}`);
  const republication = fnv1a(`${v.risk_state ?? ''}|${v.risk_level_during_sign_in ?? ''}|${v.risk_level_aggregated ?? ''}|${v.risk_detail ?? ''}|${v.risk_event_types ?? ''}|${authStepsJson ?? ''}`);
  return core * CORE_UNIT + (republication >>> 11);
}

/** Are two copies of a request from different shapes the same record? */
function sameAcrossShapes(a: number, shapeA: string, b: number, shapeB: string): boolean {
  if (PARTIAL_SHAPES.has(shapeA) || PARTIAL_SHAPES.has(shapeB)) return Math.floor(a / CORE_UNIT) === Math.floor(b / CORE_UNIT);
  return a === b;
}

/** What is remembered of one stored version: its content hash, overlap hash and shape. */
export type KnownVersion = [id: string, content: number, overlap: number, shape: string];

export class Deduplicator {
  // id → [content, overlap, shape code] per version, flat (most ids have one version)
  private readonly seen = new Map<string, number[]>();
  private readonly shapes: string[] = [];
  private readonly shapeCodes = new Map<string, number>();

  remember([key, content, overlap, shape]: KnownVersion): void {
    this.check(key, content, overlap, shape);
  }

  check(key: string, content: number, overlap: number, shape: string): DedupeVerdict {
    const code = this.codeOf(shape);
    const known = this.seen.get(key);
    if (known === undefined) {
      this.seen.set(key, [content, overlap, code]);
      return 'new';
    }
    for (let i = 0; i < known.length; i += 3) {
      if (known[i] === content) return 'duplicate';
      const knownCode = known[i + 2]!;
      if (knownCode !== code && sameAcrossShapes(known[i + 1]!, this.shapes[knownCode]!, overlap, shape)) return 'duplicate';
    }
    known.push(content, overlap, code);
    return 'republished';
  }

  private codeOf(shape: string): number {
    let code = this.shapeCodes.get(shape);
    if (code === undefined) {
      code = this.shapes.push(shape) - 1;
      this.shapeCodes.set(shape, code);
    }
    return code;
  }

  get size(): number {
    return this.seen.size;
  }
}
