// A row virtualizer over a scroll area that may be taller than browsers allow (millions of rows):
// positions are scaled into the real scroll range (scaled-scroll.ts). Shared by every long list.
// Rows sit in one layer placed at the start of a block of BLOCK_ROWS rows and keep their offset
// inside it, so scrolling moves the layer (one style change) instead of every row: a row renders
// again only when the block changes. Scaled, the layer moves on every frame; rows still do not.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, type RefObject } from 'react';
import { createScaledScroll, patchMaxScrollOffset, realTop, scaledObserve, scaledScrollTo } from './scaled-scroll';

const BLOCK_ROWS = 1024;

export function useScaledVirtualizer(opts: { count: number; rowHeight: number; overscan: number; body: RefObject<HTMLDivElement | null> }) {
  const scaled = useRef(createScaledScroll()).current;
  scaled.total = opts.count * opts.rowHeight;
  const observe = useMemo(() => scaledObserve(scaled), [scaled]);
  const scrollTo = useMemo(() => scaledScrollTo(scaled), [scaled]);
  const virtualizer = useVirtualizer({
    count: opts.count,
    getScrollElement: () => opts.body.current,
    estimateSize: () => opts.rowHeight,
    overscan: opts.overscan,
    observeElementOffset: observe,
    scrollToFn: scrollTo,
  });
  patchMaxScrollOffset(virtualizer, scaled);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const block = first - (first % BLOCK_ROWS);
  return {
    scaled,
    virtualizer,
    items,
    first,
    last,
    /** Top of the row layer inside the scroll spacer, in real px. */
    layerTop: realTop(scaled, block * opts.rowHeight),
    /** A row's top inside the row layer. */
    rowTop: (index: number) => (index - block) * opts.rowHeight,
    /** GridRow's position props for the row at `index`. */
    place: (index: number) => ({ index, top: (index - block) * opts.rowHeight }),
  };
}
