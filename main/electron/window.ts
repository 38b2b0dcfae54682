// The main window, locked down: isolated sandboxed renderer, no Node, no webview, no navigation,
// no popups, no permissions, and no request leaves the app:// origin.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BrowserWindow, session } from 'electron';
import { APP_URL, isAppUrl } from './app-protocol';

const ALLOWED_SCHEMES = ['app:', 'devtools:', 'data:', 'blob:'];
/** Window icon (Linux/Windows taskbar); dist/main → assets/icons. */
const ICON = path.resolve(__dirname, '..', '..', 'assets', 'icons', '512x512.png');

/** Session-wide guards; call once after 'ready'. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const scheme = details.url.slice(0, details.url.indexOf(':') + 1);
    callback({ cancel: !(ALLOWED_SCHEMES.includes(scheme) && (scheme !== 'app:' || isAppUrl(details.url))) });
  });
}

export function createMainWindow(preload: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1560,
    height: 940,
    minWidth: 980,
    minHeight: 600,
    show: false,
    backgroundColor: '#101318',
    title: 'SigninScope',
    ...(existsSync(ICON) ? { icon: ICON } : {}),
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  const wc = win.webContents;
  wc.on('will-navigate', (event, url) => {
    if (url !== wc.getURL()) event.preventDefault();
  });
  wc.on('will-redirect', (event) => event.preventDefault());
  wc.on('will-attach-webview', (event) => event.preventDefault());
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}
