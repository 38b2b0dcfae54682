// Sandboxed preload: exposes exactly `invoke(channel, req)` and `on(event, cb)` to the page, with
// names checked against the contract. File drops are read here, in the isolated world, so the page
// never sees file-system paths and cannot forge them (a page-made File has no path).
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS, EVENT_NAMES } from '../../shared/api/contract';
import { EVENT_PREFIX, FILES_DROPPED } from './ipc-names';

const channels = new Set<string>(CHANNELS);
const events = new Set<string>(EVENT_NAMES);

contextBridge.exposeInMainWorld('signinscope', {
  invoke(channel: string, req: unknown) {
    if (typeof channel !== 'string' || !channels.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `unknown channel ${String(channel).slice(0, 64)}` } });
    }
    return ipcRenderer.invoke(channel, req);
  },
  on(event: string, cb: (payload: unknown) => void) {
    if (typeof event !== 'string' || !events.has(event) || typeof cb !== 'function') return () => {};
    const listener = (_e: unknown, payload: unknown) => cb(payload);
    ipcRenderer.on(EVENT_PREFIX + event, listener);
    return () => ipcRenderer.removeListener(EVENT_PREFIX + event, listener);
  },
});

window.addEventListener('dragover', (e) => {
  if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
});
window.addEventListener('drop', (e) => {
  if (!e.isTrusted || !e.dataTransfer?.files.length) return;
  e.preventDefault();
  const paths = [...e.dataTransfer.files].map((f) => webUtils.getPathForFile(f)).filter((p) => p !== '');
  if (paths.length) ipcRenderer.send(FILES_DROPPED, paths);
});
