// Starts a worker thread from the built bundle when there is one, else from TypeScript source via tsx
// (development, tests, the CLI run from a checkout).
import { existsSync } from 'node:fs';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { asarNodeModules, unpackedPath } from './asar-unpacked';

export function spawnWorker(bundledFile: string, sourceFile: string, options: WorkerOptions = {}): Worker {
  const bundle = unpackedPath(bundledFile);
  if (existsSync(bundle)) return new Worker(bundle, bundle === bundledFile ? options : packagedOptions(bundledFile, options));
  // tsx resolved here, not from the worker's cwd: the CLI runs from wherever the analyst's evidence is.
  return new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(sourceFile)});`, { ...options, eval: true });
}

/**
 * A worker started from app.asar.unpacked still imports its packages (esbuild leaves them external),
 * which stay in app.asar/node_modules, outside its parent folders: NODE_PATH adds them to its lookup.
 */
function packagedOptions(bundledFile: string, options: WorkerOptions): WorkerOptions {
  const modules = asarNodeModules(bundledFile);
  if (!modules || typeof options.env === 'symbol') return options;
  return { ...options, env: { ...(options.env ?? process.env), NODE_PATH: modules } };
}
