// The session token never goes on a command line (any local user can read /proc/*/cmdline): the
// browser is launched with a one-time code instead, which the page exchanges on first load for the
// token (POST /session, same Host and Origin checks as the WebSocket). A code works once and only
// for a short time, so the copy left in the launcher's argv is worthless once the page has loaded.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostAllowed, origin, securityHeaders, tokenMatches } from './security';

export const SESSION_PATH = '/session';
const CODE_TTL_MS = 60_000;
const MAX_BODY = 256;

export class OneTimeCodes {
  private readonly codes = new Map<string, number>();

  constructor(
    private readonly ttlMs = CODE_TTL_MS,
    private readonly now = () => Date.now(),
  ) {}

  issue(): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, this.now() + this.ttlMs);
    return code;
  }

  /** True once for a code issued less than ttl ago; the code is spent either way it matches. */
  redeem(candidate: string): boolean {
    for (const [code, expires] of this.codes) {
      if (!tokenMatches(candidate, code)) continue;
      this.codes.delete(code);
      return expires > this.now();
    }
    return false;
  }
}

/** Handles POST /session `{"code": "..."}` → `{"token": "..."}`; false when the request is not for it. */
export function sessionExchange(codes: OneTimeCodes, token: string, port: () => number) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.url !== SESSION_PATH || req.method !== 'POST') return false;
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { ...securityHeaders(port()), 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!hostAllowed(req, port()) || req.headers.origin !== origin(port())) return (reply(403, { error: 'forbidden' }), true);
    let body = '';
    req.setEncoding('utf8');
    req.on('error', () => res.destroy());
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) req.destroy();
    });
    req.on('end', () => {
      let code: unknown;
      try {
        code = (JSON.parse(body) as { code?: unknown }).code;
      } catch {
        code = undefined;
      }
      if (typeof code === 'string' && codes.redeem(code)) reply(200, { token });
      else reply(403, { error: 'this link has expired or was already used: open the link printed by the server' });
    });
    return true;
  };
}
