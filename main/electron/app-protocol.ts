// The renderer is served from `app://signinscope/` (a privileged standard scheme) rather than
// file://, so it has a real origin, a CSP header, and nothing outside dist/renderer is reachable.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import { cspWithConnect } from '../server/security';

export const APP_ORIGIN = 'app://signinscope';
export const APP_URL = `${APP_ORIGIN}/index.html`;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(root: string): void {
  const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'signinscope') return notFound();
    let rel = decodeURIComponent(url.pathname);
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = path.resolve(root, `.${rel}`);
    const type = TYPES[path.extname(file)];
    if (!file.startsWith(root + path.sep) || !type) return notFound();
    const body = await fsp.readFile(file).catch(() => null);
    if (!body) return notFound();
    return new Response(body, {
      headers: { 'Content-Type': type, 'Content-Security-Policy': cspWithConnect("'self'"), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' },
    });
  });
}
