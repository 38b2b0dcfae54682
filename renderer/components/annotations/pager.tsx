// "201–400 of 5,432 ‹ ›" under a paged list.
import { formatCount } from '../../format/numbers';

export const PAGE_SIZE = 200;

export function Pager({ offset, shown, total, onOffset }: { offset: number; shown: number; total: number; onOffset(offset: number): void }) {
  if (total <= PAGE_SIZE && offset === 0) return null;
  return (
    <div className="list-more">
      <span className="muted small">
        {formatCount(shown ? offset + 1 : 0)}–{formatCount(offset + shown)} of {formatCount(total)}
      </span>
      <button className="btn small" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - PAGE_SIZE))} aria-label="Previous page">
        ‹ Newer
      </button>
      <button className="btn small" disabled={offset + shown >= total} onClick={() => onOffset(offset + PAGE_SIZE)} aria-label="Next page">
        Older ›
      </button>
    </div>
  );
}
