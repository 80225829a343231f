/**
 * The clerk imports a package holding a scanned certificate and watches the packages screen:
 * the background OCR's column shows the pages read and ends as done, in Chinese (the real app
 * in Chromium, the real engine in its worker).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppFixture } from './app-fixture.ts';
import { alliancePackage } from '../helpers/package-builder.ts';
import { importPackageZips } from './ui-steps.ts';

const screenshots = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
const scan = readFileSync(resolve(import.meta.dirname, '../fixtures/evidence/ocr/scanned-certificate.pdf'));

describe('background OCR on the packages screen', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp({ ocr: true });
    work = mkdtempSync(join(tmpdir(), 'alliance-review-ocr-'));
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('shows the pages of the scans read, per package, until done', async () => {
    const { page } = app;
    const zip = await alliancePackage().with('成果转化/技术合同1.pdf', scan).writeZip(join(work, '智能语音联盟.zip'));
    await page.getByRole('button', { name: '材料包', exact: true }).click();
    await importPackageZips(page, [zip]);
    const row = page.getByTestId('package-row').first();
    await expect.poll(() => row.textContent(), { timeout: 120_000 }).toMatch(/已完成（\d+ 页）/);
    expect(await page.getByRole('columnheader', { name: '扫描件文字识别' }).count()).toBe(1);
    await page.screenshot({ path: join(screenshots, 'packages-ocr-done.png'), fullPage: true });
  });
});
