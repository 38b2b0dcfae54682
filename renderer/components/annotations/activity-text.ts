// One activity-log entry in words. `details` is JSON written by the backend (and may quote log
// text): it is read field by field, defensively, and only ever rendered as text.
import type { AnnotationTarget } from '../../../shared/model/annotation';
import { formatCount } from '../../format/numbers';
import { describeTarget } from './describe-target';

type Details = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function targetText(v: unknown): string | null {
  if (!v || typeof v !== 'object') return null;
  const t = v as { type?: unknown; rid?: unknown; key?: unknown };
  if (t.type === 'signin' && typeof t.rid === 'number') return describeTarget({ type: 'signin', rid: t.rid });
  if (typeof t.type === 'string' && typeof t.key === 'string') return describeTarget({ type: t.type, key: t.key } as AnnotationTarget);
  return null;
}

function scopeText(d: Details): string {
  const target = targetText(d.target);
  if (target) return target;
  const selection = num(d.selection);
  if (selection !== null) return `${formatCount(selection)} selected sign-in${selection === 1 ? '' : 's'}`;
  const matched = num(d.matched);
  return d.filter ? `${matched !== null ? formatCount(matched) : 'the'} sign-ins of a filter` : 'sign-ins';
}

export function describeActivity(action: string, raw: unknown): string {
  const d: Details = raw && typeof raw === 'object' ? (raw as Details) : {};
  const tags = Array.isArray(d.tags) ? d.tags.filter((t): t is string => typeof t === 'string').join(', ') : '';
  const changed = num(d.changed);
  switch (action) {
    case 'annotate':
      if (typeof d.starred === 'boolean') return `${d.starred ? 'Starred' : 'Unstarred'} ${targetText(d.target) ?? (num(d.selection) !== null ? scopeText(d) : 'a target')}`;
      return `Tagged ${scopeText(d)} with ${tags}${changed !== null ? ` (${formatCount(changed)} added)` : ''}`;
    case 'untag':
      return `Removed ${tags} from ${scopeText(d)}${changed !== null ? ` (${formatCount(changed)} removed)` : ''}`;
    case 'note':
      if (d.deleted !== undefined) return d.deleted ? 'Deleted a note' : 'Tried to delete a note already gone';
      return `Note on ${targetText(d.target) ?? 'a target'}: ${str(d.text) ?? ''}`;
    case 'view':
      if (d.deleted !== undefined) return 'Deleted a saved view';
      return `Saved the view "${str(d.name) ?? ''}"`;
    case 'export':
      return `Exported ${num(d.rows) !== null ? formatCount(num(d.rows)!) : ''} rows as ${String(d.format ?? '').toUpperCase()} to ${str(d.path) ?? '?'}`;
    case 'report':
      return `Wrote the HTML report ${str(d.path) ?? ''}`;
    case 'save':
      return `Saved the case to ${str(d.path) ?? '?'}`;
    case 'open':
      return d.demo ? 'Opened the demo case' : d.recovered ? `Opened the unsaved case ${String(d.recovered)} from the recovery folder` : `Opened ${str(d.path) ?? 'the case'}`;
    case 'recover':
      return `Recovered ${formatCount(num(d.annotations) ?? 0)} annotation change${num(d.annotations) === 1 ? '' : 's'} from the journal (${formatCount(num(d.entries) ?? 0)} entries${num(d.failed) ? `, ${formatCount(num(d.failed)!)} failed` : ''})`;
    default:
      return JSON.stringify(raw ?? null).slice(0, 300);
  }
}
