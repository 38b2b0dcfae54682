// "Recent": case files opened or saved here (browser mode; the desktop app has File ▸ Open Recent),
// and unsaved cases a crash left in the recovery folder.
import { useEffect, useState } from 'react';
import type { Res } from '../../../shared/api/contract';
import { attempt } from '../../actions/attempt';
import { discardRecovered, listRecoverable, openCase as openCaseFile, openRecovered } from '../../actions/case';
import { formatBytes } from '../../format/numbers';
import { formatDateTime } from '../../format/time';
import { useStore } from '../../store/store';
import { Popover } from '../common/popover';
import { forgetCase, recentCases, splitPath } from './recent-cases';

type Recoverable = Res<'recovery.list'>[number];

async function openCase(path: string): Promise<void> {
  try {
    await openCaseFile(path);
  } catch (e) {
    useStore.getState().notify('error', `Cannot open ${path}: ${(e as Error).message}`);
  }
}

export function RecentMenu() {
  return (
    <Popover label="Recent ▾" testId="recent-button" align="right" title="Recent cases and unsaved cases to recover">
      {(close) => <RecentList close={close} />}
    </Popover>
  );
}

function RecentList({ close }: { close: () => void }) {
  const desktop = useStore((s) => s.appInfo?.mode === 'electron');
  const mode = useStore((s) => s.timeMode);
  const current = useStore((s) => s.caseInfo?.path ?? null);
  const [recovery, setRecovery] = useState<Recoverable[] | null>(null);
  const [recent, setRecent] = useState(() => (desktop ? [] : recentCases().filter((p) => p !== current)));
  const loadRecovery = () => void listRecoverable().then(setRecovery, () => setRecovery([]));
  useEffect(loadRecovery, []);

  return (
    <div className="recent-menu" data-testid="recent-menu">
      <div className="vp-title">Recent cases</div>
      {desktop && <div className="muted small pad">Use File ▸ Open Recent: the desktop app re-checks access to each file.</div>}
      {!desktop && recent.length === 0 && <div className="muted small pad">No other case opened or saved in this browser yet.</div>}
      {recent.map((p) => {
        const { name, dir } = splitPath(p);
        return (
          <div className="recent-item" key={p}>
            <button
              className="menu-item recent-open"
              title={p}
              onClick={() => {
                close();
                void openCase(p);
              }}
            >
              <span className="recent-name">{name}</span>
              <span className="muted small mono recent-dir">{dir}</span>
            </button>
            <button
              className="btn icon"
              aria-label={`Forget ${name}`}
              title="Remove from this list (the file stays)"
              onClick={() => {
                forgetCase(p);
                setRecent((r) => r.filter((x) => x !== p));
              }}
            >
              ×
            </button>
          </div>
        );
      })}
      {recovery && recovery.length > 0 && (
        <>
          <div className="vp-title recent-section">Unsaved cases to recover</div>
          {recovery.map((r) => (
            <div className="recent-item" key={r.id}>
              <button
                className="menu-item recent-open"
                onClick={() => {
                  close();
                  void attempt(() => openRecovered(r.id));
                }}
              >
                <span className="recent-name">Unsaved case · {formatDateTime(r.modifiedMs, mode)}</span>
                <span className="muted small">
                  {formatBytes(r.bytes)} · {r.journalEntries} journaled change{r.journalEntries === 1 ? '' : 's'}
                </span>
              </button>
              <button
                className="btn icon"
                aria-label="Discard this unsaved case"
                title="Discard (deletes the recovery copy)"
                onClick={() => void attempt(async () => (await discardRecovered(r.id), loadRecovery()))}
              >
                ×
              </button>
            </div>
          ))}
        </>
      )}
    </div>
  );
}
