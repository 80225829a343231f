/**
 * Renderer timings in Chromium, through the browser shell:
 * - claim → first page: from the click on a claim whose evidence is a 300-page scanned PDF
 *   to the first page's canvas drawn (the viewer marks it `data-rendered="true"`);
 * - alliance switch: with every package loaded, from the key press that opens the next
 *   alliance to its first claim on screen.
 * Each is timed inside the page with `performance.mark`/`measure`, started in the same task
 * as the input event and ended by a MutationObserver, so Playwright's round trips are not in
 * the figure. Medians of several runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath, startServer } from '../e2e/app-fixture.ts';
import { createExpertProfile, importPackageZips } from '../e2e/ui-steps.ts';

export interface RendererTimings {
  readonly claimToPageMs: readonly number[];
  readonly allianceSwitchMs: readonly number[];
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
export { median };

/**
 * Waits in the page until `selector` matches (and, with `changed`, until the text of
 * `changed.selector` is no longer `changed.from`), and returns ms since the input event.
 */
export async function timeUntil(page: Page, selector: string, act: () => Promise<void>, changed?: { selector: string; from: string }): Promise<number> {
  await page.evaluate(({ sel, changed: change }) => {
    const w = window as unknown as { __benchDone?: Promise<number> };
    performance.clearMarks();
    w.__benchDone = new Promise<number>((resolve) => {
      const check = () => {
        const moved = change === undefined || document.querySelector(change.selector)?.textContent !== change.from;
        if (moved && document.querySelector(sel) && performance.getEntriesByName('bench-start').length > 0) {
          observer.disconnect();
          performance.mark('bench-end');
          resolve(performance.measure('bench', 'bench-start', 'bench-end').duration);
          return true;
        }
        return false;
      };
      const observer = new MutationObserver(() => void check());
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    // The mark is set by the capturing listener below, in the same task as the input event.
    const mark = () => performance.mark('bench-start');
    window.addEventListener('click', mark, { capture: true, once: true });
    window.addEventListener('keydown', mark, { capture: true, once: true });
  }, { sel: selector, changed });
  await act();
  return page.evaluate(() => (window as unknown as { __benchDone: Promise<number> }).__benchDone);
}

export async function measureRenderer(options: {
  readonly scanPackage: string;
  readonly manyPackages: readonly string[];
  readonly runs: number;
}): Promise<RendererTimings> {
  const dataDir = mkdtempSync(join(tmpdir(), 'alliance-review-bench-ui-'));
  const server = await startServer(dataDir);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    // Import through the UI's own upload path.
    await importPackageZips(page, [options.scanPackage, ...options.manyPackages], 600_000);
    await createExpertProfile(page, { name: '基准测试', id: 'E99', passphrase: 'passphrase-bench' });

    const claimToPageMs: number[] = [];
    const allianceSwitchMs: number[] = [];
    // The scan package sorts first (its id is BENCH-000).
    await page.getByTestId('alliance-row').first().getByRole('button', { name: '开始评分' }).click();
    await page.getByTestId('claim-row').first().waitFor();
    for (let run = 0; run < options.runs; run += 1) {
      // Another claim first, so the scan's claim is a fresh click each time.
      await page.getByTestId('claim-row').nth(1).click();
      await page.waitForTimeout(50);
      claimToPageMs.push(
        await timeUntil(page, '[data-testid="evidence-body"] [data-page="1"] canvas[data-rendered="true"]', () =>
          page.getByTestId('claim-row').first().click(),
        ),
      );
    }
    for (let run = 0; run < options.runs; run += 1) {
      const from = (await page.locator('.scoring-title h2').textContent()) ?? '';
      await page.keyboard.press('Escape');
      allianceSwitchMs.push(
        await timeUntil(page, '[data-testid="claim-row"]', () => page.keyboard.press(']'), { selector: '.scoring-title h2', from }),
      );
    }
    return { claimToPageMs, allianceSwitchMs };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
