// The browser-mode server accepts only its own page: token, Origin and Host are all checked.
import { e2e } from '../context';
import { probeUpgrade } from '../backend-client';
import { assert, assertEqual, test } from '../harness';

test('server: WebSocket needs the token and our Origin; static files carry a strict CSP', async () => {
  const { server } = e2e();
  const good = ['signinscope.v1', `token.${server.token}`];
  assertEqual(await probeUpgrade(server.port, good, { Origin: server.origin }), 101, 'correct token and origin');
  assertEqual(await probeUpgrade(server.port, ['signinscope.v1', `token.${'A'.repeat(server.token.length)}`], { Origin: server.origin }), 403, 'wrong token');
  assertEqual(await probeUpgrade(server.port, ['signinscope.v1'], { Origin: server.origin }), 403, 'missing token');
  assertEqual(await probeUpgrade(server.port, good, { Origin: 'http://evil.example' }), 403, 'foreign origin');
  assertEqual(await probeUpgrade(server.port, good, {}), 403, 'no origin');
  assertEqual(await probeUpgrade(server.port, good, { Origin: server.origin, Host: `localhost:${server.port}` }), 403, 'rebound host name');

  const res = await fetch(`${server.origin}/`);
  assertEqual(res.status, 200, 'index status');
  const csp = res.headers.get('content-security-policy') ?? '';
  assert(csp.includes("default-src 'none'") && csp.includes("script-src 'self'") && csp.includes(`connect-src 'self' ws://127.0.0.1:${server.port}`) && csp.includes("frame-ancestors 'none'"), `CSP header: ${csp}`);
  assertEqual((await fetch(`${server.origin}/../../package.json`)).status, 404, 'path traversal');
  assertEqual((await fetch(`${server.origin}/%2e%2e/%2e%2e/package.json`)).status, 404, 'encoded path traversal');
  assertEqual((await fetch(`${server.origin}/`, { method: 'POST' })).status, 405, 'POST');
});
