// Cases imported before a duplicate had to equal a record in every stored field hold a narrower
// `content_hash` and no `overlap_hash`. Before evidence is added to such a case, both are recomputed from the stored
// values (the same function the import uses), so that a record seen again stays a duplicate instead
// of showing as a re-published version.
import { COLUMNS } from '../../shared/model/columns';
import type { CaseDb } from '../db/case-db';
import { storedName } from '../db/schema';
import { fingerprint, overlapHash } from './dedupe';
import type { CellValue } from './normalize/signin-record';

const META_KEY = 'content_hash';
const CURRENT = 'all-stored-fields-2'; // 2: with overlap_hash

export function upgradeContentHashes(caseDb: CaseDb): void {
  if (caseDb.meta(META_KEY) === CURRENT) return;
  const text = new Map(caseDb.strings.entries().map(([value, id]) => [id, value]));
  const decode = (id: unknown) => (typeof id === 'number' ? (text.get(id) ?? null) : null);
  const read = caseDb.db.prepare(`SELECT rid, auth_steps_k, ca_policies_k, ${COLUMNS.map(storedName).join(', ')} FROM signin_data`);
  const write = caseDb.db.prepare('UPDATE signin_data SET content_hash = ?, overlap_hash = ? WHERE rid = ?');
  try {
    while (read.step()) {
      const row = read.get();
      const values: Record<string, CellValue> = {};
      COLUMNS.forEach((col, i) => {
        const stored = row[i + 3] as CellValue;
        values[col.key] = col.storage === 'dict' ? decode(stored) : stored;
      });
      const authSteps = decode(row[1]);
      write.run([fingerprint(values, authSteps, decode(row[2])), overlapHash(values, authSteps), row[0] as number]);
    }
  } finally {
    read.free();
    write.free();
  }
  caseDb.setMeta(META_KEY, CURRENT);
}
