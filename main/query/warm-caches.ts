// The per-case query caches built ahead of the page's first requests, when a case opens and after each
// import (its "search-cache" phase). The engine answers one request at a time, so a cache built lazily
// by the first histogram or search delays every request queued behind it, a typed search's count
// included; each cache is keyed on CaseDb.version and rebuilt by its first use after a write.
import type { CaseDb } from '../db/case-db';
import { minuteRollup } from './minute-rollup';
import { warmSortOrder } from './row-order';
import { warmTextSearch } from './text-search';

export function warmQueryCaches(caseDb: CaseDb, signal?: AbortSignal): void {
  warmTextSearch(caseDb); // ~0.5 s per million sign-ins: the first free-text search's string index
  signal?.throwIfAborted();
  warmSortOrder(caseDb); // the sort tie-break's time order, for the first sort by another column
  signal?.throwIfAborted();
  minuteRollup(caseDb); // ~0.5 s per million: the unfiltered timeline, the page's first chart
}
