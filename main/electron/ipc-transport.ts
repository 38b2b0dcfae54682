// Electron transport, main side: one ipcMain handler per contract channel forwarding to the backend,
// callable only from the app's own page; backend events are pushed to every app window.
import { BrowserWindow, ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/api/contract';
import type { Backend } from '../api/backend';
import { isAppUrl } from './app-protocol';
import { EVENT_PREFIX, FILES_DROPPED } from './ipc-names';

function fromAppPage(event: IpcMainInvokeEvent | IpcMainEvent): boolean {
  const frame = event.senderFrame;
  return !!frame && frame === event.sender.mainFrame && isAppUrl(frame.url);
}

/**
 * Registered before the backend is ready (the demo case can take a while to build on first run),
 * so the window shows at once and its first calls simply wait.
 */
export function registerIpc(backendReady: Promise<Backend>, onFilesDropped: (paths: string[]) => void): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, req: unknown) => {
      if (!fromAppPage(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'not the SigninScope page' } };
      return (await backendReady).invoke(channel, req);
    });
  }
  const onDrop = (event: IpcMainEvent, paths: unknown) => {
    if (!fromAppPage(event) || !Array.isArray(paths)) return;
    onFilesDropped(paths.filter((p): p is string => typeof p === 'string').slice(0, 256));
  };
  ipcMain.on(FILES_DROPPED, onDrop);
  let unsubscribe = () => {};
  void backendReady.then((backend) => {
    unsubscribe = backend.subscribe((event, payload) => {
      for (const win of BrowserWindow.getAllWindows()) if (!win.isDestroyed()) win.webContents.send(EVENT_PREFIX + event, payload);
    });
  });
  return () => {
    unsubscribe();
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
    ipcMain.off(FILES_DROPPED, onDrop);
  };
}
