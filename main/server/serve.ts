// Browser mode: the backend plus a loopback-only HTTP server for the built renderer and a token-
// protected WebSocket. Run with `npm run serve -- [files]`; prints the one-time link to open.
import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startBackend } from '../api/backend';
import { parseServeArgs, USAGE, type ServeArgs } from './args';
import { OneTimeCodes, sessionExchange } from './one-time-code';
import { newToken } from './security';
import { findRendererDir, staticHandler } from './static-files';
import { attachGateway } from './ws-gateway';

const log = (line: string) => process.stderr.write(`[signinscope] ${line}\n`);

/** The folder the user started in: npm runs scripts in the package folder and says where in INIT_CWD. */
function startFolder(): string {
  const init = process.env.INIT_CWD;
  return init && path.isAbsolute(init) ? init : process.cwd();
}

/**
 * Files to open, folders to read and the output folder. A folder argument is shared for reading and
 * its files imported; a file argument grants that file alone. With neither, nor --root, the start
 * folder is shared for reading. Only the output folder is writable.
 */
async function resolveInputs(args: ServeArgs): Promise<{ openPaths: string[]; roots: string[]; outputDir: string }> {
  const openPaths: string[] = [];
  const roots = new Set(args.roots.map((r) => path.resolve(r)));
  for (const p of args.paths.map((x) => path.resolve(x))) {
    const stat = await fsp.stat(p).catch(() => null);
    if (!stat) throw new Error(`no such file or folder: ${p}`);
    if (stat.isDirectory()) {
      roots.add(p);
      const names = (await fsp.readdir(p, { withFileTypes: true })).filter((d) => d.isFile() && !d.name.startsWith('.')).map((d) => path.join(p, d.name));
      openPaths.push(...names.sort());
    } else openPaths.push(p); // granted alone by the backend, for reading
  }
  if (roots.size === 0 && openPaths.length === 0) roots.add(startFolder());
  const outputDir = path.resolve(startFolder(), args.out ?? 'signinscope-output');
  await fsp.mkdir(outputDir, { recursive: true });
  return { openPaths, roots: [...roots], outputDir: await fsp.realpath(outputDir) };
}

/**
 * Launches the browser on a link that carries a one-time code, never the token (argv is readable by
 * every local user). SIGNINSCOPE_OPENER names another program to launch instead of the system's.
 */
function openBrowser(url: string): void {
  const opener = process.env.SIGNINSCOPE_OPENER;
  const [cmd, ...cmdArgs] = opener ? [opener, url] : process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '""', url] : ['xdg-open', url];
  try {
    const child = spawn(cmd!, cmdArgs, { detached: true, stdio: 'ignore' });
    child.on('error', () => log('could not launch a browser; open the link above yourself'));
    child.unref();
  } catch {
    log('could not launch a browser; open the link above yourself');
  }
}

export async function main(argv: readonly string[]): Promise<void> {
  const args = parseServeArgs(argv);
  if (args.help) return void console.log(USAGE);
  const rendererDir = findRendererDir();
  if (!rendererDir) throw new Error('the renderer is not built: run `npm run build` (or `npm run serve`, which builds it)');
  const { openPaths, roots, outputDir } = await resolveInputs(args);
  const demo = args.demo && openPaths.length === 0;
  if (demo) log('opening the demo case (the first run generates it; this can take a minute)…');
  else if (openPaths.length) log(`opening ${openPaths.length} file(s)…`);
  const backend = await startBackend({ mode: 'browser', readRoots: roots, writeRoots: [outputDir], outputDir, openPaths, demo });

  const token = newToken();
  let port = args.port;
  const codes = new OneTimeCodes();
  const exchange = sessionExchange(codes, token, () => port);
  const serveStatic = staticHandler(rendererDir, () => port);
  const server = createServer((req, res) => {
    if (!exchange(req, res)) serveStatic(req, res).catch(() => res.destroy());
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  const detach = attachGateway(server, backend, () => port, token, log);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.port, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/#token=${token}`;
  console.log(
    [
      'SigninScope is running in browser mode (127.0.0.1 only).',
      `  Open: ${url}`,
      `  Readable: ${[...roots, ...(openPaths.length ? [`${openPaths.length} file(s) named on the command line`] : [])].join(', ')}`,
      `  Output folder (cases, exports, reports, dropped files): ${outputDir}`,
      '  Press Ctrl+C to stop.',
    ].join('\n'),
  );
  if (args.open) openBrowser(`http://127.0.0.1:${port}/#code=${codes.issue()}`);

  const stop = async () => {
    detach();
    server.close();
    await backend.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: Error) => {
    log(`error: ${err.message}`);
    process.exit(1);
  });
}
