// Typed client over the contract: `api.call('query.snapshot', {...})` returns the channel's response
// type or throws ApiError. The transport is chosen once at startup (connect()).
import type { ApiErrorCode, Channel, EventName, EventPayload, Req, Res } from '../../shared/api/contract';
import { createIpcTransport } from './ipc-transport';
import type { Transport } from './transport';
import { createWsTransport, takeSessionToken } from './ws-transport';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly channel: string,
  ) {
    super(message);
  }
}

export interface ApiClient {
  readonly kind: Transport['kind'];
  call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>>;
  on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void;
  onClosed(cb: (reason: string) => void): void;
}

const timeoutListeners = new Set<(err: ApiError) => void>();

/** A query that ran out of its time limit is told to the user wherever it was started from. */
export function onQueryTimeout(listener: (err: ApiError) => void): () => void {
  timeoutListeners.add(listener);
  return () => timeoutListeners.delete(listener);
}

export function clientOver(transport: Transport): ApiClient {
  return {
    kind: transport.kind,
    async call(channel, req) {
      const result = await transport.invoke(channel, req);
      if (!result.ok) {
        const err = new ApiError(result.error.code, result.error.message, channel);
        if (err.code === 'TIMEOUT') for (const l of timeoutListeners) l(err);
        throw err;
      }
      return result.value as never;
    },
    on(event, cb) {
      return transport.listen((name, payload) => {
        if (name === event) cb(payload as never);
      });
    },
    onClosed: (cb) => transport.onClosed(cb),
  };
}

let current: ApiClient | null = null;

/** Picks the transport: the Electron preload bridge when present, else the WebSocket of browser mode. */
export async function connect(): Promise<ApiClient> {
  if (window.signinscope) {
    current = clientOver(createIpcTransport(window.signinscope));
    return current;
  }
  const token = await takeSessionToken();
  if (!token) throw new Error('This page needs the session link printed by `npm run serve` (it ends with #token=…).');
  current = clientOver(await createWsTransport(token));
  return current;
}

export function api(): ApiClient {
  if (!current) throw new Error('api() used before connect()');
  return current;
}
