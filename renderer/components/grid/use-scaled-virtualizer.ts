// A row virtualizer over a scroll area that may be taller than browsers allow (millions of rows):
// positions are scaled into the real scroll range (scaled-scroll.ts). Shared by every long list.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, type RefObject } from 'react';
import { createScaledScroll, patchMaxScrollOffset, scaledObserve, scaledScrollTo } from './scaled-scroll';

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
  return { scaled, virtualizer, items, first: items[0]?.index ?? 0, last: items[items.length - 1]?.index ?? -1 };
}
