/**
 * 材料核查 in the chair's console, end to end in Chromium through the browser shell: the sample
 * chair meeting of six alliances (test/helpers/chair-meeting.ts, real zips imported by the real
 * importer), with HFA-001's package of 2025 in the store too. The tab shows the findings the
 * cross-check makes of them: the 2025 files found again, the same files claimed by several
 * alliances, each with every place, in Chinese; the chair's note on one is kept beside it and
 * appears in the audit log.
 *
 * Screenshot to docs/images/ when UPDATE_DOCS_SCREENSHOTS=1, else test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPackage } from '../../electron/package-store/import-packages.ts';
import { prepareChairMeeting, writeChairMeeting } from '../helpers/chair-meeting.ts';
import { alliancePackage, manifest } from '../helpers/package-builder.ts';
import { richClaims } from '../shared/result/merge-fixtures.ts';
import { startApp, type AppFixture } from './app-fixture.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');

let app: AppFixture | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('材料核查 (chair console)', () => {
  it('lists the findings of the meeting against each other and an earlier year, naming every place', async () => {
    app = await startApp({
      prepare: async (ctx, work) => {
        const meeting = await writeChairMeeting(work);
        await prepareChairMeeting(ctx, meeting);
        // HFA-001's 2025 package: the same evidence files as this year's (the builder writes one
        // file per path and alliance), as an alliance that hands in last year's proof again.
        const earlier = alliancePackage(manifest({ year: 2025, alliance: { id: 'HFA-001', name: '合肥市智能语音产业技术创新战略联盟' }, claims: richClaims }));
        const report = await importPackage(ctx, { path: earlier.writeFolder(join(work, 'HFA-001-2025')), name: 'HFA-001-2025', uploadId: null });
        expect(report.outcome).toBe('imported');
      },
    });
    const { page } = app;
    await page.getByRole('button', { name: '主任控制台', exact: true }).click();
    await page.getByRole('navigation', { name: '主任控制台' }).getByRole('button', { name: '材料核查' }).click();
    await page.getByTestId('cross-check').waitFor({ timeout: 60_000 });

    const findings = page.getByTestId('finding');
    expect(await findings.count()).toBeGreaterThan(0);
    const reused = page.locator('[data-testid="finding"][data-kind="reused-from-earlier-year"]');
    expect(await reused.count()).toBeGreaterThan(0);
    const text = (await reused.first().textContent()) ?? '';
    expect(text).toContain('2025年 HFA-001');
    expect(text).toContain('2026年 HFA-001');
    expect(text).toContain('这只是提示');
    const summary = (await page.locator('.cross-check-summary').textContent()) ?? '';
    expect(summary).toContain('核查了本次会议的 6 个材料包，并与本机往年的 1 个材料包比较');
    const all = (await page.getByTestId('cross-check').textContent()) ?? '';
    expect(all).not.toContain('[object Object]');
    expect(all).not.toContain('undefined');
    // Places and details in the rubric's words: no criterion id such as I1.office on the screen.
    expect(all).toMatch(/I1 设立专门办公室并配备专职人员/u);
    expect(all).not.toMatch(/\b[IB]\d+\.[a-z][A-Za-z]+\b/u);

    // The chair's note on the first finding: kept beside it, and in the audit log.
    await page.getByLabel('操作人').fill('主任 孙立');
    const first = findings.first();
    await first.getByRole('textbox').fill('已核对原件：三个联盟共用同一办公场所');
    await first.getByRole('button', { name: '保存批注' }).click();
    await expect.poll(async () => (await first.getByTestId('finding-note').textContent()) ?? '', { timeout: 30_000 }).toContain('主任批注：已核对原件：三个联盟共用同一办公场所');
    await page.getByRole('navigation', { name: '主任控制台' }).getByRole('button', { name: '审计日志' }).click();
    await expect.poll(async () => (await page.locator('.audit').textContent()) ?? '', { timeout: 30_000 }).toContain('材料核查批注');
    await page.getByRole('navigation', { name: '主任控制台' }).getByRole('button', { name: '材料核查' }).click();
    await page.getByTestId('cross-check').waitFor({ timeout: 60_000 });

    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: resolve(shots, 'chair-cross-check.png'), fullPage: false });

    // A place of this year with a file opens the drill-down at its claim, showing that file.
    const place = reused.first().locator('li').filter({ hasText: '2026年' }).filter({ has: page.getByTestId('finding-open') }).first();
    const file = /（([^（）]+?)(?: 第\d+页)?）/.exec((await place.textContent()) ?? '')?.[1] ?? '';
    expect(file).not.toBe('');
    await place.getByTestId('finding-open').click();
    const name = file.split('/').at(-1) ?? file;
    await page.getByRole('button', { name, exact: true }).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: resolve(shots, 'chair-cross-check-open.png'), fullPage: false });

    // A place of the earlier year's package (on this laptop) opens its file under the finding, read-only.
    await page.getByRole('navigation', { name: '主任控制台' }).getByRole('button', { name: '材料核查' }).click();
    await page.getByTestId('cross-check').waitFor({ timeout: 60_000 });
    const earlierPlace = page
      .locator('[data-testid="finding"][data-kind="reused-from-earlier-year"]')
      .first()
      .locator('li')
      .filter({ hasText: '2025年' })
      .filter({ has: page.getByTestId('finding-open') })
      .first();
    const earlierText = (await earlierPlace.textContent()) ?? '';
    const earlierFile = /（([^（）]+?)(?: 第\d+页)?）/.exec(earlierText)?.[1] ?? '';
    expect(earlierFile).not.toBe('');
    expect(await earlierPlace.getByTestId('finding-open').textContent()).toBe('打开往年材料（只读）');
    await earlierPlace.getByTestId('finding-open').click();
    const shown = page.getByTestId('earlier-evidence');
    await shown.waitFor({ timeout: 30_000 });
    expect(await shown.locator('p').first().textContent()).toContain('往年材料（只读）：合肥市智能语音产业技术创新战略联盟（HFA-001）2025 年第 1 版');
    await expect.poll(() => shown.getByTestId('evidence-body').getAttribute('data-path'), { timeout: 30_000 }).toBe(earlierFile);
    // Read-only: nothing to decide beside it.
    expect(await shown.getByRole('button', { name: '认定' }).count()).toBe(0);
    await shown.scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: resolve(shots, 'chair-cross-check-earlier-1366.png'), fullPage: false });
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.screenshot({ path: resolve(shots, 'chair-cross-check-earlier-1024.png'), fullPage: false });
    await shown.getByRole('button', { name: '关闭' }).click();
    expect(await page.getByTestId('earlier-evidence').count()).toBe(0);
    // An error in the page fails the test when the fixture closes.
  }, 180_000);
});
