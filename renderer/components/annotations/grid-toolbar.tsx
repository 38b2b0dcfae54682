// The strip above the sign-ins grid: the filters that the filter bar does not draw (a finding's or a
// session's sign-ins, tags), filter by tag, saved views, and tagging the selection or the filter result.
import '../../styles/annotations.css';
import { useState } from 'react';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { Popover } from '../common/popover';
import { JobBar } from '../case/job-bar';
import { SavedViewsMenu } from '../case/saved-views-menu';
import { BulkTagDialog, type BulkScope } from './bulk-tag-dialog';
import { TagChip } from './tag-chip';
import { TagPicker } from './tag-picker';

export function GridToolbar() {
  const filter = useStore((s) => s.filter);
  const ridsLabel = useStore((s) => s.ridsFilterLabel);
  const snapshot = useStore((s) => s.snapshot);
  const selected = useStore((s) => s.selected);
  const job = useStore((s) => s.bulkTagJob);
  const [scope, setScope] = useState<BulkScope | null>(null);
  const s = useStore.getState();
  const tags = filter.tags ?? [];
  const matching = snapshot?.matching ?? 0;
  const toggleTag = (t: string) => s.setTagFilter(tags.includes(t) ? tags.filter((x) => x !== t) : [...tags, t]);
  const clearRids = () => {
    const next = { ...filter };
    delete next.rids;
    useStore.setState({ filter: next, ridsFilterLabel: null });
  };

  return (
    <div className="grid-toolbar" data-testid="grid-toolbar">
      {filter.rids && (
        <span className="chip static rids-chip" data-testid="rids-chip" title="The grid shows exactly these sign-ins">
          <span className="chip-field">Only</span>{' '}
          <span className="chip-value">{ridsLabel?.rids === filter.rids ? ridsLabel.label : `${formatCount(filter.rids.length)} listed sign-ins`}</span>
          <span className="chip-x" role="button" aria-label="Remove the sign-in list filter" onClick={clearRids}>
            ×
          </span>
        </span>
      )}
      {tags.length > 0 && (
        <span className="chip static" data-testid="tag-filter-chip">
          <span className="chip-field">Tag</span> <span className="chip-op">{tags.length > 1 ? 'is any of' : 'is'}</span> <span className="chip-value">{tags.join(', ')}</span>
          <span className="chip-x" role="button" aria-label="Remove the tag filter" onClick={() => s.setTagFilter([])}>
            ×
          </span>
        </span>
      )}
      <Popover label={<>Filter by tag{tags.length ? ` (${tags.length})` : ''} ▾</>} className="btn small" testId="tag-filter">
        {() => <TagPicker selected={tags} onPick={toggleTag} title="Only sign-ins tagged with any of" allowNew={false} />}
      </Popover>
      <SavedViewsMenu />
      <span className="grow" />
      {job ? (
        <div className="grid-toolbar-job">
          <JobBar label={`Tagging ${formatCount(job.total)} sign-ins`} detail={job.tags.join(', ')} done={job.done} total={job.jobId ? job.total : 0} jobId={job.jobId} testId="bulk-progress" />
        </div>
      ) : (
        <>
          <button className="btn small" disabled={selected?.rid == null} onClick={() => selected?.rid != null && setScope({ kind: 'selection', rids: [selected.rid] })} data-testid="tag-selection" title="Tag the sign-in selected in the grid">
            Tag selection…
          </button>
          <button className="btn small" disabled={!snapshot || matching === 0} onClick={() => setScope({ kind: 'filter', filter, count: matching })} data-testid="tag-all" title="Tag every sign-in the current filter matches">
            Tag all {formatCount(matching)} matching…
          </button>
        </>
      )}
      {scope && <BulkTagDialog scope={scope} onClose={() => setScope(null)} />}
    </div>
  );
}
