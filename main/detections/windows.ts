// Fixed time windows as Sentinel's bin(): count rows per (key, window) in SQL and keep the windows
// that cross the thresholds. Two phases (bins shifted by half a window) so a burst split by a bin
// edge is still seen; flagged windows of one key that touch are merged into one interval.
import type { CaseDb } from '../db/case-db';
import { NUM, type SqlParams } from '../db/row-spec';

export interface WindowQuery {
  /** Grouping column of signin_data (an indexed dict id, or asn). */
  key: 'ip_address_k' | 'user_principal_name_k' | 'asn' | 'app_id_k';
  /** Row filter; built from constants and numbers only. */
  where: string;
  params?: SqlParams;
  windowMs: number;
  minCount?: number;
  /** Column whose distinct values per window must reach `minDistinct`. */
  distinct?: string;
  minDistinct?: number;
}

export interface FlaggedWindow {
  key: number;
  from: number; // inclusive
  to: number; // exclusive
}

export function flaggedWindows(db: CaseDb, q: WindowQuery): FlaggedWindow[] {
  // `+key` keeps SQLite from walking the key's index (the whole table, a row lookup each) instead of
  // using the filter's own index (status_code): 5 s against 20 ms on a million rows.
  const w = Math.max(1, Math.round(q.windowMs));
  const raw: FlaggedWindow[] = [];
  for (const offset of [0, Math.floor(w / 2)]) {
    const rows = db.rows(
      `SELECT ${q.key} AS key, (created_ms + ?) / ? AS bin FROM signin_data
       WHERE +${q.key} IS NOT NULL AND (${q.where})
       GROUP BY +${q.key}, bin
       HAVING count(*) >= ? AND count(DISTINCT ${q.distinct ?? 'rid'}) >= ?`,
      [offset, w, ...(q.params ?? []), q.minCount ?? 1, q.minDistinct ?? 0],
      { key: NUM, bin: NUM },
    );
    for (const { key, bin } of rows) raw.push({ key, from: bin * w - offset, to: (bin + 1) * w - offset });
  }
  return mergeWindows(raw);
}

/** Overlapping or touching windows of the same key become one. */
export function mergeWindows(windows: readonly FlaggedWindow[]): FlaggedWindow[] {
  const sorted = [...windows].sort((a, b) => a.key - b.key || a.from - b.from);
  const out: FlaggedWindow[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && last.key === w.key && w.from <= last.to) last.to = Math.max(last.to, w.to);
    else out.push({ ...w });
  }
  return out;
}

/**
 * Sliding windows over one entity's sorted event times (already filtered in SQL, so small): index
 * ranges [first, last] where at least `minCount` events fall within `windowMs`, overlapping ranges merged.
 */
export function slidingBursts(times: readonly number[], windowMs: number, minCount: number): [number, number][] {
  const runs: [number, number][] = [];
  let left = 0;
  for (let right = 0; right < times.length; right++) {
    while (times[right]! - times[left]! > windowMs) left++;
    if (right - left + 1 < minCount) continue;
    const last = runs[runs.length - 1];
    if (last && left <= last[1]) last[1] = right;
    else runs.push([left, right]);
  }
  return runs;
}
