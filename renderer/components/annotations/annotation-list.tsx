// Everything noted in the case, newest first: target, tag / note / star, author, time. A row opens
// its target (the sign-in in the grid, the user's or IP's sign-ins, the finding).
import { useState } from 'react';
import type { AnnotationItem } from '../../../shared/model/annotation';
import { attempt } from '../../actions/attempt';
import { useApi } from '../../actions/use-api';
import { statusClass } from '../../format/cells';
import { formatDateTime, toMs } from '../../format/time';
import { useStore } from '../../store/store';
import { useAnnotationsView } from './annotations-state';
import { jumpToTarget } from './jump-to-target';
import { PAGE_SIZE, Pager } from './pager';
import { TagChip } from './tag-chip';

const TYPE_LABELS = { signin: 'Sign-in', user: 'User', ip: 'IP', finding: 'Finding', session: 'Session' } as const;

export function AnnotationList() {
  const { kind, targetType, tag } = useAnnotationsView();
  const [offset, setOffset] = useState(0);
  const req = { limit: PAGE_SIZE, offset, ...(kind ? { kind } : {}), ...(targetType ? { targetType } : {}), ...(tag ? { tag } : {}) };
  const { data, error } = useApi('annotations.list', req, ['annotations']);
  if (error) return <div className="error pad">{error}</div>;
  const items = data?.items ?? [];
  return (
    <div className="table-wrap grow-table annot-wrap" tabIndex={0} role="region" aria-label="Annotations">
      <table className="table annot-table" data-testid="annotations-table">
        <thead>
          <tr>
            <th>Target</th>
            <th>Annotation</th>
            <th>Author</th>
            <th>Time</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className="clickable" onClick={() => void attempt(() => jumpToTarget(item.target))} title="Open what this is about" data-kind={item.kind}>
              <td className="annot-target">
                <TargetCell item={item} />
              </td>
              <td className="annot-body">
                {item.kind === 'tag' && item.tag && <TagChip tag={item.tag} />}
                {item.kind === 'star' && <span className="star-mark">★ starred</span>}
                {item.kind === 'note' && <span className="annot-note-text">{item.note}</span>}
              </td>
              <td className="nowrap">{item.author}</td>
              <td className="mono small nowrap">
                <CreatedAt ms={item.createdMs} />
              </td>
            </tr>
          ))}
          {data && items.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                {kind || targetType || tag ? 'Nothing matches these filters.' : 'Nothing noted yet. Tag, star or write a note on a sign-in (details pane), a user, an IP address or a finding.'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {data && <Pager offset={offset} shown={items.length} total={data.total} onOffset={setOffset} />}
    </div>
  );
}

function CreatedAt({ ms }: { ms: number }) {
  const mode = useStore((s) => s.timeMode);
  return <>{formatDateTime(ms, mode)}</>;
}

function TargetCell({ item }: { item: AnnotationItem }) {
  const mode = useStore((s) => s.timeMode);
  const t = item.target;
  const type = <span className={`badge target-${t.type}`}>{TYPE_LABELS[t.type]}</span>;
  if (t.type !== 'signin') {
    return (
      <>
        {type}
        <span className={t.type === 'ip' || t.type === 'session' ? 'mono' : undefined}>{t.type === 'finding' ? `#${t.key}` : t.key}</span>
      </>
    );
  }
  const s = item.signin;
  if (!s)
    return (
      <>
        {type}
        <span className="muted">#{t.rid} (not in this case)</span>
      </>
    );
  const at = toMs(s.createdAt);
  return (
    <>
      {type}
      <span className={`dot ${statusClass(s.status)}`} title={s.status ?? ''} /> <span className="mono small">{at !== null ? formatDateTime(at, mode) : ''}</span> <span>{s.user ?? ''}</span>{' '}
      <span className="mono small muted">{s.ip ?? ''}</span> <span className="muted small">{s.app ?? ''}</span>
    </>
  );
}
