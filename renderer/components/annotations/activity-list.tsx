// The case's append-only activity log, newest first: who did what and when.
import { useState } from 'react';
import { ACTIVITY_ACTIONS, type ActivityAction } from '../../../shared/model/annotation';
import { CASE_PARTS } from '../../../shared/api/contract';
import { useApi } from '../../actions/use-api';
import { formatDateTime } from '../../format/time';
import { useStore } from '../../store/store';
import { describeActivity } from './activity-text';
import { PAGE_SIZE, Pager } from './pager';

export function ActivityList() {
  const mode = useStore((s) => s.timeMode);
  const [action, setAction] = useState<ActivityAction | null>(null);
  const [offset, setOffset] = useState(0);
  const { data, error } = useApi('activity.list', { limit: PAGE_SIZE, offset, ...(action ? { action } : {}) }, CASE_PARTS);
  return (
    <>
      <div className="annot-filters">
        <label className="det-filter">
          <span className="muted small">Action</span>
          <select
            className="input"
            value={action ?? ''}
            onChange={(e) => {
              setAction((e.target.value || null) as ActivityAction | null);
              setOffset(0);
            }}
          >
            <option value="">All actions</option>
            {ACTIVITY_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small">Append-only: entries cannot be edited or removed.</span>
      </div>
      {error && <div className="error pad">{error}</div>}
      <div className="table-wrap grow-table annot-wrap" tabIndex={0} role="region" aria-label="Activity log">
        <table className="table activity-table" data-testid="activity-table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Author</th>
              <th>Action</th>
              <th>What</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((e) => (
              <tr key={e.id}>
                <td className="mono small nowrap">{formatDateTime(Date.parse(e.time), mode)}</td>
                <td className="nowrap">{e.author}</td>
                <td>
                  <span className={`badge action-${e.action}`}>{e.action}</span>
                </td>
                <td className="activity-what">{describeActivity(e.action, e.details)}</td>
              </tr>
            ))}
            {data?.items.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  No activity recorded yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {data && <Pager offset={offset} shown={data.items.length} total={data.total} onOffset={setOffset} />}
      </div>
    </>
  );
}
