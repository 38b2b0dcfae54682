// The scrolling body of a virtual list: keeps the column header aligned when scrolled sideways and
// holds the spacer that gives the scrollbar its (scaled) full height, and the layer the rows sit in.
import type { KeyboardEvent, ReactNode, RefObject } from 'react';

interface Props {
  bodyRef: RefObject<HTMLDivElement | null>;
  headerRef: RefObject<HTMLDivElement | null>;
  height: number;
  width: number;
  /** Where the row layer sits inside the spacer (useScaledVirtualizer's layerTop); 0 for rows placed by their own real top. */
  layerTop?: number;
  onKeyDown?: (e: KeyboardEvent<HTMLDivElement>) => void;
  testId?: string;
  /** ARIA role of the scrolling body (`rowgroup` inside a grid). */
  role?: string;
  children: ReactNode;
  /** Content inside the scroll area but after the rows (an empty-state message). */
  after?: ReactNode;
}

export function ScrollBody({ bodyRef, headerRef, height, width, layerTop = 0, onKeyDown, testId, role, children, after }: Props) {
  return (
    <div
      className="grid-body"
      ref={bodyRef}
      tabIndex={0}
      role={role}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onScroll={(e) => {
        if (headerRef.current) headerRef.current.scrollLeft = e.currentTarget.scrollLeft;
      }}
    >
      <div className="grid-spacer" style={{ height, width }}>
        <div className="grid-rows" style={{ transform: `translateY(${layerTop}px)` }}>
          {children}
        </div>
      </div>
      {after}
    </div>
  );
}
