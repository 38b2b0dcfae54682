// Serves the built renderer (dist/renderer) and nothing else: GET/HEAD only, no directory listing,
// no path outside the folder, every response with the security headers.
import { existsSync, promises as fsp } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { hostAllowed, securityHeaders } from './security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** Where the built renderer is, from source (main/server) or from a bundle (dist/server). */
export function findRendererDir(): string | null {
  const candidates = [process.env.SIGNINSCOPE_RENDERER_DIR, path.resolve(__dirname, '../../dist/renderer'), path.resolve(__dirname, '../renderer')];
  return candidates.find((d): d is string => !!d && existsSync(path.join(d, 'index.html'))) ?? null;
}

export function staticHandler(root: string, port: () => number) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = securityHeaders(port());
    const fail = (status: number, text: string) => {
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(text);
    };
    if (!hostAllowed(req, port())) return fail(421, 'Misdirected request');
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'Method not allowed');
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return fail(400, 'Bad request');
    }
    if (rel.includes('\0')) return fail(400, 'Bad request');
    if (rel === '/') rel = '/index.html';
    const file = path.resolve(root, `.${rel}`);
    if (!file.startsWith(root + path.sep)) return fail(404, 'Not found');
    const type = TYPES[path.extname(file)];
    const stat = await fsp.stat(file).catch(() => null);
    if (!type || !stat?.isFile()) return fail(404, 'Not found');
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': String(stat.size) });
    if (req.method === 'HEAD') return void res.end();
    res.end(await fsp.readFile(file));
  };
}
