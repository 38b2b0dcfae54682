// The findings of the last runs, most severe first then in time order: one row per finding with its
// rule, specific title, time range, users, IPs, supporting sign-ins and the analyst's marks.
import type { Finding } from '../../../shared/model/detection';
import { formatCount } from '../../format/numbers';
import { formatDateTime } from '../../format/time';
import { useStore } from '../../store/store';
import { TagChip } from '../annotations/tag-chip';
import { SeverityBadge } from './severity';
import type { FindingMarks } from './use-detections-data';

interface FindingsListProps {
  findings: Finding[];
  ruleTitles: Map<string, string>;
  marks: Map<string, FindingMarks>;
  /** Rules whose findings were computed before sign-ins were added or removed. */
  staleRules: ReadonlySet<string>;
}

export function FindingsList({ findings, ruleTitles, marks, staleRules }: FindingsListProps) {
  const selected = useStore((s) => s.selectedFinding);
  const mode = useStore((s) => s.timeMode);
  const select = (id: number | undefined) => useStore.getState().selectFinding(id ?? null);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const at = findings.findIndex((f) => f.id === selected);
    const to = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : null;
    if (to === null || !findings[to]) return;
    e.preventDefault();
    select(findings[to]!.id);
    document.querySelector(`[data-finding-id="${findings[to]!.id}"]`)?.scrollIntoView({ block: 'nearest' });
  };
  return (
    <div className="table-wrap findings-wrap" tabIndex={0} onKeyDown={onKeyDown}>
      <table className="table findings-table" data-testid="findings-table">
        <thead>
          <tr>
            <th>Severity</th>
            <th>Finding</th>
            <th>Time range</th>
            <th>Users</th>
            <th>IP addresses</th>
            <th className="num">Sign-ins</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => {
            const m = marks.get(String(f.id));
            return (
              <tr key={f.id} data-finding-id={f.id} data-rule={f.ruleId} className={selected === f.id ? 'selected' : undefined} onClick={() => select(f.id)}>
                <td>
                  <SeverityBadge severity={f.severity} />
                </td>
                <td className="finding-cell">
                  <div className="finding-rule muted small">
                    {ruleTitles.get(f.ruleId) ?? f.ruleId}
                    {staleRules.has(f.ruleId) && (
                      <span className="badge warn tiny stale-mark" data-testid="finding-stale" title="Computed before sign-ins were added or removed: run detections again">
                        stale
                      </span>
                    )}
                    {m?.starred && (
                      <span className="star-mark" title="Starred">
                        {' '}
                        ★
                      </span>
                    )}
                    {m && m.notes > 0 && (
                      <span className="note-mark" title={`${m.notes} note(s)`}>
                        {' '}
                        ✎{m.notes}
                      </span>
                    )}
                  </div>
                  <div className="finding-title">{f.title}</div>
                  {m && m.tags.length > 0 && (
                    <div className="finding-tags">
                      {m.tags.map((t) => (
                        <TagChip key={t} tag={t} />
                      ))}
                    </div>
                  )}
                </td>
                <td className="mono small nowrap">
                  {formatDateTime(f.timeFrom, mode)}
                  <br />
                  <span className="muted">→ {formatDateTime(f.timeTo, mode)}</span>
                </td>
                <td className="clip-cell">{listText(f.users, Number(f.details.userCount ?? f.users.length))}</td>
                <td className="clip-cell mono small">{listText(f.ips, Number(f.details.ipCount ?? f.ips.length))}</td>
                <td className="num" data-testid="finding-count">
                  {formatCount(f.signinCount)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The first two values and how many more. */
export function listText(values: readonly string[], total: number): string {
  if (values.length === 0) return '—';
  const shown = values.slice(0, 2).join(', ');
  const more = Math.max(total, values.length) - Math.min(2, values.length);
  return more > 0 ? `${shown} +${formatCount(more)}` : shown;
}
