/**
 * The chair importing the experts' sheets as a newcomer would, in Chromium on the real browser
 * shell: sheets chosen before the 操作人 is filled in are kept, not lost; after the import the
 * way on to 核对指纹 is one click; at the smallest window a fingerprint is never broken across
 * lines, and a refused read-out is brought into view.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareChairMeeting, writeChairMeeting, type ChairMeeting } from '../helpers/chair-meeting.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { prepareThroughHandlers } from './prepare-through-handlers.ts';
import { chooseFiles } from './ui-steps.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');

describe('the chair importing sheets', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    work = mkdtempSync(join(tmpdir(), 'alliance-review-sheets-'));
    mkdirSync(shots, { recursive: true });
    app = await startApp();
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('keeps sheets chosen before the 操作人, leads on to the fingerprints, and keeps each fingerprint whole at 1024×640', async () => {
    let meeting: ChairMeeting | undefined;
    await prepareThroughHandlers(app, async (ctx) => {
      meeting = await writeChairMeeting(work);
      return prepareChairMeeting(ctx, meeting);
    });
    const sheets = meeting!.sheets.slice(0, 2);
    const { page } = app;
    await page.goto(app.server.url);
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.getByRole('button', { name: '主任控制台', exact: true }).click();
    // Before any sheet counts, the overview does not list every alliance as missing from a table it does not show.
    await page.getByText('还没有可汇总的评分表').waitFor();
    expect(await page.getByText('尚无计入的评分表').count()).toBe(0);
    await page.getByRole('navigation', { name: '主任控制台' }).getByRole('button', { name: '评分表' }).click();

    // Chosen with no 操作人: kept, named, and imported once the name is there.
    await chooseFiles(page, '选择评分表文件…', sheets);
    const waiting = page.getByTestId('sheets-waiting');
    await waiting.waitFor();
    expect(await waiting.textContent()).toContain('已选择 2 份评分表（E01.sheet.json、E02.sheet.json），还没有导入');
    const importWaiting = waiting.getByRole('button', { name: '导入这 2 份评分表' });
    expect(await importWaiting.isDisabled()).toBe(true);
    expect(await page.getByTestId('sheet-row').count()).toBe(0);
    await page.getByLabel('操作人').fill('主任 孙立');
    await importWaiting.click();
    await expect.poll(() => page.getByTestId('sheet-report').count()).toBe(2);
    expect(await waiting.count()).toBe(0);
    expect(await page.getByTestId('sheet-row').count()).toBe(2);

    // The next step, often below the fold, is one click away and takes the keyboard there.
    const pending = page.getByTestId('pending-key');
    await page.getByRole('button', { name: '下一步：核对 2 位专家的指纹 ↓' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('E01 念出的指纹');
    await expect.poll(async () => ((await page.getByRole('heading', { name: '核对指纹（2）' }).boundingBox())?.y ?? -1) >= 0).toBe(true);

    // Each fingerprint on one line, as it is read aloud.
    for (const box of await pending.locator('.fingerprint-big').all()) {
      const height = (await box.boundingBox())!.height;
      const lineHeight = await box.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.6);
      expect(height).toBeLessThan(lineHeight * 1.9);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);

    // A wrong read-out is refused, and the refusal is on screen.
    const first = pending.first();
    await first.getByRole('textbox').fill('0000 0000 0000 0000');
    await page.evaluate(() => window.scrollBy(0, -120));
    await first.getByRole('button', { name: '一致，确认' }).click();
    const refusal = first.getByRole('alert');
    await refusal.waitFor();
    await expect.poll(async () => {
      const box = await refusal.boundingBox();
      return box !== null && box.y + box.height <= 640;
    }).toBe(true);
    expect(await refusal.textContent()).toContain('不一致');
    await page.screenshot({ path: resolve(shots, 'chair-fingerprint-1024.png') });
  });
});
