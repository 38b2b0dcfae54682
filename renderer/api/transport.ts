// One of two ways to reach the backend (Electron IPC or the browser-mode WebSocket). Both carry the
// same contract, so everything above this interface is transport-agnostic.
import type { EventName, Result } from '../../shared/api/contract';

export type EventListener = (event: EventName, payload: unknown) => void;

export interface Transport {
  readonly kind: 'ipc' | 'ws';
  invoke(channel: string, req: unknown): Promise<Result<unknown>>;
  /** Receives every pushed event; returns an unsubscribe function. */
  listen(listener: EventListener): () => void;
  /** Called when the transport is lost for good (browser mode: the server stopped). */
  onClosed(cb: (reason: string) => void): void;
}

/** What the Electron preload exposes on `window.signinscope` (main/electron/preload.ts). */
export interface PreloadBridge {
  invoke(channel: string, req: unknown): Promise<Result<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    signinscope?: PreloadBridge;
  }
}
