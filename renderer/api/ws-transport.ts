// Browser-mode transport: one WebSocket to main/server/serve.ts on 127.0.0.1. The session token
// comes from the URL fragment (never sent in a request line or Referer), or is fetched once in
// exchange for the one-time code the launched browser was given (the token itself never appears in
// a command line), and travels as a Sec-WebSocket-Protocol value; the server rejects a wrong token
// or a foreign Origin.
import { EVENT_NAMES, type EventName, type Result } from '../../shared/api/contract';
import type { EventListener, Transport } from './transport';

export const WS_PROTOCOL = 'signinscope.v1';
const TOKEN_KEY = 'signinscope.token';

/**
 * The session token from `#token=…`, or from exchanging `#code=…` (a one-time code) with the server;
 * kept for reloads of this tab and removed from the address bar.
 */
export async function takeSessionToken(): Promise<string | null> {
  const token = /(?:^#|&)token=([A-Za-z0-9_-]{16,128})/.exec(location.hash)?.[1];
  const code = /(?:^#|&)code=([A-Za-z0-9_-]{16,128})/.exec(location.hash)?.[1];
  if (token || code) history.replaceState(null, '', location.pathname + location.search);
  const kept = sessionStorage.getItem(TOKEN_KEY);
  const taken = token ?? (code && !kept ? await exchangeCode(code) : null);
  if (taken) sessionStorage.setItem(TOKEN_KEY, taken);
  return taken ?? kept;
}

async function exchangeCode(code: string): Promise<string | null> {
  const res = await fetch('/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
  const body = (await res.json().catch(() => ({}))) as { token?: unknown; error?: unknown };
  if (res.ok && typeof body.token === 'string') return body.token;
  throw new Error(typeof body.error === 'string' ? body.error : 'the one-time link was refused');
}

type Pending = (result: Result<unknown>) => void;

export function createWsTransport(token: string): Promise<Transport> {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  const socket = new WebSocket(url, [WS_PROTOCOL, `token.${token}`]);
  const pending = new Map<number, Pending>();
  const listeners = new Set<EventListener>();
  const closedCallbacks: Array<(reason: string) => void> = [];
  let nextId = 1;
  let closedReason: string | null = null;

  socket.addEventListener('message', (msg) => {
    let frame: { id?: number; result?: Result<unknown>; event?: string; payload?: unknown };
    try {
      frame = JSON.parse(String(msg.data));
    } catch {
      return;
    }
    if (typeof frame.id === 'number' && frame.result) {
      pending.get(frame.id)?.(frame.result);
      pending.delete(frame.id);
    } else if (typeof frame.event === 'string' && (EVENT_NAMES as string[]).includes(frame.event)) {
      for (const l of listeners) l(frame.event as EventName, frame.payload);
    }
  });

  socket.addEventListener('close', (ev) => {
    closedReason = ev.reason || 'The SigninScope server closed the connection.';
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'IO', message: closedReason } });
    pending.clear();
    for (const cb of closedCallbacks) cb(closedReason);
  });

  const transport: Transport = {
    kind: 'ws',
    invoke(channel, req) {
      if (closedReason !== null) return Promise.resolve({ ok: false, error: { code: 'IO', message: closedReason } });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, channel, req }));
      });
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onClosed(cb) {
      closedCallbacks.push(cb);
      if (closedReason !== null) cb(closedReason);
    },
  };

  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(transport), { once: true });
    socket.addEventListener('error', () => reject(new Error('Could not connect to the SigninScope server (wrong or expired session link?).')), { once: true });
  });
}
