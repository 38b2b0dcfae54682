// Decodes a swimlane's cells from the contract's compact tuples.
// ASSUMPTION until main/query/timeline.ts lands: [bucketIndex, success, failure] with the rest of
// the bucket's sign-ins (interrupted/other) not carried.
export interface LaneCell {
  bucket: number;
  success: number;
  failure: number;
  other: number;
}

export function laneCells(cells: ReadonlyArray<readonly [number, number, number]>): LaneCell[] {
  return cells.map(([bucket, success, failure]) => ({ bucket, success, failure, other: 0 }));
}
