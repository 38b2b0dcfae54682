// The find bar over the grid (Ctrl+F): type to jump to the first match at or after the cursor;
// Enter / F3 next, Shift+Enter / Shift+F3 previous; Escape closes it and gives the grid the focus.
import '../../styles/grid-selection.css';
import { memo, useEffect, useRef } from 'react';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { findStep, useFind } from './find-state';

/** Memoized: the grid renders again on every scroll frame, the bar need not. */
export const FindBar = memo(function FindBar({ onDone }: { onDone: () => void }) {
  const open = useFind((s) => s.open);
  const text = useFind((s) => s.text);
  const result = useFind((s) => s.result);
  const busy = useFind((s) => s.busy);
  const error = useFind((s) => s.error);
  const focusToken = useFind((s) => s.focusToken);
  const snapshotId = useStore((s) => s.snapshot?.snapshotId);
  const columns = useStore((s) => s.columns);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open) input.current?.select();
  }, [open, focusToken]);
  // A new text, filter, sort or set of columns: search again from the cursor (debounced while typing).
  useEffect(() => {
    if (!open || !text.trim()) return;
    const timer = setTimeout(() => void findStep('next', true), 250);
    return () => clearTimeout(timer);
  }, [open, text, snapshotId, columns]);

  if (!open) return null;
  const status =
    error ?? (!text.trim() ? '' : busy && !result ? 'Searching…' : result ? (result.count === 0 ? 'No matches' : `${formatCount(result.ordinal ?? 0)} of ${formatCount(result.count)}`) : '');
  const close = () => {
    useFind.getState().close();
    onDone();
  };
  const step = (dir: 'next' | 'prev') => void findStep(dir);
  return (
    <div className="find-bar" role="search" aria-label="Find in the grid" data-testid="find-bar">
      <input
        ref={input}
        className="input find-input"
        type="text"
        placeholder="Find in the shown columns"
        aria-label="Find in the grid"
        data-testid="find-input"
        value={text}
        onChange={(e) => useFind.getState().setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'F3') {
            e.preventDefault();
            step(e.shiftKey ? 'prev' : 'next');
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            close();
          }
        }}
      />
      <span className={`find-count${result?.count === 0 || error ? ' none' : ''}`} data-testid="find-count" aria-live="polite">
        {status}
      </span>
      <button
        className="btn small icon"
        onClick={() => step('prev')}
        disabled={!result?.count}
        aria-label="Previous match (Shift+Enter)"
        title="Previous match (Shift+Enter, Shift+F3)"
        data-testid="find-prev"
      >
        ↑
      </button>
      <button className="btn small icon" onClick={() => step('next')} disabled={!result?.count} aria-label="Next match (Enter)" title="Next match (Enter, F3)" data-testid="find-next">
        ↓
      </button>
      <button className="btn small icon" onClick={close} aria-label="Close find (Escape)" title="Close (Escape)">
        ×
      </button>
    </div>
  );
});
