// Materialized result sets: the ordered row ids of a filter + sort, paged by position. The grid
// scrolls through millions of rows while each page is one small indexed lookup.
import { sortKeys, type FilterSpec, type SortSpec } from '../../shared/model/filter-spec';
import { isAnnotationColumn } from '../../shared/model/grid-columns';
import type { CaseDb } from '../db/case-db';
import { NUM, type Cell, type SqlValue } from '../db/row-spec';
import { annotationCells } from './annotation-columns';
import { resolveGridColumn } from './column-ref';
import { notFound } from './errors';
import { orderedRids } from './row-order';
import { inList } from './sql-list';

interface Snapshot {
  caseDb: CaseDb;
  rids: Int32Array;
  key: string | null;
}

export interface SnapshotInfo {
  snapshotId: number;
  matching: number;
  total: number;
  ms: number;
}

export interface PageRows {
  rows: Cell[][];
  rids: number[];
}

const MAX_SNAPSHOTS = 8;
const MAX_TOTAL_ROWS = 40_000_000; // ~160 MB of row ids across all kept snapshots

export class SnapshotStore {
  private readonly snapshots = new Map<number, Snapshot>(); // in order of last use
  private nextId = 1;

  create(caseDb: CaseDb, filter: FilterSpec, sortSpec: SortSpec): SnapshotInfo {
    const started = performance.now();
    const sort = sortKeys(sortSpec);
    sort.forEach((k) => resolveGridColumn(k.column));
    const total = caseDb.value('SELECT count(*) FROM signin_data', [], NUM) ?? 0;
    // Going back to a recent view (clearing a filter, re-sorting) reuses its rows: rows are only ever
    // appended, so the same filter over the same row count gives the same result. Tags and stars can
    // change without new rows, so filters and sorts on them are always recomputed.
    const marks = filter.tags?.length || filter.conditions.some((c) => isAnnotationColumn(c.column)) || sort.some((k) => isAnnotationColumn(k.column));
    const key = marks ? null : `${total}|${JSON.stringify(sort)}|${JSON.stringify(filter)}`;
    for (const [id, snap] of this.snapshots) {
      if (key !== null && snap.key === key && snap.caseDb === caseDb) {
        this.touch(id, snap);
        return { snapshotId: id, matching: snap.rids.length, total, ms: Math.round(performance.now() - started) };
      }
    }
    const rids = orderedRids(caseDb, sort, filter, total);
    const snapshotId = this.nextId++;
    this.snapshots.set(snapshotId, { caseDb, rids, key });
    this.evict();
    return { snapshotId, matching: rids.length, total, ms: Math.round(performance.now() - started) };
  }

  private touch(id: number, snap: Snapshot): void {
    this.snapshots.delete(id);
    this.snapshots.set(id, snap); // most recently used
  }

  /** Rows at positions [from, from + count) in the requested column order. */
  page(caseDb: CaseDb, snapshotId: number, from: number, count: number, columns: readonly string[]): PageRows {
    const snap = this.snapshots.get(snapshotId);
    if (!snap || snap.caseDb !== caseDb) throw notFound(`snapshot ${snapshotId} has expired; query again`);
    this.touch(snapshotId, snap);
    const cols = columns.map(resolveGridColumn);
    const wanted = Array.from(snap.rids.subarray(from, from + count));
    if (wanted.length === 0) return { rows: [], rids: [] };
    const params: SqlValue[] = [];
    const select = ['rid', ...cols.map((c) => (isAnnotationColumn(c.key) ? 'NULL' : `"${c.key}"`))].join(', ');
    const byRid = new Map<number, Cell[]>();
    // The fast path: arrays, not objects, since the page is posted across threads as arrays anyway.
    for (const [rid, ...cells] of caseDb.cellRows(`SELECT ${select} FROM signins WHERE ${inList('rid', wanted, params)}`, params, cols.length + 1)) byRid.set(Number(rid), cells);
    const present = wanted.filter((rid) => byRid.has(rid)); // rows deleted since the snapshot drop out
    cols.forEach((c, i) => {
      if (!isAnnotationColumn(c.key)) return;
      const cells = annotationCells(caseDb, c.key, present);
      for (const rid of present) byRid.get(rid)![i] = cells.get(rid) ?? null;
    });
    return { rows: present.map((rid) => byRid.get(rid)!), rids: present };
  }

  /** The snapshot's ordered row ids (read-only: callers must not change them). */
  rids(caseDb: CaseDb, snapshotId: number): Int32Array {
    const snap = this.snapshots.get(snapshotId);
    if (!snap || snap.caseDb !== caseDb) throw notFound(`snapshot ${snapshotId} has expired; query again`);
    this.touch(snapshotId, snap);
    return snap.rids;
  }

  has(snapshotId: number): boolean {
    return this.snapshots.has(snapshotId);
  }

  clear(): void {
    this.snapshots.clear();
  }

  private evict(): void {
    let rows = 0;
    for (const s of this.snapshots.values()) rows += s.rids.length;
    for (const [id, s] of this.snapshots) {
      if (this.snapshots.size <= 1 || (this.snapshots.size <= MAX_SNAPSHOTS && rows <= MAX_TOTAL_ROWS)) break;
      this.snapshots.delete(id);
      rows -= s.rids.length;
    }
  }
}
