// Per-case memo for values derived from the whole case (distinct IPs, value ranks): recomputed when
// the case grows (a new import adds rows and strings), dropped with the case object.
import type { CaseDb } from '../db/case-db';

export class CaseMemo<T> {
  private readonly entries = new WeakMap<CaseDb, { version: string; value: T }>();

  constructor(
    private readonly compute: (caseDb: CaseDb) => T,
    private readonly versionOf: (caseDb: CaseDb) => string = caseVersion,
  ) {}

  get(caseDb: CaseDb): T {
    const version = this.versionOf(caseDb);
    const hit = this.entries.get(caseDb);
    if (hit && hit.version === version) return hit.value;
    const value = this.compute(caseDb);
    this.entries.set(caseDb, { version, value });
    return value;
  }
}

/** Cheap fingerprint of a case's content: rows are only appended and strings only added. */
export function caseVersion(caseDb: CaseDb): string {
  const maxRid = caseDb.scalar('SELECT max(rid) FROM signin_data') ?? 0;
  const rows = caseDb.scalar('SELECT count(*) FROM signin_data');
  return `${String(maxRid)}:${String(rows)}:${caseDb.strings.size}`;
}
