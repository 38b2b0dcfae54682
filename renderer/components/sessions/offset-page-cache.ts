// Items of a long server-side list fetched by page for the visible window only (position paging)
// and kept in a small LRU: the renderer holds at most maxPages * pageSize items, whatever the total.
export type PageLoader<T> = (offset: number, limit: number) => Promise<T[]>;

export class OffsetPageCache<T> {
  private readonly pages = new Map<number, T[]>();
  private readonly inflight = new Set<number>();
  private disposed = false;

  constructor(
    private readonly load: PageLoader<T>,
    readonly total: number,
    private readonly onLoaded: () => void,
    private readonly onError: (message: string) => void,
    readonly pageSize = 100,
    private readonly maxPages = 20,
  ) {}

  /** Seeds a page already fetched (the first page comes with the total). */
  seed(offset: number, items: T[]): void {
    if (offset % this.pageSize === 0) this.pages.set(offset / this.pageSize, items);
  }

  item(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Loads the pages covering [first, last], touching loaded ones so they survive eviction. */
  ensure(first: number, last: number): void {
    if (this.total === 0) return;
    const lastPage = Math.floor(Math.min(last, this.total - 1) / this.pageSize);
    for (let p = Math.max(0, Math.floor(first / this.pageSize)); p <= lastPage; p++) {
      const page = this.pages.get(p);
      if (page) {
        this.pages.delete(p);
        this.pages.set(p, page);
      } else if (!this.inflight.has(p)) void this.fetch(p);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.pages.clear();
  }

  private async fetch(p: number): Promise<void> {
    this.inflight.add(p);
    try {
      const items = await this.load(p * this.pageSize, this.pageSize);
      if (this.disposed) return;
      this.pages.set(p, items);
      while (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value!);
      this.onLoaded();
    } catch (err) {
      if (!this.disposed) this.onError((err as Error).message);
    } finally {
      this.inflight.delete(p);
    }
  }
}
