import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // engine tests write demo caches and recovery journals: keep them out of the user's ~/.cache
    env: { SIGNINSCOPE_CACHE: path.join(os.tmpdir(), `signinscope-test-cache-${process.pid}`) },
  },
});
