/**
 * Screenshots of the evidence viewer at the two window sizes the expert guide is checked at
 * (1366×768 and 1024×640), to test-results/screenshots/<name>-<width>.png; with
 * UPDATE_DOCS_SCREENSHOTS=1 the ones the guide shows also to docs/images/ (at 1366×768). The
 * window is put back to the fixture's 1440×900 after.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

const root = resolve(import.meta.dirname, '..', '..');
const shots = resolve(root, 'test-results', 'screenshots');
const forDocs = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1';

export interface ViewerScreenshotOptions {
  /**
   * Runs in the page: whether the viewer has drawn again for the new pane size (a canvas
   * rendered, an image loaded, a message shown). It is sent to the page, so it may use nothing
   * from outside itself.
   */
  readonly drawn: () => boolean;
  /** The screenshots docs/expert-guide.md shows: name → its file in docs/images/. */
  readonly docs?: Readonly<Record<string, string>> | undefined;
}

export async function viewerScreenshots(page: Page, name: string, { drawn, docs = {} }: ViewerScreenshotOptions): Promise<void> {
  mkdirSync(shots, { recursive: true });
  for (const [width, height] of [
    [1366, 768],
    [1024, 640],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForFunction(drawn);
    // The pane's own layout settles a moment after the drawing (the toolbar wraps, the column is re-measured).
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, `${name}-${width}.png`) });
    const docsName = docs[name];
    if (forDocs && width === 1366 && docsName !== undefined) await page.screenshot({ path: join(root, 'docs', 'images', docsName) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}
