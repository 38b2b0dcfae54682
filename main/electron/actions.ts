// What the menu, drag-and-drop and the command line do: native dialogs, then backend calls. What the
// user picked is granted to the backend's path policy first (nothing else is granted in Electron):
// files to open are readable (that file only, never its folder); a folder chosen to write into and a
// Save dialog's file are writable.
import { app, dialog, shell, type BrowserWindow } from 'electron';
import type { ShellCommand } from '../../shared/api/contract';
import type { Backend } from '../api/backend';
import type { RecentCases } from './recent-cases';

const CASE_FILTER = { name: 'SigninScope case', extensions: ['signinscope'] };
const EVIDENCE_FILTERS = [
  { name: 'Sign-in logs', extensions: ['json', 'jsonl', 'ndjson', 'csv', 'gz', 'txt', 'log'] },
  { name: 'All files', extensions: ['*'] },
];

export class Actions {
  constructor(
    private readonly backend: Backend,
    private readonly recent: RecentCases,
    private readonly window: () => BrowserWindow | null,
    private readonly onRecentChanged: () => void,
  ) {}

  /** Files from a drop, the command line or a second instance: a case file opens, anything else imports. */
  async openPaths(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    const caseFile = paths.find((p) => p.endsWith('.signinscope'));
    if (caseFile) return this.openCase(caseFile);
    for (const p of paths) this.backend.grantRead(p);
    await this.call('import.start', { paths });
  }

  async chooseEvidence(): Promise<boolean> {
    const win = this.window();
    const opts = {
      title: 'Open evidence files or a case',
      properties: ['openFile', 'multiSelections'] as const,
      filters: [...EVIDENCE_FILTERS.slice(0, 1), CASE_FILTER, ...EVIDENCE_FILTERS.slice(1)],
    };
    const res = win ? await dialog.showOpenDialog(win, { ...opts, properties: [...opts.properties] }) : await dialog.showOpenDialog({ ...opts, properties: [...opts.properties] });
    if (!res.canceled) await this.openPaths(res.filePaths);
    return !res.canceled;
  }

  /** A folder the page may then list and write exports or reports into. */
  async chooseFolder(): Promise<string | null> {
    const win = this.window();
    const opts = { title: 'Choose a folder to write into', properties: ['openDirectory' as const, 'createDirectory' as const] };
    const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    const folder = res.canceled ? undefined : res.filePaths[0];
    if (!folder) return null;
    this.backend.grantWrite(folder);
    return folder;
  }

  /** One evidence file to point a case's source at (Raw view ▸ Locate…): readable, nothing imported. */
  async locateEvidence(): Promise<string | null> {
    const win = this.window();
    const opts = { title: 'Locate the evidence file', properties: ['openFile' as const], filters: EVIDENCE_FILTERS };
    const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    const file = res.canceled ? undefined : res.filePaths[0];
    if (!file) return null;
    this.backend.grantRead(file);
    return file;
  }

  /** The page's `app.command` requests: the same native dialogs as the menu. */
  async run(command: ShellCommand): Promise<{ done: boolean; path: string | null }> {
    if (command === 'open') return { done: await this.chooseEvidence(), path: null };
    if (command === 'locateEvidence') {
      const file = await this.locateEvidence();
      return { done: file !== null, path: file };
    }
    if (command === 'saveAs') return { done: await this.save(true), path: null };
    const folder = await this.chooseFolder();
    return { done: folder !== null, path: folder };
  }

  async chooseCase(): Promise<void> {
    const win = this.window();
    const opts = { title: 'Open case', properties: ['openFile' as const], filters: [CASE_FILTER] };
    const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    if (!res.canceled && res.filePaths[0]) await this.openCase(res.filePaths[0]);
  }

  async openCase(casePath: string): Promise<void> {
    this.backend.grantRead(casePath); // the backend adds a write grant for this file once it opened as a case
    if (await this.call('case.open', { path: casePath })) this.remember(casePath);
  }

  async openDemo(): Promise<void> {
    await this.call('case.openDemo', {});
  }

  async save(saveAs: boolean): Promise<boolean> {
    const info = await this.backend.invoke('case.info', {});
    const current = info.ok ? (info.value as { path: string | null }).path : null;
    let target = saveAs ? null : current;
    let confirmed = true; // saving in place, or a name the dialog confirmed
    if (!target) {
      const win = this.window();
      // The system dialog asks before replacing a file (Linux needs the property); the backend still refuses evidence and non-cases.
      const opts = { title: 'Save case', defaultPath: current ?? 'investigation.signinscope', filters: [CASE_FILTER], properties: ['showOverwriteConfirmation' as const] };
      const res = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      if (res.canceled || !res.filePath) return false;
      target = res.filePath.endsWith('.signinscope') ? res.filePath : `${res.filePath}.signinscope`;
      confirmed = target === res.filePath;
      this.backend.grantWrite(target);
    }
    const saved = await this.call('case.save', { path: target, overwrite: confirmed });
    if (saved) this.remember(target);
    return saved;
  }

  /** Help ▸ Open Query Log: the log of every call and job with its timing, in the system's text viewer. */
  async openQueryLog(): Promise<void> {
    const failure = await shell.openPath(this.backend.logFile);
    if (failure) dialog.showErrorBox('SigninScope', `Cannot open the query log ${this.backend.logFile}: ${failure}`);
  }

  private remember(casePath: string): void {
    this.recent.add(casePath);
    app.addRecentDocument(casePath);
    this.onRecentChanged();
  }

  /** Runs a backend call; a failure is shown in a native error box. */
  private async call(channel: string, req: unknown): Promise<boolean> {
    const result = await this.backend.invoke(channel, req);
    if (!result.ok) {
      dialog.showErrorBox('SigninScope', result.error.message);
      return false;
    }
    return true;
  }
}
