// Rows of one snapshot, fetched by page for the visible window only and kept in a small LRU: the
// renderer never holds more than MAX_PAGES * PAGE_SIZE rows whatever the case size.
import type { Res } from '../../../shared/api/contract';
import { api } from '../../api/client';

export const PAGE_SIZE = 100;
const MAX_PAGES = 24;

type Page = Res<'query.page'>;

export interface LoadedRow {
  rid: number;
  cells: Array<string | number | null>;
}

export class PageCache {
  private readonly pages = new Map<number, Page>();
  private readonly inflight = new Set<number>();
  private disposed = false;

  constructor(
    readonly snapshotId: number,
    readonly columns: readonly string[],
    readonly rowCount: number,
    private readonly onLoaded: () => void,
    private readonly onError: (message: string) => void,
  ) {}

  row(index: number): LoadedRow | undefined {
    const page = this.pages.get(Math.floor(index / PAGE_SIZE));
    if (!page) return undefined;
    const at = index % PAGE_SIZE;
    const cells = page.rows[at];
    const rid = page.rids[at];
    return cells && rid !== undefined ? { rid, cells } : undefined;
  }

  /** Loads the pages covering rows [first, last], touching them so they survive eviction. */
  ensure(first: number, last: number): void {
    if (this.rowCount === 0) return;
    const lastPage = Math.floor(Math.min(last, this.rowCount - 1) / PAGE_SIZE);
    for (let p = Math.max(0, Math.floor(first / PAGE_SIZE)); p <= lastPage; p++) {
      const page = this.pages.get(p);
      if (page) {
        this.pages.delete(p);
        this.pages.set(p, page);
      } else if (!this.inflight.has(p)) void this.load(p);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.pages.clear();
  }

  private async load(p: number): Promise<void> {
    this.inflight.add(p);
    try {
      const from = p * PAGE_SIZE;
      const count = Math.min(PAGE_SIZE, this.rowCount - from);
      const page = await api().call('query.page', { snapshotId: this.snapshotId, from, count, columns: [...this.columns] });
      if (this.disposed) return;
      this.pages.set(p, page);
      while (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
      this.onLoaded();
    } catch (err) {
      if (!this.disposed) this.onError((err as Error).message);
    } finally {
      this.inflight.delete(p);
    }
  }
}
