// Electron transport: the sandboxed preload bridge (contextBridge) forwards to ipcMain handlers.
import { EVENT_NAMES } from '../../shared/api/contract';
import type { EventListener, PreloadBridge, Transport } from './transport';

export function createIpcTransport(bridge: PreloadBridge): Transport {
  const listeners = new Set<EventListener>();
  for (const name of EVENT_NAMES) {
    bridge.on(name, (payload) => {
      for (const l of listeners) l(name, payload);
    });
  }
  return {
    kind: 'ipc',
    invoke: (channel, req) => bridge.invoke(channel, req),
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onClosed() {
      // The IPC channel lives as long as the window: nothing to report.
    },
  };
}
