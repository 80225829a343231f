import { defineConfig } from 'vitest/config';

// End-to-end tests: the real renderer in Debian's Chromium, driven by playwright-core,
// against the browser shell started as a child process with a fresh data folder. One
// file at a time: each starts its own browser, and these machines have two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for what a person would wait for; its default of one second is less
    // than the app takes to answer on a loaded two-core machine.
    expect: { poll: { timeout: 15_000 } },
  },
});
