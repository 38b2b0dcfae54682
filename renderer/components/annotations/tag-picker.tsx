// Choosing tags: the predefined ones, those already used in the case (with their counts), or a new
// one typed in (validated with the contract's own Tag schema).
import { useState } from 'react';
import { Tag } from '../../../shared/model/annotation';
import { useApi } from '../../actions/use-api';
import { TagChip } from './tag-chip';

interface TagPickerProps {
  /** Tags shown as chosen (multi-select pickers). */
  selected?: readonly string[];
  /** Tags not offered (already on the target). */
  exclude?: readonly string[];
  onPick(tag: string): void;
  title?: string;
  /** Offer typing a new tag (not when filtering: only existing tags can match). */
  allowNew?: boolean;
}

export function TagPicker({ selected = [], exclude = [], onPick, title = 'Add a tag', allowNew = true }: TagPickerProps) {
  const { data } = useApi('annotations.tags', {}, ['annotations']);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const counts = new Map((data?.used ?? []).map((u) => [u.tag, u.signins + u.others]));
  const offered = [...new Set([...(data?.predefined ?? []), ...(data?.used ?? []).map((u) => u.tag)])].filter((t) => !exclude.includes(t));

  const addTyped = () => {
    const parsed = Tag.safeParse(text);
    if (!parsed.success) {
      setError(text.trim() === '' ? 'Type a tag first.' : (parsed.error.issues[0]?.message ?? 'Not a valid tag.'));
      return;
    }
    setError(null);
    setText('');
    onPick(parsed.data);
  };
  return (
    <div className="tag-picker" data-testid="tag-picker">
      <div className="vp-title">{title}</div>
      <div className="tag-options">
        {offered.map((t) => (
          <TagChip key={t} tag={t} count={counts.get(t)} selected={selected.includes(t)} onClick={() => onPick(t)} />
        ))}
        {data && offered.length === 0 && <span className="muted small">{allowNew ? 'No other tag yet: type one below.' : 'No tag in this case yet.'}</span>}
      </div>
      {allowNew && (
        <div className="vp-typed">
          <input
            className={`input grow${error ? ' invalid' : ''}`}
            placeholder="New tag…"
            value={text}
            maxLength={64}
            aria-label="New tag"
            data-testid="tag-input"
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            onKeyDown={(e) => e.key === 'Enter' && addTyped()}
          />
          <button className="btn" onClick={addTyped} data-testid="tag-add">
            Add
          </button>
        </div>
      )}
      {error && <div className="error small">{error}</div>}
    </div>
  );
}
