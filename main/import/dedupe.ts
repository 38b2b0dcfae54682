// Overlapping exports: the same sign-in seen in two files is kept once. A record is a duplicate only
// when everything stored about it is equal: the request id and a hash over every column, the
// authentication steps and the Conditional Access results. Where it came from (file, position,
// container format, which field gave the time) is not content and is left out. A record with the
// same id and other content is a re-published version (Azure Monitor re-emits a request with updated
// risk state, risk events, steps...) and is kept; record.get lists the versions and what changed.
import { COLUMNS } from '../../shared/model/columns';
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

/** Columns that say where a record came from, not what it says. */
export const PROVENANCE_COLUMNS: ReadonlySet<string> = new Set(['source_id', 'source_format']);
const CONTENT_KEYS = COLUMNS.map((c) => c.key).filter((k) => !PROVENANCE_COLUMNS.has(k));

/** 53-bit hash (two FNV-1a lanes) of a sign-in's whole content; equal content, equal hash. */
export function fingerprint(v: Record<string, CellValue>, authStepsJson: string | null, caPoliciesJson: string | null): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
  };
  for (const key of CONTENT_KEYS) {
    const value = v[key];
    feed(value === null || value === undefined ? '\u0000' : typeof value === 'number' ? `#${value}` : `"${value}`);
    feed('\u0001');
  }
  feed(authStepsJson ?? '\u0000');
  feed('\u0001');
  feed(caPoliciesJson ?? '\u0000');
  return (a >>> 0) * 0x200000 + ((b >>> 0) >>> 11);
}

export class Deduplicator {
  // id → fingerprint, or several fingerprints when re-published (rare, so kept as an array then)
  private readonly seen = new Map<string, number | number[]>();

  remember(key: string, print: number): void {
    this.check(key, print);
  }

  check(key: string, print: number): DedupeVerdict {
    const known = this.seen.get(key);
    if (known === undefined) {
      this.seen.set(key, print);
      return 'new';
    }
    if (known === print || (Array.isArray(known) && known.includes(print))) return 'duplicate';
    this.seen.set(key, Array.isArray(known) ? [...known, print] : [known, print]);
    return 'republished';
  }

  get size(): number {
    return this.seen.size;
  }
}
