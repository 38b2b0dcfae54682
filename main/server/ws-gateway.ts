// The WebSocket side of browser mode: authenticates the upgrade (token + Origin + Host), then
// turns frames `{id, channel, req}` into backend calls answered as `{id, result}`, and pushes
// backend events as `{event, payload}` to every connected page.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Backend } from '../api/backend';
import { upgradeRefusal, WS_PROTOCOL } from './security';

const MAX_FRAME_BYTES = 8 * 1024 * 1024;

export function attachGateway(server: Server, backend: Backend, port: () => number, token: string, log: (line: string) => void): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, handleProtocols: () => WS_PROTOCOL });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = req.url ?? '';
    const refusal = url === '/ws' ? upgradeRefusal(req, port(), token) : 'unknown path';
    if (refusal) {
      log(`refused a WebSocket connection (${refusal})`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  function serve(ws: WebSocket): void {
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text frames only');
      let frame: unknown;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        return ws.close(1007, 'invalid JSON');
      }
      const { id, channel, req } = (frame ?? {}) as { id?: unknown; channel?: unknown; req?: unknown };
      if (typeof id !== 'number' || typeof channel !== 'string') return ws.close(1008, 'malformed frame');
      void backend.invoke(channel, req).then((result) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ id, result }));
      });
    });
  }

  const unsubscribe = backend.subscribe((event, payload) => {
    const text = JSON.stringify({ event, payload });
    for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(text);
  });

  return () => {
    unsubscribe();
    for (const client of wss.clients) client.close(1001, 'SigninScope server stopped');
    wss.close();
  };
}
