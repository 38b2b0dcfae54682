// Electron entry: single instance, hardened window, native menu and dialogs, drag-and-drop and
// command-line files. The backend (and its engine worker) is the same one browser mode uses.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { app, type BrowserWindow, dialog, Menu } from 'electron';
import { startBackend, type Backend } from '../api/backend';
import { Actions } from './actions';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { registerIpc } from './ipc-transport';
import { buildMenu } from './menu';
import { RecentCases } from './recent-cases';
import { createMainWindow, hardenSession } from './window';

/** Existing files named on a command line (skipping Electron's own flags and the app path). */
function filesFromArgv(argv: readonly string[]): string[] {
  return argv
    .slice(app.isPackaged ? 1 : 2)
    .filter((a) => !a.startsWith('-'))
    .map((a) => path.resolve(a))
    .filter((p) => existsSync(p) && statSync(p).isFile());
}

function rendererDir(): string {
  return path.resolve(__dirname, '../renderer');
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.enableSandbox();
  let win: BrowserWindow | null = null;
  let backend: Backend | null = null;
  let actions: Actions | null = null;
  const pendingFiles: string[] = [];

  const openFiles = (paths: string[]) => {
    if (actions) void actions.openPaths(paths);
    else pendingFiles.push(...paths);
  };
  app.on('second-instance', (_event, argv) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    openFiles(filesFromArgv(argv));
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFiles([file]);
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession();
      serveRenderer(rendererDir());
      const initial = [...filesFromArgv(process.argv), ...pendingFiles.splice(0)];
      const backendReady = startBackend({ mode: 'electron', readRoots: [], demo: initial.length === 0 });
      registerIpc(backendReady, (paths) => openFiles(paths));
      win = createMainWindow(path.join(__dirname, 'preload.js'));
      win.on('closed', () => (win = null));
      backend = await backendReady;
      const recent = new RecentCases(app.getPath('userData'));
      const refreshMenu = () => actions && Menu.setApplicationMenu(buildMenu(actions, recent.list()));
      actions = new Actions(backend, recent, () => win, refreshMenu);
      backend.setShell(actions);
      refreshMenu();
      const queued = [...initial, ...pendingFiles.splice(0)];
      if (queued.length) await actions.openPaths(queued);
    })
    .catch((err: Error) => {
      dialog.showErrorBox('SigninScope could not start', err.message);
      app.exit(1);
    });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void backend?.close());
}
