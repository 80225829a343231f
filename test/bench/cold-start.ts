/**
 * Cold start of the browser shell: from spawning `node electron/web/main.ts` on an empty
 * data folder to the home screen being interactive in Chromium (its meeting list loaded from
 * the store). The browser is already running, as a user's would be.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, startServer } from '../e2e/app-fixture.ts';

export async function measureColdStart(dataDir: string, runs: number): Promise<{ medianMs: number; nodeStartMs: number }> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      rmSync(dataDir, { recursive: true, force: true });
      const page = await browser.newPage();
      const started = performance.now();
      const server = await startServer(dataDir);
      await page.goto(server.url);
      await page.getByText('本机还没有评审会议。').waitFor();
      times.push(performance.now() - started);
      await page.close();
      await server.stop();
    }
  } finally {
    await browser.close();
  }
  const nodeStarted = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  const nodeStartMs = performance.now() - nodeStarted;
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, nodeStartMs };
}
