/**
 * Agreement by year in the chair's console, in Chromium through the browser shell: a store
 * holding a 2025 and a 2026 meeting, each of real package zips of its year and real signed
 * sheets of three experts (test/helpers/agreement-years.ts), prepared through the handlers on
 * the app's own data folder. The 2026 console's overview shows the table of criteria × years
 * with the values and readings main computed (electron/chair/agreement-history.ts).
 *
 * The screenshot goes to docs/images/ when UPDATE_DOCS_SCREENSHOTS=1, else test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeYearMeeting } from '../helpers/agreement-years.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { prepareThroughHandlers } from './prepare-through-handlers.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');

describe('agreement by year in the chair’s console', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-agreement-'));
    mkdirSync(shots, { recursive: true });
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('shows each criterion’s agreement and reading per stored year, with 样本太少 where too few', async () => {
    await prepareThroughHandlers(app, async (ctx) => {
      await storeYearMeeting(ctx, work, {
        year: 2025,
        values: [
          [1.4, 1.2, 1.4],
          [0.8, 0.8, 1.0],
          [0.4, 0.6, 0.4],
          [1.0, 1.0, 1.4],
          [0.2, 0.4, 0.2],
        ],
        office: ['aaa', 'ara', 'rrr', 'aaa', 'rra'],
      });
      // 2026: four alliances only, so every cell of that year reads 样本太少.
      await storeYearMeeting(ctx, work, { year: 2026, values: [[2, 2, 2], [1, 1, 1], [2.5, 2.5, 2.5], [0, 0, 0]], office: ['aaa', 'rrr', 'aaa', 'aaa'] });
    });
    const { page } = app;
    await page.setViewportSize({ width: 1300, height: 1000 });
    await page.goto(app.server.url);
    await page.getByRole('button', { name: '主任控制台', exact: true }).click();
    const table = page.getByTestId('agreement-history-table');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['指标 / 评分项', '2025 年度', '2026 年度']);
    const cells = (id: string) => table.locator(`[data-testid="agreement-history-row"][data-id="${id}"] td`).allTextContents();
    expect(await cells('I10.status')).toEqual(['ICC 0.900 一致性好', 'ICC — 样本太少']);
    expect(await cells('I1.office')).toEqual(['α 0.481 差', 'α — 样本太少']);
    expect(await cells('I1')).toEqual(['ICC 0.529 一般α 0.624 差', 'ICC — 样本太少α — 样本太少']);
    const panel = page.getByTestId('agreement-history');
    // The top of the table (I1 … I3) is what the docs show; the whole table is 40 rows long.
    const box = await panel.boundingBox();
    const head = await table.locator('[data-testid="agreement-history-row"][data-id="I4"]').boundingBox();
    if (box === null || head === null) throw new Error('the agreement table is not laid out');
    // Bounding boxes are in the viewport, a full-page clip in the page: add the scroll.
    const scrollY = await page.evaluate(() => window.scrollY);
    await page.screenshot({ path: resolve(shots, 'chair-agreement-by-year.png'), fullPage: true, clip: { x: box.x, y: box.y + scrollY, width: box.width, height: head.y - box.y } });
  });
});
