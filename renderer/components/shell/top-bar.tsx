// Application bar: case name, open/save, and the UTC/local switch that applies everywhere.
import { api } from '../../api/client';
import { attempt } from '../../app/bootstrap';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { CaseActions } from '../case/case-actions';
import { CaseMenu } from '../case/case-menu';
import { useDocumentTitle } from '../case/use-document-title';

export function TopBar() {
  const info = useStore((s) => s.caseInfo);
  const timeMode = useStore((s) => s.timeMode);
  const appInfo = useStore((s) => s.appInfo);
  const s = useStore.getState();
  const desktop = appInfo?.mode === 'electron';
  useDocumentTitle(info);
  // The desktop app asks the shell for native dialogs; browser mode uses the in-app ones.
  const native = (command: 'open' | 'saveAs') =>
    void attempt(async () => {
      await api().call('app.command', { command });
      s.setCase(await api().call('case.info', {}));
    });
  const save = () => {
    if (!info?.path) {
      if (desktop) native('saveAs');
      else s.setSaveDialog(true);
      return;
    }
    void attempt(async () => {
      const res = await api().call('case.save', {});
      s.notify('info', `Case saved to ${res.path} (${formatCount(res.bytes)} bytes).`);
      s.setCase(await api().call('case.info', {}));
    });
  };
  return (
    <header className="top-bar">
      <div className="brand" title={`SigninScope ${appInfo?.version ?? ''} · ${appInfo?.mode ?? ''} mode`}>
        <span className="brand-mark" aria-hidden>
          ◉
        </span>{' '}
        SigninScope
      </div>
      <div className="case-title" title={info?.path ?? 'Not saved yet'} data-testid="case-title">
        <span>{info?.title ?? 'No case'}</span>
        {info && !info.path && <span className="badge muted tiny case-kind">not saved</span>}
        {info?.dirty && <span className="badge warn tiny">unsaved changes</span>}
        {info && (
          <span className="muted small">
            {' '}
            · {formatCount(info.signins)} sign-ins · {info.sources.length} file(s)
          </span>
        )}
      </div>
      <span className="grow" />
      <CaseMenu />
      <button className="btn" onClick={() => (desktop ? native('open') : s.setOpenDialog(true))} data-testid="open-button">
        Open…
      </button>
      <button className="btn" onClick={save} disabled={!info} data-testid="save-button" title={info?.path ? `Save to ${info.path}` : 'Save this case to a file'}>
        {info?.path ? 'Save case' : 'Save case as…'}
      </button>
      {info?.path && (
        <button className="btn" onClick={() => (desktop ? native('saveAs') : s.setSaveDialog(true))} title="Save a copy under another name">
          Save as…
        </button>
      )}
      <CaseActions />
      <div className="segmented" role="group" aria-label="Time zone">
        <button className={timeMode === 'utc' ? 'on' : ''} aria-pressed={timeMode === 'utc'} onClick={() => s.setTimeMode('utc')} data-testid="tz-utc">
          UTC
        </button>
        <button className={timeMode === 'local' ? 'on' : ''} aria-pressed={timeMode === 'local'} onClick={() => s.setTimeMode('local')} data-testid="tz-local">
          Local
        </button>
      </div>
    </header>
  );
}
