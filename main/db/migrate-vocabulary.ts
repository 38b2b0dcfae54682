// Cases saved before the one-vocabulary change hold the spellings they were imported with
// (`Not Applied` next to `notApplied`). On open, every stored value of an enumerated column, of the
// per-policy results and per-step requirements is mapped to its canonical spelling, once per case.
import type { Database } from 'sql.js';
import { canonicalValue, COLUMN_VOCABULARY, type VocabularyName } from '../../shared/model/vocabulary';

/** Bumped when the vocabulary maps a stored spelling differently. */
export const VOCABULARY_VERSION = '1';

export function markVocabularyCurrent(db: Database): void {
  db.run("INSERT INTO case_meta (key, value) VALUES ('vocabulary_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [VOCABULARY_VERSION]);
}

/**
 * Rewrites old spellings in place; returns how many rows (and CSV steps) changed. The
 * string table is scanned, not the rows: rows are only touched for the few strings whose spelling
 * changes (a case with nothing to change costs one pass over `strings`).
 */
export function migrateVocabulary(db: Database): number {
  const current = db.exec("SELECT value FROM case_meta WHERE key = 'vocabulary_version'")[0]?.values[0]?.[0];
  if (current === VOCABULARY_VERSION) return 0;
  const strings = new StringIds(db);
  const rewrites: [column: string, from: number, to: string][] = [];
  for (const [id, value] of strings.all()) {
    for (const [column, vocabulary] of Object.entries(COLUMN_VOCABULARY)) {
      const next = canonicalValue(vocabulary, value, false);
      if (next !== null && next !== value) rewrites.push([`${column}_k`, id, next]);
    }
    if (value.startsWith('[')) {
      const policies = rewriteList(value, 'result', 'policyResult');
      if (policies !== null && policies !== value) rewrites.push(['ca_policies_k', id, policies]);
      const steps = rewriteList(value, 'requirement', 'stepRequirement');
      if (steps !== null && steps !== value) rewrites.push(['auth_steps_k', id, steps]);
    }
  }
  const remaps = rewrites.map(([column, from, to]): [string, number, number] => [column, from, strings.idOf(to)]);
  let changed = 0;
  // Three parameters per remap; SQLite takes 32,766 per statement.
  for (let i = 0; i < remaps.length; i += 5000) changed += remapRows(db, remaps.slice(i, i + 5000));
  for (const [value] of db.exec('SELECT DISTINCT requirement FROM csv_auth_steps WHERE requirement IS NOT NULL')[0]?.values ?? []) {
    const next = canonicalValue('stepRequirement', value, false);
    if (next === null || next === value) continue;
    db.run('UPDATE csv_auth_steps SET requirement = ? WHERE requirement = ?', [next, String(value)]);
    changed += db.getRowsModified();
  }
  markVocabularyCurrent(db);
  return changed;
}

/** One pass over the rows (an UPDATE costs a full scan, ~0.3 s per 300k rows): every column's ids mapped at once. */
function remapRows(db: Database, remaps: [column: string, from: number, to: number][]): number {
  if (remaps.length === 0) return 0;
  const byColumn = new Map<string, [number, number][]>();
  for (const [column, from, to] of remaps) byColumn.set(column, [...(byColumn.get(column) ?? []), [from, to]]);
  const sets: string[] = [];
  const wheres: string[] = [];
  const setParams: number[] = [];
  const whereParams: number[] = [];
  for (const [column, pairs] of byColumn) {
    sets.push(`${column} = CASE ${column} ${pairs.map(() => 'WHEN ? THEN ?').join(' ')} ELSE ${column} END`);
    setParams.push(...pairs.flat());
    wheres.push(`${column} IN (${pairs.map(() => '?').join(', ')})`);
    whereParams.push(...pairs.map(([from]) => from));
  }
  db.run(`UPDATE signin_data SET ${sets.join(', ')} WHERE ${wheres.join(' OR ')}`, [...setParams, ...whereParams]);
  return db.getRowsModified();
}

/** The compact JSON of a per-policy or per-step list with one field mapped; null when unreadable. */
function rewriteList(json: string, field: string, vocabulary: VocabularyName): string | null {
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(list)) return null;
  const mapped = list.map((item: unknown) => {
    if (item === null || typeof item !== 'object') return item;
    const o = item as Record<string, unknown>;
    return field in o ? { ...o, [field]: canonicalValue(vocabulary, o[field], false) } : o;
  });
  return JSON.stringify(mapped);
}

/** Ids of (possibly new) strings, before the case's StringDictionary is built over the table. */
class StringIds {
  private next: number;

  constructor(private readonly db: Database) {
    this.next = Number(db.exec('SELECT COALESCE(MAX(id), 0) + 1 FROM strings')[0]!.values[0]![0]);
  }

  all(): [number, string][] {
    return (this.db.exec('SELECT id, value FROM strings')[0]?.values ?? []).map(([id, value]) => [Number(id), String(value)]);
  }

  idOf(value: string): number {
    const found = this.db.exec('SELECT id FROM strings WHERE value = ? LIMIT 1', [value])[0]?.values[0]?.[0];
    if (found !== undefined) return Number(found);
    this.db.run('INSERT INTO strings (id, value) VALUES (?, ?)', [this.next, value]);
    return this.next++;
  }
}
