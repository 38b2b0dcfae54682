// Overlapping exports: the same sign-in seen in two files is kept once. Identity is the request id
// plus a fingerprint of fields every format carries (time to the second, error code, IP, correlation
// id, log category, UPN); a record with the same id but another fingerprint is a re-published
// version (Azure Monitor re-emits requests) and is kept, linkable through its id.
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

export function fingerprint(v: Record<string, CellValue>): number {
  const created = typeof v.created_at === 'number' ? Math.floor(v.created_at / 1000) : '';
  const upn = typeof v.user_principal_name === 'string' ? v.user_principal_name.toLowerCase() : '';
  return fnv1a(`${created}|${v.status_code ?? ''}|${v.ip_address ?? ''}|${v.correlation_id ?? ''}|${v.log_category ?? v.sign_in_type ?? ''}|${upn}`);
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
