// The Annotations tab: everything noted in the case (filterable by kind, target and tag; a row opens
// its target) and the append-only activity log.
import '../../styles/annotations.css';
import { ANNOTATION_KINDS, TARGET_TYPES, type AnnotationKind, type TargetType } from '../../../shared/model/annotation';
import { CASE_PARTS } from '../../../shared/api/contract';
import { useApi } from '../../actions/use-api';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { ActivityList } from './activity-list';
import { AnnotationList } from './annotation-list';
import { useAnnotationsView } from './annotations-state';
import { TagChip } from './tag-chip';

const KIND_LABELS: Record<AnnotationKind, string> = { tag: 'Tags', note: 'Notes', star: 'Stars' };
const TARGET_LABELS: Record<TargetType, string> = { signin: 'Sign-ins', session: 'Sessions', user: 'Users', ip: 'IP addresses', finding: 'Findings' };

export function AnnotationsView() {
  const view = useAnnotationsView();
  const all = useApi('annotations.list', { limit: 1 }, ['annotations']);
  const activity = useApi('activity.list', { limit: 1 }, CASE_PARTS); // every change is logged
  const tags = useApi('annotations.tags', {}, ['annotations']);
  const showTagInGrid = (tag: string) => {
    const s = useStore.getState();
    s.setTagFilter([tag]);
    s.setView('signins');
  };
  return (
    <div className="annotations-view" data-testid="annotations-view">
      <div className="det-toolbar">
        <div className="segmented small" role="group" aria-label="Show">
          <button className={view.mode === 'annotations' ? 'on' : ''} onClick={() => view.set({ mode: 'annotations' })} data-testid="mode-annotations">
            Annotations <span className="tab-count">{formatCount(all.data?.total ?? 0)}</span>
          </button>
          <button className={view.mode === 'activity' ? 'on' : ''} onClick={() => view.set({ mode: 'activity' })} data-testid="mode-activity">
            Activity log <span className="tab-count">{formatCount(activity.data?.total ?? 0)}</span>
          </button>
        </div>
        {view.mode === 'annotations' && (
          <>
            <label className="det-filter">
              <span className="muted small">Kind</span>
              <select className="input" value={view.kind ?? ''} onChange={(e) => view.set({ kind: (e.target.value || null) as AnnotationKind | null })} data-testid="annot-kind">
                <option value="">All kinds</option>
                {ANNOTATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
            <label className="det-filter">
              <span className="muted small">On</span>
              <select className="input" value={view.targetType ?? ''} onChange={(e) => view.set({ targetType: (e.target.value || null) as TargetType | null })} data-testid="annot-target">
                <option value="">Anything</option>
                {TARGET_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {TARGET_LABELS[t]}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
      </div>
      {view.mode === 'annotations' ? (
        <>
          <div className="annot-filters" data-testid="tags-in-use">
            <span className="muted small">Tags in use</span>
            {tags.data?.used.map((u) => (
              <TagChip key={u.tag} tag={u.tag} count={u.signins + u.others} selected={view.tag === u.tag} onClick={() => view.set({ tag: view.tag === u.tag ? null : u.tag })} />
            ))}
            {tags.data?.used.length === 0 && <span className="muted small">none yet</span>}
            <span className="grow" />
            {view.tag && (
              <button className="btn small" onClick={() => showTagInGrid(view.tag!)} data-testid="tag-in-grid">
                Show sign-ins tagged {view.tag} in the grid
              </button>
            )}
          </div>
          <AnnotationList key={`${view.kind}|${view.targetType}|${view.tag}`} />
        </>
      ) : (
        <ActivityList />
      )}
    </div>
  );
}
