// The strip above the sign-ins grid: filter by tag, saved views, tagging the selection or the whole
// filter result, and pivoting from the selection.
import '../../styles/annotations.css';
import { useState } from 'react';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { Popover } from '../common/popover';
import { JobBar } from '../case/job-bar';
import { SavedViewsMenu } from '../case/saved-views-menu';
import { selectedRowCount } from '../../store/selection-slice';
import { runningJob } from '../../store/job-slice';
import { BulkTagDialog, type BulkScope } from './bulk-tag-dialog';
import { pivotSelection } from '../filters/pivot';
import { selectionTagScope, starSelection } from './selection-actions';
import { TagPicker } from './tag-picker';

export function GridToolbar() {
  const filter = useStore((s) => s.filter);
  const snapshot = useStore((s) => s.snapshot);
  const selectedCount = useStore(selectedRowCount);
  const job = useStore((s) => runningJob(s, 'annotate'));
  const [scope, setScope] = useState<BulkScope | null>(null);
  const s = useStore.getState();
  const tags = filter.tags ?? [];
  const matching = snapshot?.matching ?? 0;
  const toggleTag = (t: string) => s.setTagFilter(tags.includes(t) ? tags.filter((x) => x !== t) : [...tags, t]);

  return (
    <div className="grid-toolbar" data-testid="grid-toolbar">
      <Popover label={<>Filter by tag{tags.length ? ` (${tags.length})` : ''} ▾</>} className="btn small" testId="tag-filter">
        {() => <TagPicker selected={tags} onPick={toggleTag} title="Only sign-ins tagged with any of" allowNew={false} />}
      </Popover>
      <SavedViewsMenu />
      <span className="grow" />
      {job ? (
        <div className="grid-toolbar-job">
          <JobBar
            label={`Tagging ${formatCount(job.detail?.total ?? 0)} sign-ins`}
            detail={job.detail?.tags?.join(', ')}
            done={job.progress?.bytesDone ?? 0}
            total={job.jobId ? (job.progress?.bytesTotal ?? job.detail?.total ?? 0) : 0}
            jobId={job.jobId}
            testId="bulk-progress"
          />
        </div>
      ) : (
        <>
          <span className="muted small selection-count" data-testid="selection-count" aria-live="polite">
            {selectedCount > 1 ? `${formatCount(selectedCount)} selected` : ''}
          </span>
          <button
            className="btn small"
            disabled={selectedCount === 0}
            onClick={() => void selectionTagScope().then((sc) => sc && setScope(sc))}
            data-testid="tag-selection"
            title="Tag the sign-ins selected in the grid (click, Shift/Ctrl-click, Shift+arrows, Ctrl+A)"
            aria-label="Tag selection"
          >
            Tag…
          </button>
          <button
            className="btn small"
            disabled={selectedCount === 0}
            onClick={() => void starSelection(true)}
            data-testid="star-selection"
            title="Star the sign-ins selected in the grid"
            aria-label="Star selection"
          >
            ★ Star
          </button>
          <button
            className="btn small"
            disabled={selectedCount === 0}
            onClick={() => void starSelection(false)}
            data-testid="unstar-selection"
            title="Remove the star from the sign-ins selected in the grid"
            aria-label="Unstar selection"
          >
            ☆ Unstar
          </button>
          <button
            className="btn small"
            disabled={selectedCount === 0}
            onClick={() => void pivotSelection()}
            data-testid="pivot-selection"
            title="Pivot: every sign-in of the selection's users or IP addresses from its first sign-in onwards"
            aria-label="Pivot from selection"
          >
            Pivot
          </button>
          <button
            className="btn small"
            disabled={!snapshot || matching === 0}
            onClick={() => setScope({ kind: 'filter', filter, count: matching })}
            data-testid="tag-all"
            title="Tag every sign-in the current filter matches"
            aria-label={`Tag all ${formatCount(matching)} matching sign-ins`}
          >
            Tag all {formatCount(matching)}…
          </button>
        </>
      )}
      {scope && <BulkTagDialog scope={scope} onClose={() => setScope(null)} />}
    </div>
  );
}
