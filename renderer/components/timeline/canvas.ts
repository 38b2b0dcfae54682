// Canvas helpers shared by the histogram and the swimlanes: HiDPI sizing and theme colours (read
// from CSS variables so the canvas follows the stylesheet).
import { useEffect, useRef, useState } from 'react';

export function useElementWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Settle before re-querying: a window drag-resize fires many observations.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ro = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setWidth(Math.floor(el.clientWidth)), 120);
    });
    ro.observe(el);
    setWidth(Math.floor(el.clientWidth));
    return () => {
      clearTimeout(timer);
      ro.disconnect();
    };
  }, []);
  return [ref, width];
}

/** Sizes the canvas for the device pixel ratio and returns a context scaled to CSS pixels. */
export function prepareCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(width * dpr));
  canvas.height = Math.max(1, Math.round(height * dpr));
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

export interface Palette {
  success: string;
  failure: string;
  interrupted: string;
  other: string;
  axis: string;
  grid: string;
  text: string;
  brush: string;
  font: string;
}

export function palette(el: Element): Palette {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    success: v('--c-success'),
    failure: v('--c-failure'),
    interrupted: v('--c-interrupted'),
    other: v('--c-other'),
    axis: v('--c-border-strong'),
    grid: v('--c-border'),
    text: v('--c-text-muted'),
    brush: v('--c-accent'),
    font: `11px ${v('--font-ui')}`,
  };
}
