/**
 * A scan inside a zip of the package, end to end in Chromium with the real OCR engine in its
 * worker: the clerk sees its page counted in the packages screen's OCR column until done; the
 * expert's alliance-wide search finds the registration number the scan shows, and its hit opens
 * the zip with the scan open at its page, the words highlighted; the scan's own search finds
 * them too. The zip is a committed fixture made by Info-ZIP (fixtures/evidence/ocr/).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { longPdf } from '../helpers/long-pdf.ts';
import { manifest as packageManifest, packageFiles } from '../helpers/package-builder.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { createExpertProfile, importPackageZips, startScoring } from './ui-steps.ts';

const fixtures = resolve(import.meta.dirname, '..', 'fixtures', 'evidence', 'ocr');
const shots = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
const MEMBER = '证明材料/扫描件.zip/扫描件/技术合同登记证明.pdf';

describe('a scan inside a zip, read by the background OCR', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp({ ocr: true });
    work = mkdtempSync(join(tmpdir(), 'alliance-review-zip-scan-'));
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('counts its page, finds its words in the alliance-wide search and opens it at the hit', { timeout: 240_000 }, async () => {
    const { page } = app;
    const manifest = packageManifest({ claims: { 'I1.office': { claimed: true, evidence: ['证明材料/扫描件.zip'] } } });
    const zip = await packageFiles({
      'manifest.json': JSON.stringify(manifest),
      '自查报告.pdf': await longPdf(1),
      '证明材料/扫描件.zip': readFileSync(join(fixtures, 'scans.zip')),
    }).writeZip(join(work, '压缩包扫描件.zip'));
    await page.getByRole('button', { name: '材料包', exact: true }).click();
    await importPackageZips(page, [zip]);
    // The self-report's page and the zip's scan: the zip has no pages of its own.
    const row = page.getByTestId('package-row').first();
    await expect.poll(() => row.textContent(), { timeout: 180_000 }).toMatch(/已完成（2 页）/);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: join(shots, 'zip-scan-ocr-done.png') });

    await createExpertProfile(page, { name: '李华', id: 'E02', passphrase: 'passphrase-2027' });
    await startScoring(page);
    await page.getByTestId('package-search-toggle').click();
    await page.getByLabel('在本联盟全部材料中搜索').fill('340104202600123');
    await page.getByLabel('在本联盟全部材料中搜索').press('Enter');
    const result = page.getByTestId('package-search-result');
    await expect.poll(() => result.locator('p').first().textContent(), { timeout: 30_000 }).toBe('“340104202600123”共 1 处，在 1 个文件中。点击页码打开该页。');
    expect(await result.locator('.package-search-file strong').allTextContents()).toEqual([MEMBER]);
    await page.screenshot({ path: join(shots, 'zip-scan-package-search.png') });

    // Opening the scan asks main to read it next by its own hash (the zip has no pages to read).
    const putFirst: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('ocr-put-first')) putFirst.push(request.postData() ?? '');
    });
    await result.getByTestId('package-search-hit').first().click();
    expect(await page.getByTestId('zip-member-path').textContent()).toBe('证明材料/扫描件.zip › 扫描件/技术合同登记证明.pdf');
    const scanSha = createHash('sha256').update(readFileSync(join(fixtures, 'scanned-certificate.pdf'))).digest('hex');
    await expect.poll(() => putFirst.some((body) => body.includes(scanSha)), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('pdf-search-result').textContent(), { timeout: 30_000 }).toContain('“340104202600123”第 1 / 1 处，在第 1 页');
    await page.locator('[data-page="1"] [data-testid="search-hit"].current').waitFor();
    await page.screenshot({ path: join(shots, 'zip-scan-hit-1366.png') });
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.screenshot({ path: join(shots, 'zip-scan-hit-1024.png') });
  });
});
