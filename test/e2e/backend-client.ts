// The test process's own connection to the server's WebSocket (same token and Origin as the page):
// ground truth for "the UI shows what the backend computes", and a probe of the upgrade checks.
import WebSocket from 'ws';
import type { Channel, Req, Res, Result } from '../../shared/api/contract';
import type { ServerHandle } from './server-process';

export class BackendClient {
  private nextId = 1;
  private readonly pending = new Map<number, (r: Result<unknown>) => void>();
  readonly events: Array<{ event: string; payload: unknown }> = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { id?: number; result?: Result<unknown>; event?: string; payload?: unknown };
      if (frame.id !== undefined && frame.result) {
        this.pending.get(frame.id)?.(frame.result);
        this.pending.delete(frame.id);
      } else if (frame.event) this.events.push({ event: frame.event, payload: frame.payload });
    });
  }

  static connect(server: ServerHandle): Promise<BackendClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, ['signinscope.v1', `token.${server.token}`], { origin: server.origin });
      ws.once('open', () => resolve(new BackendClient(ws)));
      ws.once('error', reject);
    });
  }

  async call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
    const id = this.nextId++;
    const result = await new Promise<Result<unknown>>((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ id, channel, req }));
    });
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as Res<C>;
  }

  close(): void {
    this.ws.close();
  }
}

/** Resolves with the HTTP status of a refused upgrade, or 101 when the server accepted it. */
export function probeUpgrade(port: number, protocols: string[], headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, protocols, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(0));
  });
}
