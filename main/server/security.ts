// What makes a localhost server safe enough to hold evidence: a per-run secret, loopback-only
// Host/Origin checks (defeats DNS rebinding and cross-site WebSocket hijacking) and strict headers.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const WS_PROTOCOL = 'signinscope.v1';
const TOKEN_PREFIX = 'token.';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function origin(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/** The Host header must name exactly our loopback address and port. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  return req.headers.host === `127.0.0.1:${port}`;
}

export function tokenMatches(candidate: string, token: string): boolean {
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why a WebSocket upgrade is refused, or null when it may proceed. */
export function upgradeRefusal(req: IncomingMessage, port: number, token: string): string | null {
  if (!hostAllowed(req, port)) return 'bad host';
  if (req.headers.origin !== origin(port)) return 'bad origin';
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((s) => s.trim());
  if (!offered.includes(WS_PROTOCOL)) return 'missing protocol';
  const presented = offered.find((p) => p.startsWith(TOKEN_PREFIX));
  if (!presented || !tokenMatches(presented.slice(TOKEN_PREFIX.length), token)) return 'bad token';
  return null;
}

/** The renderer's policy; `connect` is what it may reach besides its own origin. */
export function contentSecurityPolicy(port: number): string {
  return cspWithConnect(`'self' ws://127.0.0.1:${port}`);
}

export function cspWithConnect(connect: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(port),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
    'Cache-Control': 'no-store',
  };
}
