// The Sessions tab: correlation-id sessions of the active filter (left) and the open one (right).
import '../../styles/sessions.css';
import { SessionDetail } from './session-detail';
import { SessionList } from './session-list';
import { useSessionView } from './session-state';
import { SessionsToolbar } from './sessions-toolbar';
import { useSessionPages } from './use-session-pages';

export function SessionsView() {
  const pages = useSessionPages();
  const selected = useSessionView((s) => s.selected);
  return (
    <div className="sessions-view" data-testid="sessions-view">
      <section className="sessions-main">
        <SessionsToolbar pages={pages} />
        <SessionList cache={pages.cache} version={pages.version} />
        {pages.info && pages.info.total === 0 && <div className="grid-empty">No session has a sign-in matching the filters.</div>}
      </section>
      <div className="sessions-side">
        <SessionDetail sessionNo={selected} />
      </div>
    </div>
  );
}
