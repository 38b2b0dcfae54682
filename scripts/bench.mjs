// `npm run bench [-- --records N]`: prints speed and memory figures (never asserts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const status = spawnSync('npx', ['tsx', 'bench/import-bench.ts', ...args], { cwd: root, stdio: 'inherit' }).status;
process.exit(status ?? 1);
