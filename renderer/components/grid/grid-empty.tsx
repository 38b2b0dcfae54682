import { memo } from 'react';
import { useStore } from '../../store/store';
import { IMPORT_BAR_KINDS, runningJob } from '../../store/job-slice';

/** What the grid says when it has no rows: still loading, an empty case, or nothing matching. */
export const GridEmpty = memo(function GridEmpty() {
  const snapshot = useStore((s) => s.snapshot);
  const error = useStore((s) => s.snapshotError);
  const job = useStore((s) => runningJob(s, ...IMPORT_BAR_KINDS));
  if (error) return <div className="grid-empty error">Query failed: {error}</div>;
  if (!snapshot) return <div className="grid-empty">Loading…</div>;
  if (snapshot.matching > 0) return null;
  if (snapshot.total === 0) {
    return (
      <div className="grid-empty">
        <p>{job ? 'Importing…' : 'This case has no sign-ins yet.'}</p>
        {!job && (
          <button className="btn primary" onClick={() => useStore.getState().setOpenDialog(true)}>
            Open evidence files…
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="grid-empty">
      <p>No sign-in matches the current filters.</p>
      <button className="btn" onClick={() => useStore.getState().clearFilters()}>
        Clear all filters
      </button>
    </div>
  );
});
