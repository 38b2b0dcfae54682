// Rows of one snapshot, fetched by page for the visible window only and kept in a small LRU: the
// renderer never holds more than MAX_PAGES * PAGE_SIZE rows whatever the case size.
// Scrolling stays cheap: a row keeps the same object while its page is cached (memoized rows skip
// re-rendering), only MAX_INFLIGHT pages are requested at a time and always for the latest window,
// a window the scroll jumped to is fetched only once it stays put for SETTLE_MS (a scrollbar drag
// fetches where the thumb stops, not the windows it passes through: each of those would be drawn
// for a frame, cells and all, then thrown away), a page either side is fetched once the window is
// in unless the window jumped there, and the pages arriving within one frame cause one re-render.
import type { Res } from '../../../shared/api/contract';
import { fetchPage } from '../../actions/query';

export const PAGE_SIZE = 100;
const MAX_PAGES = 24;
const MAX_INFLIGHT = 2;
/** How long a window jumped to must stay before its pages are asked for (a few frames of a drag). */
export const SETTLE_MS = 50;

export interface LoadedRow {
  rid: number;
  cells: Array<string | number | null>;
}

export type PageLoader = (from: number, count: number) => Promise<Res<'query.page'>>;

/** Runs `fn` once before the next frame (soon, where there are no frames). */
export type Scheduler = (fn: () => void) => void;

/** Runs `fn` after `ms` unless cancelled by the function returned. */
export type Timer = (fn: () => void, ms: number) => () => void;

const timeout: Timer = (fn, ms) => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};

/** Before the next frame, or after FRAME_FALLBACK_MS where frames stop (a hidden window): whichever comes first. */
const FRAME_FALLBACK_MS = 100;
const nextFrame: Scheduler = (fn) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
  setTimeout(once, typeof requestAnimationFrame === 'function' ? FRAME_FALLBACK_MS : 0);
};

export class PageCache {
  private readonly pages = new Map<number, LoadedRow[]>();
  private readonly inflight = new Set<number>();
  private wanted: { first: number; last: number } | null = null;
  /** The window moved to rows it did not overlap: no neighbours until it moves by less. */
  private jumped = false;
  private notifyPending = false;
  /** Cancels the wait for a jumped-to window to settle, while one runs. */
  private cancelSettle: (() => void) | null = null;
  private disposed = false;
  private readonly fetchPage: PageLoader;

  constructor(
    readonly snapshotId: number,
    readonly columns: readonly string[],
    readonly rowCount: number,
    private readonly onLoaded: () => void,
    private readonly onError: (message: string) => void,
    loader?: PageLoader,
    private readonly schedule: Scheduler = nextFrame,
    private readonly timer: Timer = timeout,
  ) {
    this.fetchPage = loader ?? ((from, count) => fetchPage({ snapshotId, from, count, columns: [...columns] }));
  }

  /** The row at `index`: the same object for as long as its page stays cached. */
  row(index: number): LoadedRow | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** Loads the pages covering rows [first, last], touching them so they survive eviction. */
  ensure(first: number, last: number): void {
    if (this.rowCount === 0 || this.disposed) return;
    const before = this.wanted;
    this.jumped = before !== null && (first > before.last || last < before.first);
    this.wanted = { first, last };
    for (const p of this.visiblePages()) {
      const page = this.pages.get(p);
      if (page) {
        this.pages.delete(p);
        this.pages.set(p, page);
      }
    }
    this.cancelSettle?.();
    this.cancelSettle = null;
    if (!this.jumped) return this.pump();
    this.cancelSettle = this.timer(() => {
      this.cancelSettle = null;
      this.pump();
    }, SETTLE_MS);
  }

  /** Loads the page of one row outside the scrolled window (a keyboard jump), leaving the window as it is. */
  ensureRow(index: number): void {
    const p = Math.floor(index / PAGE_SIZE);
    if (index >= 0 && index < this.rowCount && !this.disposed && !this.pages.has(p) && !this.inflight.has(p)) void this.load(p);
  }

  dispose(): void {
    this.disposed = true;
    this.cancelSettle?.();
    this.pages.clear();
  }

  private visiblePages(): number[] {
    if (!this.wanted) return [];
    const from = Math.max(0, Math.floor(this.wanted.first / PAGE_SIZE));
    const to = Math.floor(Math.min(this.wanted.last, this.rowCount - 1) / PAGE_SIZE);
    const pages: number[] = [];
    for (let p = from; p <= to; p++) pages.push(p);
    return pages;
  }

  /** The visible pages first, then one either side, for as many requests as may run. */
  private pump(): void {
    const visible = this.visiblePages();
    if (visible.length === 0 || this.cancelSettle) return; // a request ending mid-drag asks for nothing new
    const lastPage = Math.floor((this.rowCount - 1) / PAGE_SIZE);
    const around = [visible[visible.length - 1]! + 1, visible[0]! - 1].filter((p) => p >= 0 && p <= lastPage);
    const missing = (p: number) => !this.pages.has(p) && !this.inflight.has(p);
    if (visible.some(missing) || visible.some((p) => this.inflight.has(p))) {
      for (const p of visible) if (missing(p) && this.inflight.size < MAX_INFLIGHT) void this.load(p);
      return; // neighbours only once the window itself is in
    }
    if (this.jumped) return;
    for (const p of around) if (missing(p) && this.inflight.size < MAX_INFLIGHT) void this.load(p);
  }

  private async load(p: number): Promise<void> {
    this.inflight.add(p);
    try {
      const from = p * PAGE_SIZE;
      const page = await this.fetchPage(from, Math.min(PAGE_SIZE, this.rowCount - from));
      if (this.disposed) return;
      this.pages.set(
        p,
        page.rows.map((cells, i) => ({ rid: page.rids[i]!, cells })),
      );
      const keep = new Set(this.visiblePages());
      for (const old of this.pages.keys()) {
        if (this.pages.size <= MAX_PAGES) break;
        if (!keep.has(old)) this.pages.delete(old);
      }
      this.announce();
    } catch (err) {
      if (!this.disposed) this.onError((err as Error).message);
    } finally {
      this.inflight.delete(p);
      if (!this.disposed) this.pump();
    }
  }

  private announce(): void {
    if (this.notifyPending) return;
    this.notifyPending = true;
    this.schedule(() => {
      this.notifyPending = false;
      if (!this.disposed) this.onLoaded();
    });
  }
}
