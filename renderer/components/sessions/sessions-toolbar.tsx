// Above the session list: how many sessions match, the flag filter, the linked-group filter, and
// a rebuild prompt when the sessions table is missing or older than the sign-ins.
import { rebuildSessions } from '../../actions/imports';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { Popover } from '../common/popover';
import { FLAG_INFO, FLAG_ORDER } from './session-flags';
import { useSessionView } from './session-state';
import type { SessionPages } from './use-session-pages';

export function SessionsToolbar({ pages }: { pages: SessionPages }) {
  const flags = useSessionView((s) => s.flags);
  const linkedGroup = useSessionView((s) => s.linkedGroup);
  const view = useSessionView.getState();
  const { info, error } = pages;
  const rebuild = async () => {
    try {
      await rebuildSessions();
    } catch (err) {
      useStore.getState().notify('error', (err as Error).message);
    }
  };
  return (
    <div className="sessions-toolbar panel-head">
      <span className="panel-title">Sessions</span>
      <span className="muted" data-testid="session-count">
        {info ? `${formatCount(info.total)} correlation ids with matching sign-ins` : error ? '' : 'Counting…'}
      </span>
      {info && <span className="muted small">{Math.round(info.ms)} ms</span>}
      <Popover label={flags.length ? `Flags (${flags.length})` : 'Flags'} className="btn small" testId="session-flags-button">
        {() => (
          <div className="flag-picker">
            <div className="vp-title">Only sessions carrying every checked flag</div>
            {FLAG_ORDER.map((f) => (
              <label key={f} className="check-row" title={FLAG_INFO[f].title}>
                <input type="checkbox" checked={flags.includes(f)} onChange={() => view.toggleFlag(f)} data-flag={f} />
                <span className={`dot tone-${FLAG_INFO[f].tone}`} />
                {FLAG_INFO[f].label}
              </label>
            ))}
          </div>
        )}
      </Popover>
      {flags.map((f) => (
        <span key={f} className="chip static">
          <span className="chip-value">{FLAG_INFO[f].label}</span>
          <button type="button" className="chip-x" aria-label={`Remove flag ${FLAG_INFO[f].label}`} onClick={() => view.toggleFlag(f)}>
            ×
          </button>
        </span>
      ))}
      {linkedGroup !== null && (
        <span className="chip static">
          <span className="chip-field">Linked group</span> <span className="chip-value">#{linkedGroup}</span>
          <button type="button" className="chip-x" aria-label="Remove linked group" onClick={() => view.setLinkedGroup(null)}>
            ×
          </button>
        </span>
      )}
      <span className="grow" />
      {error && <span className="error small">{error}</span>}
      {info && (!info.built || info.stale) && (
        <span className="warn small">
          {info.built ? 'Sign-ins were added since the sessions were built.' : 'Sessions were never built for this case.'}{' '}
          <button className="btn small" onClick={rebuild}>
            {info.built ? 'Rebuild' : 'Build sessions'}
          </button>
        </span>
      )}
    </div>
  );
}
