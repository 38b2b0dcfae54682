// A tag as a small coloured chip; predefined tags keep one colour everywhere (list, grid toolbar, details).
import { PREDEFINED_TAGS } from '../../../shared/model/annotation';

const PREDEFINED = new Set<string>(PREDEFINED_TAGS);

export function tagClass(tag: string): string {
  return PREDEFINED.has(tag) ? `tag-${tag.toLowerCase()}` : 'tag-custom';
}

interface TagChipProps {
  tag: string;
  onRemove?: () => void;
  onClick?: () => void;
  selected?: boolean;
  count?: number;
}

export function TagChip({ tag, onRemove, onClick, selected, count }: TagChipProps) {
  const cls = `tag-chip ${tagClass(tag)}${selected ? ' selected' : ''}${onClick ? ' clickable' : ''}`;
  const body = (
    <>
      <span className="tag-text">{tag}</span>
      {count !== undefined && <span className="tag-count">{count}</span>}
    </>
  );
  return (
    <span className={cls} data-tag={tag}>
      {onClick ? (
        <button type="button" className="tag-hit" onClick={onClick} aria-pressed={selected}>
          {body}
        </button>
      ) : (
        body
      )}
      {onRemove && (
        <button type="button" className="tag-x" aria-label={`Remove tag ${tag}`} title="Remove this tag" onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  );
}
