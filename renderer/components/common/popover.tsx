// A button that opens a panel below it; closes on outside click or Escape.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useDismiss } from './use-dismiss';

interface PopoverProps {
  label: ReactNode;
  title?: string;
  className?: string;
  align?: 'left' | 'right';
  testId?: string;
  children: (close: () => void) => ReactNode;
}

export function Popover({ label, title, className = 'btn', align = 'left', testId, children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);
  return (
    <div className="popover-anchor" ref={ref}>
      <button className={`${className}${open ? ' active' : ''}`} title={title} data-testid={testId} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {label}
      </button>
      {open && <div className={`popover ${align}`}>{children(() => setOpen(false))}</div>}
    </div>
  );
}
