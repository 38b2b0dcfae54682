// Decodes a swimlane's sparse cells `[bucketIndex, successes, failures]` (main/query/timeline.ts): a
// cell exists for every bucket with any sign-in, so a cell with neither is interrupted/other only.
export interface LaneCell {
  bucket: number;
  success: number;
  failure: number;
  /** 1 when the bucket holds only interrupted or other sign-ins (their count is not carried). */
  other: number;
}

export function laneCells(cells: ReadonlyArray<readonly [number, number, number]>): LaneCell[] {
  return cells.map(([bucket, success, failure]) => ({ bucket, success, failure, other: success + failure === 0 ? 1 : 0 }));
}
