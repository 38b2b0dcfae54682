import { formatCount } from '../../format/numbers';
import { zoneLabel } from '../../format/time';
import { useStore } from '../../store/store';

export function StatusBar() {
  const snapshot = useStore((s) => s.snapshot);
  const selected = useStore((s) => s.selected);
  const timeMode = useStore((s) => s.timeMode);
  const appInfo = useStore((s) => s.appInfo);
  return (
    <footer className="status-bar">
      <span data-testid="match-count">
        {snapshot ? (
          <>
            <strong data-testid="matching">{formatCount(snapshot.matching)}</strong> sign-ins match of <span data-testid="total">{formatCount(snapshot.total)}</span>
          </>
        ) : (
          'Counting…'
        )}
      </span>
      {snapshot && <span className="muted">query {Math.round(snapshot.ms)} ms</span>}
      {selected && selected.index >= 0 && <span className="muted">row {formatCount(selected.index + 1)}</span>}
      <span className="grow" />
      <span className="muted">Times in {zoneLabel(Date.now(), timeMode)}</span>
      <span className="muted">{appInfo?.mode === 'browser' ? 'Browser mode · 127.0.0.1 only' : appInfo?.mode === 'electron' ? 'Desktop' : ''}</span>
    </footer>
  );
}
