import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit and integration tests under plain Node 24 (no Electron): real temp folders, real
// SQLite files, real zips, the real CLI as a child process. End-to-end tests have their
// own config (vitest.e2e.config.ts) because they need the built renderer and Chromium.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    pool: 'forks',
    // Two files at a time even on two cores (vitest's default there is one): many tests wait on
    // a child process (the CLI, the browser shell) or on disk, and one worker left a core idle.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
  },
});
