// Application bar: case name, open/save, and the case's time zone that applies everywhere.
import { attempt } from '../../actions/attempt';
import { saveCase, shellCommand } from '../../actions/case';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { CaseActions } from '../case/case-actions';
import { ThemeToggle } from './theme-toggle';
import { TimeZoneSwitch } from './time-zone-switch';
import { CaseMenu } from '../case/case-menu';
import { useDocumentTitle } from '../case/use-document-title';

export function TopBar() {
  const info = useStore((s) => s.caseInfo);
  const appInfo = useStore((s) => s.appInfo);
  const s = useStore.getState();
  const desktop = appInfo?.mode === 'electron';
  useDocumentTitle(info);
  // The desktop app asks the shell for native dialogs; browser mode uses the in-app ones.
  const native = (command: 'open' | 'saveAs') => void attempt(() => shellCommand(command));
  const save = () => {
    if (!info?.path) {
      if (desktop) native('saveAs');
      else s.setSaveDialog(true);
      return;
    }
    void attempt(async () => {
      const res = await saveCase();
      s.notify('info', `Case saved to ${res.path} (${formatCount(res.bytes)} bytes).`);
    });
  };
  return (
    <header className="top-bar">
      <h1 className="brand" title={`SigninScope ${appInfo?.version ?? ''} · ${appInfo?.mode ?? ''} mode`}>
        <span className="brand-mark" aria-hidden>
          ◉
        </span>{' '}
        SigninScope
      </h1>
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
      <TimeZoneSwitch />
      <ThemeToggle />
    </header>
  );
}
