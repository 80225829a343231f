/**
 * Exporting the result documents from the chair's console, in Chromium through the browser
 * shell: a meeting of 6 alliances and 5 experts (test/helpers/chair-meeting.ts) is prepared,
 * noted and locked through the handlers on the app's own data folder; then, in the finalize tab,
 * the clerk exports the signed PDFs and the workbook (default folder), sees the report with the
 * locked result's digest, and, exporting again, is shown the existing files instead of having
 * them replaced.
 *
 * The screenshot of the report goes to docs/images/ when UPDATE_DOCS_SCREENSHOTS=1, else
 * test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/app/context.ts';
import { call } from '../helpers/call.ts';
import { importChairSheets, prepareChairMeeting, writeChairMeeting } from '../helpers/chair-meeting.ts';
import { settlePanelProcedure } from '../helpers/panel-procedure.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { prepareThroughHandlers } from './prepare-through-handlers.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');
const CHAIR = '主任 孙立';

/** Prepares and locks the sample meeting through the handlers; the lock's SHA-256. */
async function lockedMeeting(ctx: ServiceContext, work: string): Promise<string> {
  const meeting = await writeChairMeeting(work);
  const meetingId = await prepareChairMeeting(ctx, meeting);
  await importChairSheets(ctx, meetingId, CHAIR, meeting.sheets);
  for (const flag of (await call(ctx, 'panel-view', { meetingId })).flags) {
    await call(ctx, 'flag-note-save', { meetingId, actor: CHAIR, flagKey: flag.key, note: '经合议维持原评分' });
  }
  await settlePanelProcedure(ctx, meetingId, CHAIR);
  return (await call(ctx, 'panel-finalize', { meetingId, actor: CHAIR })).resultSha256;
}

describe('result documents from the finalize tab', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-documents-'));
    mkdirSync(shots, { recursive: true });
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('exports the signed PDFs and the workbook of the locked result, reports them, and asks before overwriting', async () => {
    const sha = await prepareThroughHandlers(app, (ctx) => lockedMeeting(ctx, work));
    const { page } = app;
    await page.setViewportSize({ width: 1300, height: 1000 });
    await page.goto(app.server.url);
    await page.getByRole('button', { name: '主任控制台', exact: true }).click();
    await page.getByLabel('操作人').fill(CHAIR);
    await page.getByRole('navigation', { name: '主任控制台' }).getByRole('button', { name: '定稿' }).click();
    await expect.poll(() => page.getByTestId('lock-state').textContent()).toBe('已定稿');

    const panel = page.getByTestId('result-documents');
    await panel.getByRole('button', { name: '导出结果文件（PDF 与 Excel）' }).click();
    const report = page.getByTestId('result-documents-report');
    await report.waitFor({ timeout: 150_000 });
    expect(await page.getByTestId('result-documents-digest').textContent()).toBe(sha);
    expect(await page.getByTestId('result-documents-certificate').textContent()).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const folder = join(app.dataDir, 'exports', '2026');
    expect(await report.locator('tbody tr').count()).toBe(24);
    expect(readdirSync(folder)).toHaveLength(24);
    expect(await report.getByRole('status').textContent()).toBe(`已写入 24 个文件到 ${folder}。`);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: resolve(shots, 'result-export-report.png') });

    // Again: the files are there, nothing is replaced until the clerk says so.
    await panel.getByRole('button', { name: '导出结果文件（PDF 与 Excel）' }).click();
    const existing = page.getByTestId('result-documents-existing');
    await existing.waitFor({ timeout: 150_000 });
    expect(await existing.locator('li').count()).toBe(24);
    await existing.screenshot({ path: resolve(shots, 'result-export-existing.png') });
    await existing.getByRole('button', { name: '覆盖这些文件' }).click();
    await report.waitFor({ timeout: 150_000 });
    expect(await report.locator('tbody tr').count()).toBe(24);
  }, 360_000);
});
