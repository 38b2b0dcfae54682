// Tag (or untag) many sign-ins at once: the grid's selection or every sign-in the current filter
// matches. Large sets need an explicit confirmation; the backend runs big ones as a job.
import { useState } from 'react';
import type { FilterSpec } from '../../../shared/model/filter-spec';
import { bulkTag } from '../../actions/annotations';
import { attempt } from '../../actions/attempt';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { Modal } from '../evidence/modal';
import { TagChip } from './tag-chip';
import { TagPicker } from './tag-picker';

export type BulkScope = { kind: 'selection'; rids: number[] } | { kind: 'filter'; filter: FilterSpec; count: number };

/** Above this many sign-ins the analyst confirms explicitly. */
export const CONFIRM_ABOVE = 1000;

export function BulkTagDialog({ scope, onClose }: { scope: BulkScope; onClose: () => void }) {
  const [tags, setTags] = useState<string[]>([]);
  const [untag, setUntag] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const count = scope.kind === 'selection' ? scope.rids.length : scope.count;
  const needsConfirm = count > CONFIRM_ABOVE;
  const ready = tags.length > 0 && count > 0 && (!needsConfirm || confirmed);
  const toggle = (t: string) => setTags((ts) => (ts.includes(t) ? ts.filter((x) => x !== t) : [...ts, t].slice(0, 16)));
  const verb = untag ? 'Remove' : 'Tag';

  const submit = () => {
    if (!ready) return;
    onClose();
    void attempt(() => applyBulkTags(scope, tags, untag, count));
  };
  return (
    <Modal title={scope.kind === 'selection' ? `Tag the selected sign-in${count === 1 ? '' : 's'}` : 'Tag every matching sign-in'} testId="bulk-tag-dialog" onClose={onClose}>
      <div className="dialog-body">
        <p className="bulk-scope">
          {scope.kind === 'selection' ? (
            <>
              <strong>{formatCount(count)}</strong> sign-in{count === 1 ? '' : 's'} selected in the grid.
            </>
          ) : (
            <>
              <strong>{formatCount(count)}</strong> sign-in{count === 1 ? '' : 's'} match the current filter.
            </>
          )}
        </p>
        <div className="segmented small" role="group" aria-label="Add or remove">
          <button className={untag ? '' : 'on'} onClick={() => setUntag(false)}>
            Add tags
          </button>
          <button className={untag ? 'on' : ''} onClick={() => setUntag(true)} data-testid="bulk-untag">
            Remove tags
          </button>
        </div>
        <TagPicker selected={tags} onPick={toggle} title={untag ? 'Tags to remove' : 'Tags to add'} />
        <div className="bulk-chosen">
          <span className="muted small">Chosen:</span>
          {tags.length === 0 ? <span className="muted small">none yet</span> : tags.map((t) => <TagChip key={t} tag={t} onRemove={() => toggle(t)} />)}
        </div>
        {needsConfirm && (
          <label className="check-row bulk-confirm">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="bulk-confirm" />
            <span>
              Yes, {untag ? 'remove these tags from' : 'tag'} all {formatCount(count)} sign-ins
            </span>
          </label>
        )}
      </div>
      <footer className="modal-foot">
        <span className="muted small">Every change is written to the case's activity log.</span>
        <span className="grow" />
        <button className="btn" onClick={onClose}>
          Cancel
        </button>
        <button className="btn primary" disabled={!ready} onClick={submit} data-testid="bulk-apply">
          {verb} {formatCount(count)} sign-in{count === 1 ? '' : 's'}
        </button>
      </footer>
    </Modal>
  );
}

async function applyBulkTags(scope: BulkScope, tags: string[], untag: boolean, count: number): Promise<void> {
  const result = await bulkTag(scope.kind === 'selection' ? { rids: scope.rids } : { filter: scope.filter }, tags, untag, count);
  const list = tags.join(', ');
  const what = untag ? `Removed ${list} from` : `Tagged`;
  const tail = untag ? '' : ` with ${list}`;
  const partial = result.cancelled ? ' (cancelled part-way: the sign-ins done so far keep the change)' : '';
  const delta = `${formatCount(result.changed)} tag${result.changed === 1 ? '' : 's'} ${untag ? 'removed' : 'added'}`;
  useStore.getState().notify('info', `${what} ${formatCount(result.matched)} sign-in${result.matched === 1 ? '' : 's'}${tail} (${delta})${partial}.`);
}
