// Tagging or untagging a whole filter result: one INSERT … SELECT (or DELETE) per slice of rids, so
// a million-row result runs as a job with progress and cancellation between slices. A cancelled run
// is recorded as what it did: the filter up to the last finished slice (`maxRid`).
import type { CaseDb } from '../db/case-db';
import { NUM_NULL } from '../db/row-spec';
import { recordTagActivity, type TagOp } from './ops';
import { changeTags, type TagChange } from './tag-scope';

/** A filter result larger than this is not tagged (a tag on everything says nothing). */
export const MAX_BULK_ROWS = 1_000_000;
/** Results up to this size are tagged within the call; larger ones as a job. */
export const INLINE_BULK_ROWS = 50_000;
const SLICE_RIDS = 100_000;

export type FilterTagOp = TagOp & { scope: Extract<TagOp['scope'], { maxRid: number }> };

export interface SliceOptions {
  /** Rows the filter matched when the job started (reported as `matched`). */
  matched?: number;
  signal?: AbortSignal | undefined;
  onProgress?: ((ridsDone: number, ridsTotal: number, result: TagChange) => void) | undefined;
  sliceRids?: number;
}

export async function applyFilterTagInSlices(caseDb: CaseDb, op: FilterTagOp, opts: SliceOptions = {}): Promise<{ op: FilterTagOp; result: TagChange }> {
  const minRid = caseDb.value('SELECT min(rid) FROM signin_data', [], NUM_NULL) ?? 1;
  const { maxRid } = op.scope;
  const slice = opts.sliceRids ?? SLICE_RIDS;
  const result: TagChange = { matched: opts.matched ?? 0, changed: 0 };
  let done = minRid - 1;
  while (done < maxRid && !opts.signal?.aborted) {
    const hi = Math.min(done + slice, maxRid);
    result.changed += changeTags(caseDb, op.type, op.scope, op.tags, op, [done + 1, hi]).changed;
    done = hi;
    opts.onProgress?.(done - minRid + 1, maxRid - minRid + 1, result);
    await new Promise((resolve) => setImmediate(resolve)); // let other requests (and Cancel) in
  }
  const performed: FilterTagOp = { ...op, scope: { ...op.scope, maxRid: done } };
  recordTagActivity(caseDb, performed, result);
  return { op: performed, result };
}
