// The bars of the rows whose page is still loading, one element per run of such rows, behind the
// rows themselves (which stay, empty and transparent, for selection, striping and the mouse). A
// scrollbar drag lands every frame on unfetched rows: a dozen gradients per row cost more style
// recalculation and paint than the rest of the frame, one tiled background per run does not.
import type { CSSProperties } from 'react';

export interface LoadingRun {
  /** Index of the run's first row. */
  first: number;
  count: number;
  /** What its rows look like (loadingAs), the same for every row of the run. */
  look: number;
}

/**
 * The runs of consecutive indexes (ascending, as a virtualizer lists them) whose rows are loading.
 * `loadingAs`: undefined for a row that is not loading, else its look (a nesting depth: rows drawn
 * with different bars make different runs).
 */
export function loadingRuns(indexes: readonly number[], loadingAs: (index: number) => number | undefined): LoadingRun[] {
  const runs: LoadingRun[] = [];
  let run: LoadingRun | null = null;
  for (const index of indexes) {
    const look = loadingAs(index);
    if (look === undefined) run = null;
    else if (run && run.first + run.count === index && run.look === look) run.count++;
    else runs.push((run = { first: index, count: 1, look }));
  }
  return runs;
}

interface Props {
  runs: readonly LoadingRun[];
  /** A row's top inside the row layer (useScaledVirtualizer's rowTop). */
  rowTop: (index: number) => number;
  rowHeight: number;
  width: number;
  /** The bars for a run's look: placeholderBars(widths, indent, rowHeight), which tile row after row. */
  bars: (look: number) => CSSProperties;
}

export function LoadingBands({ runs, rowTop, rowHeight, width, bars }: Props) {
  return runs.map((run, i) => (
    // Keyed by position: while the runs move, the same elements only change place and height.
    <div key={i} className="loading-band" aria-hidden style={{ transform: `translateY(${rowTop(run.first)}px)`, height: run.count * rowHeight, width, ...bars(run.look) }} />
  ));
}
