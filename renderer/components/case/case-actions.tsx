// The case buttons the top bar gains from the case workflow: Recent, Export, Report, the evidence
// and autosave warnings; plus the browser-mode Save shortcuts and the announcements made on open.
import '../../styles/annotations.css';
import { useCallback, useEffect, useState } from 'react';
import type { RecoveryStatus } from '../../../shared/model/annotation';
import { formatDateTime } from '../../format/time';
import { useStore } from '../../store/store';
import { ExportDialog, type ExportKind } from './export-dialog';
import { RecentMenu } from './recent-menu';
import { saveCase } from './save-case';
import { badEvidence, useCaseWatch } from './use-case-watch';

export function CaseActions() {
  const info = useStore((s) => s.caseInfo);
  const desktop = useStore((s) => s.appInfo?.mode === 'electron');
  const mode = useStore((s) => s.timeMode);
  const [dialog, setDialog] = useState<ExportKind | null>(null);
  const [status, setStatus] = useState<RecoveryStatus | null>(null);
  useCaseWatch(useCallback((st: RecoveryStatus | null) => setStatus(st), []));
  const bad = badEvidence(info);

  useEffect(() => {
    if (desktop) return; // the desktop menu's accelerators save there
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 's') return;
      e.preventDefault();
      if (useStore.getState().caseInfo) void saveCase(e.shiftKey);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [desktop]);

  return (
    <>
      <RecentMenu />
      <span className="tb-sep" aria-hidden />
      <button className="btn" disabled={!info?.signins} onClick={() => setDialog('rows')} data-testid="export-button" title="Export the sign-ins matching the current filter (CSV, JSON, Timesketch)">
        Export…
      </button>
      <button className="btn" disabled={!info?.signins} onClick={() => setDialog('report')} data-testid="report-button" title="Write a self-contained HTML report of the case">
        Report…
      </button>
      {bad.length > 0 && (
        <button
          className="badge bad tb-alert"
          onClick={() => useStore.getState().setView('evidence')}
          title={bad.map((s) => `${s.fileName}: ${s.evidenceCheck}`).join('\n')}
          data-testid="evidence-alert"
        >
          ⚠ {bad.length} evidence file{bad.length === 1 ? '' : 's'}{' '}
          {bad.every((s) => s.evidenceCheck === 'missing') ? 'missing' : bad.every((s) => s.evidenceCheck === 'changed') ? 'changed' : 'missing or changed'}
        </button>
      )}
      {info?.dirty && status?.lastAutosave && !status.autosaveError && (
        <span
          className="muted small tb-autosave"
          title={`Unsaved work is autosaved every ${status.autosaveMinutes} min and journaled after each change (${status.lastAutosave.path})`}
          data-testid="autosave-status"
        >
          autosaved {formatDateTime(Date.parse(status.lastAutosave.at), mode).slice(11, 16)}
        </span>
      )}
      {status?.autosaveError && (
        <span className="badge bad tb-alert" title={status.autosaveError} data-testid="autosave-error">
          autosave failed
        </span>
      )}
      {dialog && <ExportDialog kind={dialog} onClose={() => setDialog(null)} />}
    </>
  );
}
