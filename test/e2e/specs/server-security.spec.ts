// The browser-mode server accepts only its own page: token, Origin and Host are all checked.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { e2e } from '../context';
import { BackendClient, probeUpgrade } from '../backend-client';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { startServer } from '../server-process';

// No shared case needed: each test probes the server or starts its own.
test.use({ caseNeeds: 'none' });

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
  assert(
    csp.includes("default-src 'none'") && csp.includes("script-src 'self'") && csp.includes(`connect-src 'self' ws://127.0.0.1:${server.port}`) && csp.includes("frame-ancestors 'none'"),
    `CSP header: ${csp}`,
  );
  assertEqual((await fetch(`${server.origin}/../../package.json`)).status, 404, 'path traversal');
  assertEqual((await fetch(`${server.origin}/%2e%2e/%2e%2e/package.json`)).status, 404, 'encoded path traversal');
  assertEqual((await fetch(`${server.origin}/`, { method: 'POST' })).status, 405, 'POST');
});

/** Sends raw bytes on an authenticated WebSocket and resolves with the close code the server chose. */
function closeCodeAfter(send: (ws: WebSocket) => void): Promise<number> {
  const { server } = e2e();
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, ['signinscope.v1', `token.${server.token}`], { origin: server.origin });
    ws.on('error', () => undefined); // the client side also sees the protocol error
    ws.once('open', () => send(ws));
    ws.once('close', (code) => resolve(code));
    ws.once('unexpected-response', () => reject(new Error('upgrade refused')));
  });
}

test('server: a malformed WebSocket frame closes that connection only; the server keeps serving', async () => {
  const { server, backend } = e2e();
  const bystander = await BackendClient.connect(server);
  const codes: Record<string, number> = {};
  codes.oversize = await closeCodeAfter((ws) => ws.send('x'.repeat(9 * 1024 * 1024)));
  codes.invalidUtf8 = await closeCodeAfter((ws) => ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false }));
  codes.binary = await closeCodeAfter((ws) => ws.send(Buffer.from([1, 2, 3]), { binary: true }));
  codes.notJson = await closeCodeAfter((ws) => ws.send('{"id": 1, "channel": '));
  // Garbage below the WebSocket framing: reserved bits, a reserved opcode and a bogus length.
  codes.garbage = await closeCodeAfter((ws) => (ws as unknown as { _socket: Socket })._socket.write(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x01, 0x02])));
  assertEqual(codes.oversize, 1009, 'an oversize frame is refused as "message too big"');
  assertEqual(codes.invalidUtf8, 1007, 'invalid UTF-8 in a text frame');
  assertEqual(codes.binary, 1003, 'a binary frame');
  assertEqual(codes.notJson, 1007, 'a text frame that is not JSON');
  assert(codes.garbage === 1002 || codes.garbage === 1006, `garbage framing closes the connection (code ${codes.garbage})`);
  assert(server.alive(), 'the server process is still running');
  const info = await bystander.call('case.info', {});
  assertEqual(typeof info.signins, 'number', 'a connection opened before the bad frames still answers');
  assertEqual((await backend.call('case.info', {})).signins, info.signins, 'the test connection still answers');
  const fresh = await BackendClient.connect(server);
  assertEqual((await fresh.call('case.info', {})).signins, info.signins, 'a new connection is accepted');
  fresh.close();
  bystander.close();
  assert(/closed a WebSocket connection after a bad frame/.test(server.output()), 'the server logged the bad frames');
});

test('server: the browser is launched with a one-time code, never with the token', async () => {
  const { context } = e2e();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'signinscope-opener-'));
  const argvFile = path.join(dir, 'argv.txt');
  const opener = path.join(dir, 'fake-opener.sh');
  // Records the opener's own argv as the kernel shows it to every local user.
  writeFileSync(opener, `#!/bin/sh\ntr '\\0' ' ' < /proc/$$/cmdline > "${argvFile}.tmp" && mv "${argvFile}.tmp" "${argvFile}"\n`);
  chmodSync(opener, 0o755);
  const own = await startServer(['--empty'], { SIGNINSCOPE_OPENER: opener, SIGNINSCOPE_CACHE: path.join(dir, 'cache') }, true);
  try {
    for (let i = 0; i < 200 && !existsSync(argvFile); i++) await new Promise((r) => setTimeout(r, 50));
    const argv = readFileSync(argvFile, 'utf8');
    assert(argv.includes(`${own.origin}/#code=`), `the opener got the one-time link (${argv})`);
    assert(!argv.includes(own.token), 'the opener argv does not carry the token');
    const everyCmdline = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'latin1');
        } catch {
          return '';
        }
      });
    assert(!everyCmdline.some((c) => c.includes(own.token)), 'no process on the machine has the token in its command line');

    const code = /#code=([A-Za-z0-9_-]+)/.exec(argv)![1]!;
    const exchange = (c: string, origin = own.origin) =>
      fetch(`${own.origin}/session`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: JSON.stringify({ code: c }) });
    assertEqual((await exchange(code, 'http://evil.example')).status, 403, 'a foreign origin cannot exchange the code');
    const page = await context.newPage();
    try {
      await page.goto(`${own.origin}/#code=${code}`);
      await page.waitForSelector('text=This case has no sign-ins yet.');
      assert(!page.url().includes('code='), 'the code is removed from the address bar');
      assertEqual(await page.evaluate(() => sessionStorage.getItem('signinscope.token')), own.token, 'the page exchanged the code for the session token');
    } finally {
      await page.close();
    }
    const again = await exchange(code);
    assertEqual(again.status, 403, 'the code works only once');
  } finally {
    await own.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
