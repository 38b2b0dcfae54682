// Star, tags and notes of one target (a sign-in, user, IP or finding), editable in place.
import { useState } from 'react';
import type { AnnotationTarget } from '../../../shared/model/annotation';
import { LIMITS } from '../../../shared/api/limits';
import { attempt } from '../../actions/attempt';
import { formatDateTime } from '../../format/time';
import { useStore } from '../../store/store';
import { Popover } from '../common/popover';
import { addNote, deleteNote, setStarred, tagTarget, untagTarget } from '../../actions/annotations';
import { TagChip } from './tag-chip';
import { TagPicker } from './tag-picker';
import { useTargetMarks } from './use-target-marks';

export function TargetAnnotator({ target, testId }: { target: AnnotationTarget; testId?: string }) {
  const mode = useStore((s) => s.timeMode);
  const { marks, error } = useTargetMarks(target);
  const [draft, setDraft] = useState<string | null>(null);
  if (!marks) return <div className="annotator muted small">{error ?? 'Loading annotations…'}</div>;

  const saveNote = async () => {
    const text = draft?.trim() ?? '';
    if (!text) return;
    const saved = await attempt(async () => {
      await addNote(target, text);
      return true;
    });
    if (saved) setDraft(null);
  };
  return (
    <div className="annotator" data-testid={testId}>
      <div className="annot-row">
        <button
          className={`star-btn${marks.starred ? ' on' : ''}`}
          aria-pressed={marks.starred}
          aria-label="Star"
          title={marks.starred ? 'Remove the star' : 'Star: mark as important'}
          data-testid="star-toggle"
          onClick={() => void attempt(() => setStarred(target, !marks.starred))}
        >
          {marks.starred ? '★' : '☆'}
        </button>
        {marks.tags.map((t) => (
          <TagChip key={t} tag={t} onRemove={() => void attempt(() => untagTarget(target, [t]))} />
        ))}
        <Popover label="+ Tag" className="btn small" testId="add-tag">
          {(close) => (
            <TagPicker
              exclude={marks.tags}
              onPick={(t) => {
                close();
                void attempt(() => tagTarget(target, [t]));
              }}
            />
          )}
        </Popover>
        {draft === null && (
          <button className="btn small" onClick={() => setDraft('')} data-testid="add-note">
            + Note
          </button>
        )}
      </div>
      {draft !== null && (
        <div className="annot-note-edit">
          <textarea
            className="input note-input"
            autoFocus
            rows={3}
            maxLength={LIMITS.maxText}
            placeholder="What you found, what to check next…"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void saveNote();
              if (e.key === 'Escape') setDraft(null);
            }}
            data-testid="note-input"
          />
          <div className="annot-note-actions">
            <span className="muted small">Ctrl+Enter to save</span>
            <span className="grow" />
            <button className="btn small" onClick={() => setDraft(null)}>
              Cancel
            </button>
            <button className="btn small primary" disabled={!draft.trim()} onClick={() => void saveNote()} data-testid="note-save">
              Save note
            </button>
          </div>
        </div>
      )}
      {marks.notes.map((n) => (
        <div className="annot-note" key={n.uid ?? n.id}>
          <div className="annot-note-text">{n.note}</div>
          <div className="annot-note-meta muted small">
            {n.author} · {formatDateTime(n.createdMs, mode)}
            {n.uid && (
              <button className="btn link small" onClick={() => void attempt(() => deleteNote(n.uid!))}>
                delete
              </button>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
