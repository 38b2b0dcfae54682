// The bars of the rows whose page is still loading, one element per run of such rows, behind the
// rows themselves (which stay, empty and transparent, for selection, striping and the mouse). A
// scrollbar drag lands every frame on unfetched rows: a dozen gradients per row cost more style
// recalculation and paint than the rest of the frame, one tiled background per run does not.
import type { CSSProperties } from 'react';

export interface LoadingRun {
  /** Index of the run's first row. */
  first: number;
  count: number;
}

/** The runs of consecutive indexes (ascending, as a virtualizer lists them) that are not loaded. */
export function loadingRuns(indexes: readonly number[], loaded: (index: number) => boolean): LoadingRun[] {
  const runs: LoadingRun[] = [];
  let run: LoadingRun | null = null;
  for (const index of indexes) {
    if (loaded(index)) run = null;
    else if (run && run.first + run.count === index) run.count++;
    else runs.push((run = { first: index, count: 1 }));
  }
  return runs;
}

interface Props {
  runs: readonly LoadingRun[];
  /** A row's top inside the row layer (useScaledVirtualizer's rowTop). */
  rowTop: (index: number) => number;
  rowHeight: number;
  width: number;
  /** placeholderBars(widths, indent, rowHeight): bars that tile row after row. */
  bars: CSSProperties;
}

export function LoadingBands({ runs, rowTop, rowHeight, width, bars }: Props) {
  return runs.map((run, i) => (
    // Keyed by position: while the runs move, the same elements only change place and height.
    <div key={i} className="loading-band" aria-hidden style={{ transform: `translateY(${rowTop(run.first)}px)`, height: run.count * rowHeight, width, ...bars }} />
  ));
}
