// The grouped grid's data: levels of groups fetched from `query.groups` (200 at a time), which groups
// are expanded, and for each expanded innermost group a snapshot of its sign-ins paged like the plain
// grid. The visible list is kept as segments (one line, or a run of a group's sign-ins), so a group of
// a million rows is one segment and the virtualizer maps a line number to it by binary search.
import type { SortKey, FilterSpec } from '../../../shared/model/filter-spec';
import { withGroupPath, type GroupValue } from '../../../shared/model/grouping';
import { PageCache } from './page-cache';
import { fetchGroups, takeSnapshot } from '../../actions/query';

const GROUP_PAGE = 200;

export type GroupLine =
  | { kind: 'group'; depth: number; path: GroupValue[]; count: number; expanded: boolean }
  | { kind: 'more'; depth: number; path: GroupValue[]; remaining: number }
  | { kind: 'note'; depth: number; text: string }
  | { kind: 'row'; depth: number; cache: PageCache; index: number };

interface Level {
  total: number;
  matching: number;
  values: GroupValue[];
  counts: number[];
  loading: boolean;
}

interface Leaf {
  cache: PageCache | null;
  error: string | null;
}

type Segment = { line: GroupLine } | { rows: PageCache; depth: number; count: number };

const keyOf = (path: readonly GroupValue[]) => JSON.stringify(path);

export class GroupTree {
  private readonly levels = new Map<string, Level>();
  private readonly leaves = new Map<string, Leaf>();
  private segments: Segment[] = [];
  private starts: number[] = [];
  private disposed = false;
  total = 0;

  constructor(
    private readonly filter: FilterSpec,
    readonly by: readonly string[],
    private readonly sort: readonly SortKey[],
    private readonly columns: readonly string[],
    /** Kept by the caller across trees so a new sort or column set keeps groups open. */
    private readonly expanded: Set<string>,
    private readonly onChange: () => void,
    private readonly onError: (message: string) => void,
  ) {
    void this.loadLevel([], 0);
    for (const key of expanded) {
      const path = JSON.parse(key) as GroupValue[];
      if (path.length === by.length) void this.openLeaf(path);
      else void this.loadLevel(path, 0);
    }
    this.rebuild(false); // built during the owner's render: no change to announce yet
  }

  /** Groups and sign-ins at the top level (null until loaded). */
  summary(): { groups: number; signins: number } | null {
    const top = this.levels.get(keyOf([]));
    return top && !top.loading ? { groups: top.total, signins: top.matching } : null;
  }

  line(index: number): GroupLine | undefined {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    const seg = this.segments[lo];
    if (!seg) return undefined;
    if ('line' in seg) return seg.line;
    return { kind: 'row', depth: seg.depth, cache: seg.rows, index: index - this.starts[lo]! };
  }

  /** Loads the sign-in pages of the visible lines. */
  ensureRows(first: number, last: number): void {
    for (let s = 0; s < this.segments.length; s++) {
      const seg = this.segments[s]!;
      if (!('rows' in seg)) continue;
      const from = Math.max(first, this.starts[s]!) - this.starts[s]!;
      const to = Math.min(last, this.starts[s]! + seg.count - 1) - this.starts[s]!;
      if (to >= from) seg.rows.ensure(from, to);
    }
  }

  toggle(path: GroupValue[]): void {
    const key = keyOf(path);
    if (this.expanded.has(key)) {
      for (const k of [...this.expanded]) if (k === key || k.startsWith(key.slice(0, -1) + ',')) this.expanded.delete(k); // and everything inside
    } else {
      this.expanded.add(key);
      if (path.length === this.by.length) void this.openLeaf(path);
      else if (!this.levels.has(key)) void this.loadLevel(path, 0);
    }
    this.rebuild();
  }

  more(path: GroupValue[]): void {
    const level = this.levels.get(keyOf(path));
    if (level && !level.loading) void this.loadLevel(path, level.values.length);
  }

  dispose(): void {
    this.disposed = true;
    for (const leaf of this.leaves.values()) leaf.cache?.dispose();
  }

  private async loadLevel(path: GroupValue[], offset: number): Promise<void> {
    const key = keyOf(path);
    const level = this.levels.get(key) ?? { total: 0, matching: 0, values: [], counts: [], loading: true };
    level.loading = true;
    this.levels.set(key, level);
    try {
      const res = await fetchGroups({ filter: this.filter, by: [...this.by], path, offset, limit: GROUP_PAGE });
      if (this.disposed) return;
      level.total = res.total;
      level.matching = res.matching;
      level.values.push(...res.rows.map((r) => r.value));
      level.counts.push(...res.rows.map((r) => r.count));
    } catch (err) {
      if (!this.disposed) this.onError((err as Error).message);
    } finally {
      level.loading = false;
      if (!this.disposed) this.rebuild();
    }
  }

  private async openLeaf(path: GroupValue[]): Promise<void> {
    const key = keyOf(path);
    if (this.leaves.has(key)) return;
    const leaf: Leaf = { cache: null, error: null };
    this.leaves.set(key, leaf);
    try {
      const snap = await takeSnapshot({ filter: withGroupPath(this.filter, this.by, path), sort: [...this.sort] });
      if (this.disposed) return;
      leaf.cache = new PageCache(snap.snapshotId, this.columns, snap.matching, this.onChange, this.onError);
    } catch (err) {
      leaf.error = (err as Error).message;
    }
    if (!this.disposed) this.rebuild();
  }

  private rebuild(announce = true): void {
    const segments: Segment[] = [];
    const visit = (path: GroupValue[]) => {
      const depth = path.length;
      const level = this.levels.get(keyOf(path));
      if (!level || (level.loading && level.values.length === 0)) return void segments.push({ line: { kind: 'note', depth, text: 'Loading groups…' } });
      level.values.forEach((value, i) => {
        const child = [...path, value];
        const expanded = this.expanded.has(keyOf(child));
        segments.push({ line: { kind: 'group', depth, path: child, count: level.counts[i]!, expanded } });
        if (!expanded) return;
        if (child.length < this.by.length) return visit(child);
        const leaf = this.leaves.get(keyOf(child));
        if (leaf?.cache) segments.push({ rows: leaf.cache, depth: depth + 1, count: leaf.cache.rowCount });
        else segments.push({ line: { kind: 'note', depth: depth + 1, text: leaf?.error ?? 'Loading sign-ins…' } });
      });
      if (level.values.length < level.total) segments.push({ line: { kind: 'more', depth, path, remaining: level.total - level.values.length } });
    };
    visit([]);
    const starts: number[] = [];
    let at = 0;
    for (const seg of segments) {
      starts.push(at);
      at += 'rows' in seg ? seg.count : 1;
    }
    this.segments = segments;
    this.starts = starts;
    this.total = at;
    if (announce) this.onChange();
  }
}
