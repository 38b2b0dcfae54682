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
  // Every socket has an error handler: a bad frame (oversize, invalid UTF-8, reserved bits, garbage)
  // makes `ws` close that connection with a status code and emit 'error', which unhandled would
  // crash the whole server.
  wss.on('error', (e) => log(`WebSocket server error: ${e.message}`));

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
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
    // `ws` has already sent the close frame with the matching status (1009 too big, 1007 bad UTF-8...).
    ws.on('error', (e) => log(`closed a WebSocket connection after a bad frame (${e.message})`));
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
