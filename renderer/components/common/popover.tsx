// A button that opens a panel below it; closes on outside click or Escape.
import { useEffect, useRef, useState, type ReactNode } from 'react';

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
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="popover-anchor" ref={ref}>
      <button className={`${className}${open ? ' active' : ''}`} title={title} data-testid={testId} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {label}
      </button>
      {open && <div className={`popover ${align}`}>{children(() => setOpen(false))}</div>}
    </div>
  );
}
