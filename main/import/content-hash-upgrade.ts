// Cases imported before a duplicate had to equal a record in every stored field hold a narrower
// `content_hash` and no `overlap_hash`. Before evidence is added to such a case, both are recomputed
// from the stored row (the same functions the import uses), so that a record seen again stays a
// duplicate instead of showing as a re-published version; the `versions` column is filled in too.
import { COLUMNS } from '../../shared/model/columns';
import type { CaseDb } from '../db/case-db';
import { CELL } from '../db/row-spec';
import { STORED_COLUMNS } from '../db/schema';
import { contentHash, overlapHash } from './dedupe';
import type { CellValue } from './normalize/signin-record';

const META_KEY = 'content_hash';
const CURRENT = 'all-stored-fields-3'; // 2: with overlap_hash; 3: over the stored row

export function upgradeContentHashes(caseDb: CaseDb): void {
  if (caseDb.meta(META_KEY) === CURRENT) return;
  const text = new Map(caseDb.strings.entries().map(([value, id]) => [id, value]));
  const decode = (id: unknown) => (typeof id === 'number' ? (text.get(id) ?? null) : null);
  const authAt = STORED_COLUMNS.indexOf('auth_steps_k');
  const write = caseDb.prepareWrite('UPDATE signin_data SET content_hash = ?, overlap_hash = ? WHERE rid = ?');
  try {
    const kinds = Array<typeof CELL>(STORED_COLUMNS.length + 1).fill(CELL);
    caseDb.forEachTuple(`SELECT ${STORED_COLUMNS.join(', ')}, rid FROM signin_data`, [], kinds, (row) => {
      const values: Record<string, CellValue> = {};
      COLUMNS.forEach((col, i) => {
        values[col.key] = col.storage === 'dict' ? decode(row[i]) : row[i]!;
      });
      write.run([contentHash(row), overlapHash(values, decode(row[authAt])), row[STORED_COLUMNS.length]!]);
    });
  } finally {
    write.free();
  }
  countVersions(caseDb);
  caseDb.setMeta(META_KEY, CURRENT);
}

/** The `versions` column: for every request id stored more than once, how many versions it has. */
export function countVersions(caseDb: CaseDb): void {
  caseDb.run(
    `UPDATE signin_data SET versions = (SELECT count(*) FROM signin_data x WHERE x.id = signin_data.id)
     WHERE id IN (SELECT id FROM signin_data WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1)`,
  );
}
