// `npm run serve -- [files]`: browser mode. Builds the renderer when its sources changed, then runs
// main/server/serve.ts through tsx (the engine worker runs from source the same way).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureRenderer } from './build.mjs';

const root = path.resolve(import.meta.dirname, '..');

export async function runServe(args) {
  await ensureRenderer();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'main', 'server', 'serve.ts'), ...args], { stdio: 'inherit', cwd: process.cwd() });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(await runServe(process.argv.slice(2)));
