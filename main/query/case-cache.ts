// Per-case memo for values derived from the whole case (distinct IPs, value ranks): recomputed when
// the case changes (CaseDb.version goes up on every write), dropped with the case object.
import type { CaseDb } from '../db/case-db';
import { NUM } from '../db/row-spec';

export class CaseMemo<T> {
  private readonly entries = new WeakMap<CaseDb, { version: string | number; value: T }>();

  constructor(
    private readonly compute: (caseDb: CaseDb) => T,
    private readonly versionOf: (caseDb: CaseDb) => string | number = (caseDb) => caseDb.version,
  ) {}

  get(caseDb: CaseDb): T {
    const hit = this.entries.get(caseDb);
    if (hit && hit.version === this.versionOf(caseDb)) return hit.value;
    const value = this.compute(caseDb);
    // The version after computing: a compute that interns a string or writes meta moves the version,
    // and must not invalidate its own result.
    this.entries.set(caseDb, { version: this.versionOf(caseDb), value });
    return value;
  }
}

/**
 * Fingerprint of a case's sign-ins that survives saving and reopening (rows are only appended and
 * strings only added). Stored in case_meta by enrichment, sessions and detection runs to tell when
 * their results are stale; in-memory caches use CaseDb.version instead.
 */
export function caseVersion(caseDb: CaseDb): string {
  return fingerprints.get(caseDb); // counted once per data version, not on every sessions listing
}

const fingerprints = new CaseMemo((caseDb) => {
  const maxRid = caseDb.value('SELECT max(rid) FROM signin_data', [], 'num?') ?? 0;
  const rows = caseDb.value('SELECT count(*) FROM signin_data', [], NUM);
  return `${maxRid}:${rows}:${caseDb.strings.size}`;
});
