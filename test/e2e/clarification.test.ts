/**
 * 补正 in the chair's console, in Chromium through the browser shell: a meeting of real package
 * zips prepared through the handlers on the app's own data folder. Through the UI the chair asks
 * HFA-002 for a missing registration certificate by a date (a double click records one request,
 * the typed text is cleared only once stored, and the request is in the audit log); the clerk
 * then imports the alliance's corrected package on the packages screen, and the request shows as
 * answered by version 2. Screenshots at 1366×768 and 1024×640.
 *
 * Screenshots go to docs/images/ when UPDATE_DOCS_SCREENSHOTS=1, else test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeChairMeeting, prepareChairMeeting } from '../helpers/chair-meeting.ts';
import { allianceManifest, alliancePackage } from '../helpers/package-builder.ts';
import { smallClaims } from '../shared/result/merge-fixtures.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { prepareThroughHandlers } from './prepare-through-handlers.ts';
import { importPackageZips } from './ui-steps.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');
const CHAIR = '主任 孙立';
const MISSING = 'I4 技术合同第 2 份（声学模型开发合同）缺技术合同登记证明，请补交。';

describe('补正 in the chair’s console', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-clarification-'));
    mkdirSync(shots, { recursive: true });
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('records a request once, and shows it answered when the corrected package is imported', { timeout: 240_000 }, async () => {
    await prepareThroughHandlers(app, async (ctx) => prepareChairMeeting(ctx, await writeChairMeeting(work)));
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.server.url);
    await page.getByRole('button', { name: '主任控制台', exact: true }).click();
    await page.getByLabel('操作人').fill(CHAIR);
    await page.getByRole('navigation', { name: '主任控制台' }).getByRole('button', { name: '签到与分歧' }).click();

    const panel = page.locator('section[aria-labelledby="clarifications-title"]');
    await panel.scrollIntoViewIfNeeded();
    const record = panel.getByRole('button', { name: '登记补正要求' });
    expect(await record.isDisabled()).toBe(true);
    await panel.getByLabel('要求补正的联盟').selectOption({ label: 'HFA-002 合肥市新材料产业技术创新战略联盟（第 1 版）' });
    await panel.getByRole('textbox', { name: '需补正的材料' }).fill(MISSING);
    // The date is written the Chinese way on any system; the American order is refused with how to write it.
    const due = panel.getByLabel('补正期限');
    expect(await due.getAttribute('placeholder')).toBe('如 2026-12-01');
    await due.fill('01/25/2027');
    expect(await panel.getByRole('alert').textContent()).toBe('请写成 2026-12-01 或 2026年12月1日 的形式');
    await due.fill('2027年1月25日');
    expect(await panel.getByRole('alert').count()).toBe(0);
    await due.blur();
    expect(await due.inputValue()).toBe('2027-01-25');
    await record.dblclick();
    const rows = panel.getByTestId('clarification-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('HFA-002 合肥市新材料产业技术创新战略联盟');
    expect(await rows.first().textContent()).toContain(MISSING);
    expect(await rows.first().textContent()).toContain('2027-01-25');
    expect(await rows.first().textContent()).toContain('待补正');
    expect(await panel.getByRole('heading').first().textContent()).toBe('补正（1 项待联盟补正）');
    // Stored, so the form is empty again for the next request.
    expect(await panel.getByRole('textbox', { name: '需补正的材料' }).inputValue()).toBe('');
    await panel.screenshot({ path: join(shots, 'chair-clarification.png') });
    await page.setViewportSize({ width: 1024, height: 640 });
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'chair-clarification-1024.png') });
    const overflow = await panel.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 1366, height: 768 });

    // The audit log names the request in the chair's words.
    await page.getByRole('navigation', { name: '主任控制台' }).getByRole('button', { name: '审计日志' }).click();
    await expect.poll(() => page.getByTestId('chair-tab-content').textContent()).toContain('要求联盟补正材料');

    // The clerk imports the corrected package: a new version of HFA-002.
    const corrected = await alliancePackage(
      allianceManifest(
        'HFA-002',
        {
          ...smallClaims,
          'I4.techContracts': {
            items: [
              { id: 'tc-1', title: '语音识别技术许可合同', date: '2026-05-12', evidence: ['成果转化/技术合同1.pdf'] },
              { id: 'tc-2', title: '声学模型开发合同（补登记）', date: '2026-07-01', evidence: ['成果转化/技术合同2.pdf'] },
              { id: 'tc-3', title: '技术服务合同', date: '2026-09-30', evidence: ['成果转化/技术合同3.pdf'] },
            ],
          },
        },
        { name: '合肥市新材料产业技术创新战略联盟' },
      ),
    ).write(join(work, 'HFA-002-补正.zip'));
    await importPackageZips(page, [corrected.path]);
    expect(await page.getByTestId('import-report').last().textContent()).toContain('第 2 版');

    await page.getByRole('button', { name: '主任控制台', exact: true }).click();
    await page.getByRole('navigation', { name: '主任控制台' }).getByRole('button', { name: '签到与分歧' }).click();
    await panel.scrollIntoViewIfNeeded();
    await expect.poll(() => rows.first().textContent()).toContain('已补正（第 2 版');
    expect(await panel.getByRole('heading').first().textContent()).toBe('补正（0 项待联盟补正）');
  });
});
