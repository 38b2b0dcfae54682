// The scrolling body of a virtual list: keeps the column header aligned when scrolled sideways and
// holds the spacer that gives the scrollbar its (scaled) full height.
import type { KeyboardEvent, ReactNode, RefObject } from 'react';

interface Props {
  bodyRef: RefObject<HTMLDivElement | null>;
  headerRef: RefObject<HTMLDivElement | null>;
  height: number;
  width: number;
  onKeyDown?: (e: KeyboardEvent<HTMLDivElement>) => void;
  testId?: string;
  /** ARIA role of the scrolling body (`rowgroup` inside a grid). */
  role?: string;
  children: ReactNode;
  /** Content inside the scroll area but after the rows (an empty-state message). */
  after?: ReactNode;
}

export function ScrollBody({ bodyRef, headerRef, height, width, onKeyDown, testId, role, children, after }: Props) {
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
        {children}
      </div>
      {after}
    </div>
  );
}
