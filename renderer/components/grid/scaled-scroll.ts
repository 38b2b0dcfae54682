// Browsers cap an element's height (~33.5 M px in Chromium), i.e. ~1.5 M rows of 22 px. Above a
// safe height the spacer is capped and the virtualizer works in "virtual" pixels: the real scroll
// range [0, real - viewport] maps linearly onto the virtual range [0, total - viewport], so both
// ends line up exactly. Reading back the offset just written returns it unchanged, so tanstack's
// scroll reconciliation (which compares within 1 px) settles.
import { elementScroll, observeElementOffset, type Virtualizer } from '@tanstack/react-virtual';

export const MAX_REAL_HEIGHT = 15_000_000;

export interface ScaledScroll {
  /** Virtual content height (rows × row height). */
  total: number;
  lastReal: number;
  lastVirtual: number;
  written: { real: number; virtual: number } | null;
}

export function createScaledScroll(): ScaledScroll {
  return { total: 0, lastReal: 0, lastVirtual: 0, written: null };
}

/** Height of the real spacer element. */
export function realHeight(state: ScaledScroll): number {
  return Math.min(state.total, MAX_REAL_HEIGHT);
}

/** Virtual pixels per real pixel of scrolling, for a viewport of `viewport` px. */
export function scrollFactor(state: ScaledScroll, viewport: number): number {
  if (state.total <= MAX_REAL_HEIGHT) return 1;
  return Math.max(1, (state.total - viewport) / Math.max(1, MAX_REAL_HEIGHT - viewport));
}

type Instance = Virtualizer<HTMLDivElement, Element>;
const viewportOf = (instance: Instance) => instance.scrollElement?.clientHeight ?? 0;

export function scaledObserve(state: ScaledScroll) {
  return (instance: Instance, cb: (offset: number, isScrolling: boolean) => void) =>
    observeElementOffset(instance, (real, isScrolling) => {
      const w = state.written;
      const virtual = w && Math.abs(w.real - real) < 1 ? w.virtual : real * scrollFactor(state, viewportOf(instance));
      state.lastReal = real;
      state.lastVirtual = virtual;
      cb(virtual, isScrolling);
    });
}

export function scaledScrollTo(state: ScaledScroll) {
  return (offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: Instance) => {
    const virtual = offset + (options.adjustments ?? 0);
    const real = virtual / scrollFactor(state, viewportOf(instance));
    state.written = { real, virtual };
    elementScroll(real, { behavior: options.behavior }, instance);
  };
}

/** Real top (px inside the spacer) of a row whose virtual start is `start`. */
export function realTop(state: ScaledScroll, start: number): number {
  return state.total <= MAX_REAL_HEIGHT ? start : state.lastReal + (start - state.lastVirtual);
}

/**
 * tanstack clamps scroll targets to the element's own scrollHeight, which is the capped real
 * height: report the virtual maximum instead. `_elementMaxScrollOffset` is internal to
 * virtual-core 3.14 (pinned in package-lock); if it ever disappears, only jumps to the very end of
 * a huge (> MAX_REAL_HEIGHT) grid fall short.
 */
export function patchMaxScrollOffset(instance: Instance, state: ScaledScroll): void {
  const target = instance as unknown as { _elementMaxScrollOffset?: () => number | null; __scaledPatched?: boolean };
  if (typeof target._elementMaxScrollOffset !== 'function' || target.__scaledPatched) return;
  const original = target._elementMaxScrollOffset.bind(instance);
  target._elementMaxScrollOffset = () => {
    if (state.total <= MAX_REAL_HEIGHT) return original();
    const el = instance.scrollElement;
    return el ? Math.max(0, state.total - el.clientHeight) : null;
  };
  target.__scaledPatched = true;
}
