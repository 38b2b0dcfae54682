// Browsers cap an element's height (~33.5 M px in Chromium), i.e. ~1.5 M rows of 22 px. Above a
// safe height the virtualizer works in "virtual" pixels and the real scrollbar is scaled down by
// `factor`; reading back the offset just written returns it exactly so that tanstack's scroll
// reconciliation (which compares within 1 px) settles.
import { elementScroll, observeElementOffset, type Virtualizer } from '@tanstack/react-virtual';

const MAX_REAL_HEIGHT = 15_000_000;

export interface ScaledScroll {
  factor: number;
  /** Last observed real scrollTop and the virtual offset reported for it. */
  lastReal: number;
  lastVirtual: number;
  written: { real: number; virtual: number } | null;
}

export function createScaledScroll(): ScaledScroll {
  return { factor: 1, lastReal: 0, lastVirtual: 0, written: null };
}

export function scaleFor(totalVirtualHeight: number): number {
  return Math.max(1, totalVirtualHeight / MAX_REAL_HEIGHT);
}

export function scaledObserve(state: ScaledScroll) {
  return (instance: Virtualizer<HTMLDivElement, Element>, cb: (offset: number, isScrolling: boolean) => void) =>
    observeElementOffset(instance, (real, isScrolling) => {
      const w = state.written;
      const virtual = w && Math.abs(w.real - real) < 1 ? w.virtual : real * state.factor;
      state.lastReal = real;
      state.lastVirtual = virtual;
      cb(virtual, isScrolling);
    });
}

export function scaledScrollTo(state: ScaledScroll) {
  return (offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: Virtualizer<HTMLDivElement, Element>) => {
    const virtual = offset + (options.adjustments ?? 0);
    const real = virtual / state.factor;
    state.written = { real, virtual };
    elementScroll(real, { behavior: options.behavior }, instance);
  };
}

/** Real top (px inside the scroll content) of a row whose virtual start is `start`. */
export function realTop(state: ScaledScroll, start: number): number {
  return state.factor === 1 ? start : state.lastReal + (start - state.lastVirtual);
}
