// Bytes of each table and index of a case database. sql.js has no dbstat, so a copy of the database
// drops its objects one by one (indexes first, then tables): the pages each DROP hands to the
// freelist are that object's size, exact to the page.
import { loadSqlJs } from '../main/db/sqljs';

export interface StoredObject {
  type: 'table' | 'index';
  name: string;
  table: string;
  bytes: number;
}

export async function storageBreakdown(bytes: Uint8Array): Promise<{ objects: StoredObject[]; fileBytes: number; freeBytes: number }> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(bytes);
  try {
    const num = (sql: string) => Number(db.exec(sql)[0]!.values[0]![0]);
    const pageSize = num('PRAGMA page_size');
    const list = db.exec("SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('index', 'table') AND name NOT LIKE 'sqlite_%' ORDER BY type = 'table', name")[0]?.values ?? [];
    const objects: StoredObject[] = [];
    // pages freed earlier (dropped indexes of a migrated case) stay in the file until a VACUUM
    const freeBytes = num('PRAGMA freelist_count') * pageSize;
    for (const [type, name, table] of list) {
      const before = num('PRAGMA freelist_count');
      db.exec(`DROP ${type === 'index' ? 'INDEX' : 'TABLE'} "${String(name)}"`);
      objects.push({ type: type as 'table' | 'index', name: String(name), table: String(table), bytes: (num('PRAGMA freelist_count') - before) * pageSize });
    }
    return { objects, fileBytes: bytes.length, freeBytes };
  } finally {
    db.close();
  }
}
