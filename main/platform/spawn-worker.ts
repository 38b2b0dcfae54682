// Starts a worker thread from the built bundle when there is one, else from TypeScript source via tsx
// (development, tests, the CLI run from a checkout).
import { existsSync } from 'node:fs';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function spawnWorker(bundledFile: string, sourceFile: string, options: WorkerOptions = {}): Worker {
  if (existsSync(bundledFile)) return new Worker(bundledFile, options);
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(sourceFile)});`, { ...options, eval: true });
}
