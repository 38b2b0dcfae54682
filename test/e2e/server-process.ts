// Starts browser mode (main/server/serve.ts) as a child process and reads its one-time link.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ServerHandle {
  url: string;
  origin: string;
  port: number;
  token: string;
  stop(): Promise<void>;
  output(): string;
  /** False once the server process has exited. */
  alive(): boolean;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** `launchBrowser` lets the server run its browser opener (point SIGNINSCOPE_OPENER at a fake one). */
export function startServer(args: string[], env: NodeJS.ProcessEnv = {}, launchBrowser = false): Promise<ServerHandle> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'main', 'server', 'serve.ts'), ...(launchBrowser ? [] : ['--no-open']), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}`)), 240_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      const port = Number(m[1]);
      resolve({
        url: m[0],
        origin: `http://127.0.0.1:${port}`,
        port,
        token: m[2]!,
        output: () => out,
        alive: () => child.exitCode === null && child.signalCode === null,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before printing its link:\n${out}`));
    });
  });
}
