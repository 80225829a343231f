import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppFixture } from './app-fixture.ts';
import { alliancePackage, manifest } from '../helpers/package-builder.ts';
import { chooseFiles } from './ui-steps.ts';

const screenshots = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

describe('the clerk imports packages', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-pkgs-'));
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('picks three zips, sees a report for each, and finds them listed from the store', async () => {
    const { page } = app;
    const good = await alliancePackage().writeZip(join(work, '智能语音联盟.zip'));
    const bad = manifest({ year: '二〇二六' });
    const refused = await alliancePackage(bad).writeZip(join(work, '有错误的包.zip'));
    // A download cut short: the browser shell keeps the upload under an id of its own.
    const whole = readFileSync(good);
    const cut = join(work, '下载不完整的包.zip');
    writeFileSync(cut, whole.subarray(0, whole.length - 30));

    await page.getByRole('button', { name: '材料包', exact: true }).click();
    await page.getByText('还没有导入材料包').waitFor();
    await chooseFiles(page, '导入材料包（.zip）…', [good, refused, cut]);

    const reports = page.getByTestId('import-report');
    await expect.poll(() => reports.count(), { timeout: 20_000 }).toBe(3);
    expect(await reports.nth(0).textContent()).toContain('已导入');
    // Each refusal names the file the clerk chose and the place in the clerk's words.
    const second = await reports.nth(1).textContent();
    expect(second).toContain('合肥市智能语音产业技术创新战略联盟 未导入');
    expect(second).toContain('有错误的包.zip');
    expect(await reports.nth(1).locator('li.error .problem-place').allTextContents()).toEqual(['考核年度']);
    const third = await reports.nth(2).textContent();
    expect(third).toContain('下载不完整的包.zip');
    expect(await reports.nth(2).locator('li.error .problem-place').allTextContents()).toEqual(['下载不完整的包.zip']);
    for (const text of [second, third]) expect(text).not.toMatch(/[0-9a-f]{12}|incoming|year/u);

    const row = page.getByTestId('package-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    const cells = await row.first().locator('td').allTextContents();
    expect(cells[0]).toContain('合肥市智能语音产业技术创新战略联盟');
    expect(cells[1]).toBe('一般联盟');
    expect(cells[5]).toBe('6.5');

    const db = new Database(resolve(app.dataDir, 'alliance-review.sqlite'), { readonly: true });
    const stored = db.prepare('SELECT alliance_id, digest FROM package').all() as { alliance_id: string; digest: string }[];
    db.close();
    expect(stored.map((p) => p.alliance_id)).toEqual(['HFA-012']);
    expect(cells[4]).toBe(stored[0]!.digest.slice(0, 12));
    await page.screenshot({ path: resolve(screenshots, 'packages.png'), fullPage: true });
    // A small laptop's window: the reports and the list fit, nothing runs past the right edge.
    await page.setViewportSize({ width: 1024, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await page.screenshot({ path: resolve(screenshots, 'packages-1024.png'), fullPage: true });
  });
});

describe('the sample meeting', () => {
  let app: AppFixture;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('is one click away: six packages imported, each with a report, listed with self-scores', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '材料包与示例会议' }).click();
    await page.getByRole('button', { name: '载入示例会议' }).click();
    const reports = page.getByTestId('import-report');
    await expect.poll(() => reports.count(), { timeout: 30_000 }).toBe(6);
    expect(await reports.filter({ hasText: '已导入' }).count()).toBe(6);
    await expect.poll(() => page.getByTestId('package-row').count()).toBe(6);
    const names = await page.getByTestId('package-row').locator('td:first-child > div:first-child').allTextContents();
    expect(names.every((n) => n.startsWith('合肥市'))).toBe(true);
    await page.screenshot({ path: resolve(screenshots, 'sample-meeting.png'), fullPage: true });

    // Loading it again stores nothing twice.
    await page.getByRole('button', { name: '载入示例会议' }).click();
    await expect.poll(() => reports.filter({ hasText: '已导入过' }).count(), { timeout: 30_000 }).toBe(6);
    expect(await page.getByTestId('package-row').count()).toBe(6);
  });
});
