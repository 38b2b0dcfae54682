// What the menu, drag-and-drop and the command line do: native dialogs, then backend calls. Paths
// the user picked are granted to the backend's path policy first (roots are empty in Electron).
import { app, dialog, type BrowserWindow } from 'electron';
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
    for (const p of paths) this.backend.grant(p);
    await this.call('import.start', { paths });
  }

  async chooseEvidence(): Promise<void> {
    const win = this.window();
    const opts = { title: 'Open evidence files', properties: ['openFile', 'multiSelections'] as const, filters: EVIDENCE_FILTERS };
    const res = win ? await dialog.showOpenDialog(win, { ...opts, properties: [...opts.properties] }) : await dialog.showOpenDialog({ ...opts, properties: [...opts.properties] });
    if (!res.canceled) await this.openPaths(res.filePaths);
  }

  async chooseCase(): Promise<void> {
    const win = this.window();
    const opts = { title: 'Open case', properties: ['openFile' as const], filters: [CASE_FILTER] };
    const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    if (!res.canceled && res.filePaths[0]) await this.openCase(res.filePaths[0]);
  }

  async openCase(casePath: string): Promise<void> {
    this.backend.grant(casePath);
    if (await this.call('case.open', { path: casePath })) this.remember(casePath);
  }

  async openDemo(): Promise<void> {
    await this.call('case.openDemo', {});
  }

  async save(saveAs: boolean): Promise<void> {
    const info = await this.backend.invoke('case.info', {});
    const current = info.ok ? (info.value as { path: string | null }).path : null;
    let target = saveAs ? null : current;
    if (!target) {
      const win = this.window();
      const opts = { title: 'Save case', defaultPath: current ?? 'investigation.signinscope', filters: [CASE_FILTER] };
      const res = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      if (res.canceled || !res.filePath) return;
      target = res.filePath.endsWith('.signinscope') ? res.filePath : `${res.filePath}.signinscope`;
      this.backend.grant(target);
    }
    if (await this.call('case.save', { path: target })) this.remember(target);
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
