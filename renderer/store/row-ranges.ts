// A set of grid positions kept as sorted, disjoint, inclusive ranges: selecting a million rows is
// one range, not a million entries. Pure functions over immutable arrays (the store keeps them).
export type RowRange = readonly [first: number, last: number];
export type RowRanges = readonly RowRange[];

/** Sorts and merges overlapping or touching ranges; drops empty ones. */
export function normalize(ranges: Iterable<RowRange>): RowRange[] {
  const sorted = [...ranges].filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The range between two positions, whichever comes first. */
export function span(a: number, b: number): RowRange {
  return a <= b ? [a, b] : [b, a];
}

export function union(ranges: RowRanges, add: RowRange): RowRange[] {
  return normalize([...ranges, add]);
}

export function subtract(ranges: RowRanges, [lo, hi]: RowRange): RowRange[] {
  const out: RowRange[] = [];
  for (const [a, b] of ranges) {
    if (b < lo || a > hi) out.push([a, b]);
    else {
      if (a < lo) out.push([a, lo - 1]);
      if (b > hi) out.push([hi + 1, b]);
    }
  }
  return out;
}

export function contains(ranges: RowRanges, index: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const [a, b] = ranges[mid]!;
    if (index < a) hi = mid - 1;
    else if (index > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Adds the position if absent, removes it if present. */
export function toggle(ranges: RowRanges, index: number): RowRange[] {
  return contains(ranges, index) ? subtract(ranges, [index, index]) : union(ranges, [index, index]);
}

export function countRows(ranges: RowRanges): number {
  return ranges.reduce((n, [a, b]) => n + b - a + 1, 0);
}

/** Clips every range to [0, count - 1] (a shorter snapshot, or defensive bounds). */
export function clip(ranges: RowRanges, count: number): RowRange[] {
  return normalize(ranges.map(([a, b]) => [Math.max(0, a), Math.min(count - 1, b)] as RowRange));
}

/** Splits the ranges into consecutive chunks of at most `size` positions, in order (for paged fetches). */
export function* chunks(ranges: RowRanges, size: number): Generator<RowRange> {
  for (const [a, b] of ranges) for (let from = a; from <= b; from += size) yield [from, Math.min(b, from + size - 1)];
}
