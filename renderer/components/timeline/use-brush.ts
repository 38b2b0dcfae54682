// Drag across a timeline canvas to select a time range; releasing sets the filter's time range.
import { useRef, useState } from 'react';
import { tOf, type TimeScale } from './axis';

export interface BrushState {
  x0: number;
  x1: number;
}

export function useBrush(scale: TimeScale | null, onRange: (from: number, to: number) => void) {
  const [brush, setBrush] = useState<BrushState | null>(null);
  const start = useRef<number | null>(null);
  const clampX = (x: number) => (scale ? Math.max(scale.left, Math.min(scale.left + scale.width, x)) : x);
  const localX = (e: React.PointerEvent<HTMLElement>) => e.clientX - e.currentTarget.getBoundingClientRect().left;
  const handlers = {
    onPointerDown(e: React.PointerEvent<HTMLElement>) {
      if (!scale || e.button !== 0) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      start.current = clampX(localX(e));
      setBrush({ x0: start.current, x1: start.current });
    },
    onPointerMove(e: React.PointerEvent<HTMLElement>) {
      if (start.current === null) return;
      setBrush({ x0: start.current, x1: clampX(localX(e)) });
    },
    onPointerUp(e: React.PointerEvent<HTMLElement>) {
      if (start.current === null || !scale) return;
      const a = start.current;
      const b = clampX(localX(e));
      start.current = null;
      setBrush(null);
      if (Math.abs(b - a) < 4) return; // a click, not a brush
      onRange(tOf(scale, Math.min(a, b)), tOf(scale, Math.max(a, b)));
    },
  };
  return { brush, handlers };
}
