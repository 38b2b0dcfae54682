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

/** Rewrites old spellings in place; returns how many distinct stored values changed. */
export function migrateVocabulary(db: Database): number {
  const current = db.exec("SELECT value FROM case_meta WHERE key = 'vocabulary_version'")[0]?.values[0]?.[0];
  if (current === VOCABULARY_VERSION) return 0;
  const strings = new StringIds(db);
  let changed = 0;
  const remap = (column: string, map: (value: string) => string | null) => {
    const rows = db.exec(`SELECT DISTINCT d.${column}, s.value FROM signin_data d JOIN strings s ON s.id = d.${column}`)[0]?.values ?? [];
    for (const [id, value] of rows) {
      const next = map(String(value));
      if (next === null || next === value) continue;
      db.run(`UPDATE signin_data SET ${column} = ? WHERE ${column} = ?`, [strings.idOf(next), Number(id)]);
      changed++;
    }
  };
  for (const [column, vocabulary] of Object.entries(COLUMN_VOCABULARY)) remap(`${column}_k`, (v) => canonicalValue(vocabulary, v));
  remap('ca_policies_k', (json) => rewriteList(json, 'result', 'policyResult'));
  remap('auth_steps_k', (json) => rewriteList(json, 'requirement', 'stepRequirement'));
  for (const [value] of db.exec('SELECT DISTINCT requirement FROM csv_auth_steps WHERE requirement IS NOT NULL')[0]?.values ?? []) {
    const next = canonicalValue('stepRequirement', value);
    if (next === null || next === value) continue;
    db.run('UPDATE csv_auth_steps SET requirement = ? WHERE requirement = ?', [next, String(value)]);
    changed++;
  }
  markVocabularyCurrent(db);
  return changed;
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
    return field in o ? { ...o, [field]: canonicalValue(vocabulary, o[field]) } : o;
  });
  return JSON.stringify(mapped);
}

/** Ids of (possibly new) strings, before the case's StringDictionary is built over the table. */
class StringIds {
  private next: number;

  constructor(private readonly db: Database) {
    this.next = Number(db.exec('SELECT COALESCE(MAX(id), 0) + 1 FROM strings')[0]!.values[0]![0]);
  }

  idOf(value: string): number {
    const found = this.db.exec('SELECT id FROM strings WHERE value = ? LIMIT 1', [value])[0]?.values[0]?.[0];
    if (found !== undefined) return Number(found);
    this.db.run('INSERT INTO strings (id, value) VALUES (?, ?)', [this.next, value]);
    return this.next++;
  }
}
