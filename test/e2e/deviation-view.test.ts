/**
 * Side by side for a deviation flag, in Chromium through the browser shell: the 2026 chair
 * meeting (test/helpers/chair-meeting.ts, where E05's total for HFA-002 deviates) with its
 * signed sheets counted through the handlers. On 总览 the chair opens 并排对照 on the flag and
 * sees every expert's indicator scores and total, the exact mean, the threshold and each
 * expert's reasons on the indicator where E05 is furthest off, and goes on to 逐项对照.
 *
 * Screenshots go to docs/images/ when UPDATE_DOCS_SCREENSHOTS=1, else test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dec, meanHalfUp } from '../../shared/decimal/decimal.ts';
import { formatScore } from '../../shared/decimal/print-score.ts';
import { call } from '../helpers/call.ts';
import { importChairSheets, prepareChairMeeting, writeChairMeeting } from '../helpers/chair-meeting.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { prepareThroughHandlers } from './prepare-through-handlers.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');
const CHAIR = '主任 孙立';

describe('a deviation flag side by side', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-deviation-'));
    mkdirSync(shots, { recursive: true });
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('shows every expert’s scores with the exact mean and the threshold, and each expert’s reasons, leading into the evidence', async () => {
    const view = await prepareThroughHandlers(app, async (ctx) => {
      const meeting = await writeChairMeeting(work);
      const meetingId = await prepareChairMeeting(ctx, meeting);
      await importChairSheets(ctx, meetingId, CHAIR, meeting.sheets);
      return call(ctx, 'panel-view', { meetingId });
    });
    const alliance = view.result!.alliances.find((a) => a.allianceId === 'HFA-002')!;
    const scoring = alliance.experts.filter((e) => !e.recused);
    const mean = formatScore(meanHalfUp(scoring.map((e) => dec(e.total!))));
    const e05 = scoring.find((e) => e.id === 'E05')!;

    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.server.url);
    await page.getByRole('button', { name: '主任控制台', exact: true }).click();
    await page.getByLabel('操作人').fill(CHAIR);
    const flag = page.locator('[data-testid="flag-item"][data-kind="deviation"][data-alliance="HFA-002"]');
    await flag.getByRole('button', { name: '并排对照' }).click();
    const side = flag.getByTestId('deviation-view');
    await side.waitFor();
    expect(await side.getByTestId('deviation-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-expert')))).toEqual(scoring.map((e) => e.id));
    expect(await side.getByTestId('deviation-mean').locator('td').first().textContent()).toBe(mean);
    expect(await side.locator('[data-testid="deviation-row"][data-expert="E05"]').getAttribute('class')).toBe('flagged-expert');
    const gap = dec(e05.total!).minus(dec(mean));
    expect(await side.locator('[data-testid="deviation-row"][data-expert="E05"] [data-testid="deviation-gap"]').textContent()).toBe(
      `${gap.isNegative() ? '−' : '+'}${formatScore(gap.abs())}`,
    );
    expect(gap.abs().greaterThan(view.meeting.deviationThreshold)).toBe(true);
    expect(await side.textContent()).toContain(`相差超过 ${view.meeting.deviationThreshold} 分即标记`);

    // The reasons of every expert on the indicator where E05 is furthest from the mean.
    const reasons = side.getByTestId('deviation-reason');
    await expect.poll(() => reasons.count()).toBe(scoring.length);
    const chosen = await side.locator('thead th.chosen').textContent();
    expect(await side.getByTestId('deviation-reasons').locator('h4').textContent()).toContain(`“${chosen}”各专家的理由`);
    await page.screenshot({ path: resolve(shots, 'chair-deviation.png'), fullPage: false });
    await page.setViewportSize({ width: 1024, height: 640 });
    await side.scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(shots, 'chair-deviation-1024.png'), fullPage: false });
    // Nothing wider than the window: the table scrolls inside the flag.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: resolve(root, 'test-results', 'screenshots', 'chair-overview-1024.png'), fullPage: false });

    // Another indicator's reasons on a click of its name; then on to 逐项对照 with its evidence.
    const other = side.locator('thead th button').first();
    const otherName = await other.textContent();
    await other.click();
    await expect.poll(() => side.getByTestId('deviation-reasons').locator('h4').textContent()).toContain(`“${otherName}”各专家的理由`);
    await side.getByRole('button', { name: '逐项对照（全部申报与证明材料）' }).click();
    await page.getByTestId('drill-table').waitFor();
    expect(await page.getByRole('combobox', { name: '联盟' }).inputValue()).toBe('HFA-002');

    // A PDF chosen as a sheet: named as chosen, said what it is and what to do, no codes.
    const pdf = join(work, '专家签名页.pdf');
    writeFileSync(pdf, Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
    await page.getByRole('navigation', { name: '主任控制台' }).getByRole('button', { name: '评分表' }).click();
    await page.getByTestId('sheet-file-input').setInputFiles(pdf);
    const report = page.getByTestId('sheet-report');
    await report.waitFor();
    expect(await report.locator('.problems').textContent()).toBe(
      '原因「专家签名页.pdf」是一个 PDF 文件，不是专家评分表（.sheet.json）。请选择专家在自己电脑上“签名并导出”得到的评分表文件（文件名以 .sheet.json 结尾）。',
    );
    await report.screenshot({ path: resolve(shots, 'chair-sheet-refused.png') });
  });
});
