// Free-text search: a substring of any of the searched dictionary columns, or an exact identifier.
// Substring matching (LIKE's rule: ASCII letters ignore case) runs in JS over the distinct strings of
// the searched columns. The rows holding a matching string are then found without reading the table:
// an indexed column's index lists them, and the other columns are kept in memory as one small code
// per row (1-2 bytes for most columns). A search that keeps few rows becomes a list of row ids, so
// every query filtered by it (the grid's count and rows, histogram, swimlanes, facets) reads just
// those rows instead of scanning the table: ~1 s → tens of ms at 1M sign-ins for a rare word.
// FTS4 does not fit: it matches words, not substrings, so results would change.
import { COLUMN_BY_KEY, type ColumnDef } from '../../shared/model/columns';
import { asciiLower } from '../../shared/model/find';
import type { CaseDb } from '../db/case-db';
import { NUM, NUM_NULL } from '../db/row-spec';
import { storedName } from '../db/schema';
import { CaseMemo } from './case-cache';
import { storedRef } from './column-ref';
import { hasIndexLedBy, unindexed } from './index-assist';
import { inList } from './sql-list';
import type { SqlValue } from '../db/row-spec';

/** Dictionary columns that free text searches (by substring). */
export const TEXT_SEARCH_DICT_COLUMNS = [
  'user_principal_name',
  'user_display_name',
  'app_display_name',
  'resource_display_name',
  'ip_address',
  'user_agent',
  'failure_reason',
  'city',
  'country',
  'device_name',
  'operating_system',
  'browser',
  'client_app_used',
] as const;

/** Identifier columns that free text matches exactly (pasting a request or correlation id). */
export const TEXT_SEARCH_ID_COLUMNS = ['id', 'correlation_id', 'session_id', 'unique_token_identifier'] as const;

/**
 * Up to this share of the rows, a search is handed to SQL as a list of row ids (one lookup per row,
 * ~4.5 µs in sql.js); above, as a condition on the columns (a scan, ~0.2 µs per row).
 */
const RID_LIST_SHARE = 0.04;

const searched = TEXT_SEARCH_DICT_COLUMNS.map((key) => COLUMN_BY_KEY.get(key)!);

type Codes = Uint8Array | Uint16Array | Uint32Array;

interface SearchedColumn {
  col: ColumnDef;
  /** String ids the column holds. */
  present: Set<number>;
  /** Columns without an index: each row's value as a column-local code (0: empty), and each string id's code. */
  codes?: Codes;
  codeOf?: Map<number, number>;
}

interface TextIndex {
  maxRid: number;
  rows: number;
  columns: SearchedColumn[];
  /** The strings of the searched columns: their ids and their ASCII-lower-cased text. */
  strings?: { ids: Int32Array; lowered: string[] };
}

// Sized by the distinct values, never by the largest string id (a crafted case can make that huge).
const textIndex = new CaseMemo<TextIndex>((caseDb) => {
  const maxRid = caseDb.value('SELECT max(rid) FROM signin_data', [], NUM_NULL) ?? 0;
  const columns: SearchedColumn[] = searched.map((col) => ({ col, present: new Set<number>() }));
  const scanned = columns.filter((c) => !hasIndexLedBy(caseDb, storedName(c.col)));
  for (const c of columns) {
    if (scanned.includes(c)) continue;
    // an index lists its column's distinct ids almost for free (SQLite skips ahead over repeats)
    caseDb.forEach(`SELECT DISTINCT ${storedRef(c.col)} AS k FROM signin_data d WHERE k IS NOT NULL`, [], { k: NUM }, ({ k }) => void c.present.add(k));
  }
  for (const c of scanned) {
    c.codes = new Uint8Array(maxRid + 1);
    c.codeOf = new Map();
  }
  let rows = 0;
  if (scanned.length) {
    const select = scanned.map((c) => storedRef(c.col)).join(', ');
    caseDb.withStatement(`SELECT d.rid, ${select} FROM signin_data d`, (stmt) => {
      while (stmt.step()) {
        const row = stmt.get() as (number | null)[];
        const rid = row[0]!;
        rows++;
        for (let j = 0; j < scanned.length; j++) {
          const id = row[j + 1];
          if (id !== null && id !== undefined) setCode(scanned[j]!, rid, id);
        }
      }
    });
  } else rows = caseDb.value('SELECT count(*) FROM signin_data', [], NUM) ?? 0;
  return { maxRid, rows, columns };
});

/**
 * Only the searched columns' strings, not the policy and step JSON the dictionary also holds. Taken
 * from the string dictionary, which already holds every string in memory: no SQL, so it can be done
 * when a case opens.
 */
function searchedStrings(caseDb: CaseDb, index: TextIndex): NonNullable<TextIndex['strings']> {
  if (index.strings) return index.strings;
  const ids: number[] = [];
  const lowered: string[] = [];
  for (const [value, id] of caseDb.strings.each()) {
    if (!index.columns.some((c) => c.present.has(id))) continue;
    ids.push(id);
    lowered.push(asciiLower(value));
  }
  index.strings = { ids: Int32Array.from(ids), lowered };
  return index.strings;
}

/** Records a row's string id as a column-local code, widening the code array when codes outgrow it. */
function setCode(c: SearchedColumn, rid: number, id: number): void {
  let code = c.codeOf!.get(id);
  if (code === undefined) {
    code = c.present.size + 1;
    c.codeOf!.set(id, code);
    c.present.add(id);
    if (code === 0x100) c.codes = Uint16Array.from(c.codes!);
    else if (code === 0x10000) c.codes = Uint32Array.from(c.codes!);
  }
  c.codes![rid] = code;
}

export function textSql(caseDb: CaseDb, text: string, params: SqlValue[]): string {
  const tests: string[] = [];
  const dict = dictionaryMatch(caseDb, text, params);
  if (dict) tests.push(dict);
  if (/^[A-Za-z0-9_-]{16,}$/.test(text)) {
    // Only GUID- or token-like text can equal an id; skipping these spares reading four long text
    // columns of every row for words, names and IP addresses.
    for (const key of TEXT_SEARCH_ID_COLUMNS) {
      tests.push(`${storedRef(COLUMN_BY_KEY.get(key)!)} = ?`);
      params.push(text);
    }
  }
  if (/^\d{1,9}$/.test(text)) {
    tests.push('d.status_code = ?');
    params.push(Number(text));
  }
  return tests.length ? `(${tests.join(' OR ')})` : '0';
}

/** The rows holding `text` in a searched column, as SQL: a list of row ids when few, else a test per column. */
function dictionaryMatch(caseDb: CaseDb, text: string, params: SqlValue[]): string | null {
  const index = textIndex.get(caseDb);
  const { ids, lowered } = searchedStrings(caseDb, index);
  const needle = asciiLower(text);
  const matched: number[] = [];
  for (let i = 0; i < ids.length; i++) if (lowered[i]!.includes(needle)) matched.push(ids[i]!);
  if (matched.length === 0) return null;
  const own = index.columns.map((c) => matched.filter((id) => c.present.has(id)));
  const rids = matchingRows(caseDb, index, own, Math.max(1, Math.floor(index.rows * RID_LIST_SHARE)));
  if (rids?.length === 0) return null;
  if (rids) return inList('d.rid', rids, params);
  // Many rows: a scan that tests each row beats a lookup per row, so no index may drive it.
  const tests: string[] = [];
  index.columns.forEach((c, i) => {
    const ids = own[i]!;
    if (ids.length === 0) return;
    const ref = unindexed(storedRef(c.col));
    // When every value of the column matches, "not empty" says the same without a lookup per row.
    tests.push(ids.length === c.present.size ? `${ref} IS NOT NULL` : inList(ref, ids, params));
  });
  return tests.join(' OR ');
}

/** Row ids (ascending) holding one of each column's matching string ids; null when more than `limit`. */
function matchingRows(caseDb: CaseDb, index: TextIndex, own: number[][], limit: number): number[] | null {
  const hit = new Uint8Array(index.maxRid + 1);
  for (let i = 0; i < index.columns.length; i++) {
    const c = index.columns[i]!;
    const ids = own[i]!;
    if (ids.length === 0) continue;
    if (c.codes) {
      const wanted = new Uint8Array(c.present.size + 1);
      for (const id of ids) wanted[c.codeOf!.get(id)!] = 1;
      const codes = c.codes;
      for (let rid = 0; rid < codes.length; rid++) if (wanted[codes[rid]!] === 1) hit[rid] = 1;
    } else {
      // the column's index lists the rows; reading more than `limit` of them says the match is broad
      const params: SqlValue[] = [];
      const where = inList(storedRef(c.col), ids, params);
      let n = 0;
      caseDb.forEach(`SELECT d.rid AS rid FROM signin_data d WHERE ${where} LIMIT ?`, [...params, limit + 1], { rid: NUM }, ({ rid }) => void ((hit[rid] = 1), n++));
      if (n > limit) return null;
    }
  }
  const rids: number[] = [];
  for (let rid = 0; rid < hit.length; rid++) {
    if (hit[rid] !== 1) continue;
    if (rids.length === limit) return null;
    rids.push(rid);
  }
  return rids;
}

/** Builds the search's in-memory part ahead of the first search (the engine calls it when a case opens or an import ends). */
export function warmTextSearch(caseDb: CaseDb): void {
  searchedStrings(caseDb, textIndex.get(caseDb));
}
