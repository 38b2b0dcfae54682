// Starts a worker thread from the built bundle when there is one, else from TypeScript source via tsx
// (development, tests, the CLI run from a checkout).
import { existsSync } from 'node:fs';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function spawnWorker(bundledFile: string, sourceFile: string, options: WorkerOptions = {}): Worker {
  if (existsSync(bundledFile)) return new Worker(bundledFile, options);
  // tsx resolved here, not from the worker's cwd: the CLI runs from wherever the analyst's evidence is.
  return new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(sourceFile)});`, { ...options, eval: true });
}
