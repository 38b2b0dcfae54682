// The open session: outcome, user, times, flags, the authentication sequence, where it came from,
// its sign-ins, and the sessions linked to it by session id / token.
import type { ReactNode } from 'react';
import type { SessionSummary } from '../../../shared/model/session';
import { LIMITS } from '../../../shared/api/limits';
import { useApi } from '../../actions/use-api';
import { statusClass } from '../../format/cells';
import { formatCount } from '../../format/numbers';
import { formatDateTime, formatDuration } from '../../format/time';
import { useStore } from '../../store/store';
import { AuthStepChips } from './auth-step-chips';
import { listText } from './session-columns';
import { FlagBadges } from './session-flags';
import { SessionRows } from './session-rows';
import { useSessionView } from './session-state';
import { showCorrelationIdsInGrid } from './show-in-grid';
import { pivotTo } from '../filters/pivot';
import { useDisplayNames } from './use-display-names';

export function SessionDetail({ sessionNo }: { sessionNo: number | null }) {
  const mode = useStore((s) => s.timeMode);
  const { data, error, loading } = useApi('sessions.get', sessionNo === null ? null : { sessionNo }, ['sessions']);
  const current = data && data.session.sessionNo === sessionNo ? data.session : null;
  const names = useDisplayNames(current ? { column: 'correlation_id', op: 'in', values: [current.correlationId] } : null);
  if (sessionNo === null) {
    return (
      <aside className="details empty session-detail" aria-label="Session details">
        <p className="muted">Select a session to see its sign-ins.</p>
        <p className="muted small">A session is every sign-in sharing one correlation id · ↑ ↓ move the selection</p>
      </aside>
    );
  }
  if (!data || !current) {
    return <aside className="details session-detail pad muted">{loading ? 'Loading…' : (error ?? '')}</aside>;
  }
  const s = data.session;
  const linkedIds = [s.correlationId, ...data.linked.map((l) => l.correlationId)];
  return (
    <aside className="details session-detail" aria-label="Session details" data-testid="session-detail">
      <header className="details-head">
        <div className="dh-title">
          <span className={`status-pill ${statusClass(s.finalStatus)}`}>{s.finalStatus || 'Unknown'}</span>
          <span className="dh-user" data-testid="session-user">
            {names.length > 0 ? names.join(', ') : s.user || '(no user)'}
            {names.length > 0 && s.user && <span className="muted dh-upn"> {s.user}</span>}
          </span>
          {s.users > 1 && <span className="badge bad">{s.users} users</span>}
        </div>
        <div className="dh-sub muted mono">
          {formatDateTime(s.firstMs, mode, true)} → {formatDateTime(s.lastMs, mode, true)} · {s.durationMs ? formatDuration(s.durationMs) : 'single instant'}
        </div>
        <div className="sd-actions">
          <button
            className="btn primary small"
            data-testid="session-show-in-grid"
            onClick={() => showCorrelationIdsInGrid([s.correlationId])}
            title="Filter the grid to this session's sign-ins and open the Sign-ins tab"
          >
            Show in grid
          </button>
          <button
            className="btn small"
            data-testid="session-pivot"
            onClick={() => pivotTo({ users: s.user ? [s.user] : [], ips: s.ips, timeFrom: s.firstMs }, `session ${s.correlationId.slice(0, 8)}…`)}
            title="Every sign-in of this session's user or IP addresses from its start onwards"
          >
            Pivot: user &amp; IPs from here
          </button>
          {data.linked.length > 0 && (
            <>
              <button
                className="btn small"
                onClick={() => showCorrelationIdsInGrid(linkedIds)}
                disabled={linkedIds.length > LIMITS.maxValues}
                title="Filter the grid to this session and every session linked to it"
              >
                Show with linked in grid
              </button>
              <button className="btn small" onClick={() => useSessionView.getState().setLinkedGroup(s.linkedGroup)} title="List only the sessions linked to this one">
                List linked ({formatCount(s.linkedSessions)})
              </button>
            </>
          )}
        </div>
      </header>
      <div className="details-body" tabIndex={0} role="region" aria-label="Session details">
        {s.flags.length > 0 && (
          <div className="sd-flags">
            <FlagBadges flags={s.flags} />
          </div>
        )}
        <dl className="fields">
          <Field label="Correlation ID">
            <span className="mono field-value">{s.correlationId}</span>
          </Field>
          <Field label="Authentication">
            <AuthStepChips steps={s.authSteps} status={s.finalStatus} code={s.finalCode} />
          </Field>
          <Field label="Applications">{s.apps.join(', ') || '—'}</Field>
          <Field label="Resources">{s.resources.join(', ') || '—'}</Field>
          <Field label="IP addresses">
            <span className="mono field-value">{s.ips.join(', ') || '—'}</span>
          </Field>
          <Field label="Countries">{s.countries.join(', ') || '—'}</Field>
          <Field label="Devices">{s.devices.join(', ') || '—'}</Field>
          <Field label="Sign-ins">{formatCount(s.rows)}</Field>
        </dl>
        <h4 className="section-title">Sign-ins</h4>
        <SessionRows rids={data.rids} />
        {data.linked.length > 0 && <LinkedSessions linked={data.linked} total={s.linkedSessions} />}
      </div>
    </aside>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function LinkedSessions({ linked, total }: { linked: SessionSummary[]; total: number }) {
  const mode = useStore((s) => s.timeMode);
  return (
    <>
      <h4 className="section-title">
        Linked sessions <span className="muted small">· same session id / token · {formatCount(Math.max(total - 1, linked.length))}</span>
      </h4>
      <table className="table compact linked-sessions">
        <tbody>
          {linked.map((l) => (
            <tr key={l.sessionNo} className="clickable" onClick={() => useSessionView.getState().select(l.sessionNo)} title="Open this session">
              <td className="mono nowrap">{formatDateTime(l.firstMs, mode)}</td>
              <td className="nowrap">
                <span className={`dot ${statusClass(l.finalStatus)}`} /> {l.finalStatus}
              </td>
              <td className="mono clip">{listText(l.ips)}</td>
              <td>{l.countries.join(' ')}</td>
              <td>
                <FlagBadges flags={l.flags} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
