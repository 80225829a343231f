/**
 * Finding the page, end to end in Chromium, on fixtures made by real programs
 * (test/fixtures/evidence/find-page/make-fixtures.sh): an item whose reference names its page
 * opens there; one that names the file only opens at the page its title, number, date and
 * amount are on, marked 自动定位（第N页，可能不准）, or at page 1 unmarked when nothing is found;
 * the viewer's search (Ctrl+F, Enter, Shift+Enter, Esc) counts the hits and draws a box over
 * each, on the text layer of a PDF, also turned, and on the OCR lines of a scan; the
 * alliance-wide search lists hits by file and page and opens one at its page, highlighted.
 *
 * The scan's OCR text is in the app's own OCR store before the shell starts, as on an expert
 * laptop that imported the clerk's meeting file (test/e2e/web-with-stored-ocr.ts); the search
 * reads it from there.
 *
 * Screenshots at 1366×768 and 1024×640 go to test-results/screenshots/ (find-*.png); with
 * UPDATE_DOCS_SCREENSHOTS=1 the guide's three also to docs/images/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OcrPage } from '../../electron/ocr/ocr-store.ts';
import { manifest as packageManifest, packageFiles } from '../helpers/package-builder.ts';
import { startAppWithStoredOcr, type AppFixture } from './app-fixture.ts';
import { scoreOnePackage } from './ui-steps.ts';
import { viewerScreenshots } from './viewer-screenshots.ts';

const root = resolve(import.meta.dirname, '..', '..');
const fixtures = resolve(root, 'test', 'fixtures', 'evidence', 'find-page');
const fixture = (name: string) => readFileSync(join(fixtures, name));
/** The screenshots docs/expert-guide.md shows (at 1366×768). */
const docsShots: Record<string, string> = {
  'find-auto-locate': 'expert-auto-locate.png',
  'find-in-pdf': 'expert-pdf-search.png',
  'find-package-hit': 'expert-package-search.png',
};

const COMPILATION = '证明材料/合同汇编.pdf';
const SCAN = '证明材料/合同扫描件.pdf';
const OFD = '证明材料/电子发票.ofd';

async function packageZip(work: string): Promise<string> {
  const manifest = packageManifest({
    claims: {
      'I4.techContracts': {
        items: [
          { id: 'tc-1', title: '声学模型联合开发合同', date: '2026-08-01', evidence: [`${COMPILATION}#page=3`] },
          { id: 'HT-2026-015', title: '语音识别技术许可合同', date: '2026-05-12', evidence: [COMPILATION] },
          { id: 'tc-3', title: '不在汇编里的合同', date: '2026-02-01', evidence: [COMPILATION] },
          { id: 'HT-2026-021', title: '声学模型联合开发合同（扫描件）', date: '2026-08-01', evidence: [SCAN] },
          { id: 'tc-5', title: '技术合同登记证明', date: '2026-03-18', evidence: [OFD] },
          { id: 'tc-6', title: '电子发票', date: '2026-03-18', evidence: [`${OFD}#page=2`] },
        ],
      },
    },
  });
  return packageFiles({
    'manifest.json': JSON.stringify(manifest),
    '自查报告.pdf': fixture('contracts.pdf'),
    [COMPILATION]: fixture('contracts.pdf'),
    [SCAN]: fixture('scan.pdf'),
    // An e-invoice whose second page is the certificate it came with (fixtures/evidence/ofd/).
    [OFD]: readFileSync(resolve(root, 'test', 'fixtures', 'evidence', 'ofd', 'invoice.ofd')),
  }).writeZip(join(work, '找页.zip'));
}

const row = (page: Page, key: string) => page.locator(`[data-testid="claim-row"][data-key="${key}"]`);
const viewer = (page: Page) => page.getByTestId('pdf-scroll');

async function shownPage(page: Page, n: number): Promise<Locator> {
  await expect.poll(() => viewer(page).getAttribute('data-current-page'), { timeout: 20_000 }).toBe(String(n));
  const drawn = viewer(page).locator(`[data-page="${n}"]`);
  await drawn.locator('canvas[data-rendered="true"]').waitFor({ timeout: 20_000 });
  return drawn;
}

const status = (page: Page) => page.getByTestId('pdf-search-result').textContent();

/** Whether box `a` and box `b` overlap on screen. */
function overlap(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The current hit's box and the text layer's span with `words`, on page `n`: they must coincide. */
async function hitOverText(page: Page, n: number, words: string): Promise<boolean> {
  const drawn = viewer(page).locator(`[data-page="${n}"]`);
  const hit = await drawn.locator('[data-testid="search-hit"].current').first().boundingBox();
  const text = await drawn.locator('.textLayer span', { hasText: words }).first().boundingBox();
  return hit !== null && text !== null && overlap(hit, text);
}

const screenshots = (page: Page, name: string) =>
  viewerScreenshots(page, name, {
    drawn: () => document.querySelector('[data-testid="evidence-body"] canvas[data-rendered="true"]') !== null,
    docs: docsShots,
  });

describe('finding the page', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    work = mkdtempSync(join(tmpdir(), 'alliance-review-find-page-'));
    app = await startAppWithStoredOcr(work, [{ file: fixture('scan.pdf'), pages: JSON.parse(fixture('scan-ocr.json').toString('utf8')) as OcrPage[] }]);
    await scoreOnePackage(app.page, await packageZip(work), { name: '王芳', id: 'E05', passphrase: 'passphrase-2027' });
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('opens items at their page, found where the package names none (自动定位), and searches the PDF', { timeout: 180_000 }, async () => {
    const { page } = app;
    const mark = page.getByTestId('auto-locate');

    // A reference with its page: that page, no mark.
    await row(page, 'I4.techContracts#tc-1').click();
    expect(await (await shownPage(page, 3)).locator('.textLayer').textContent()).toContain('HT-2026-021');
    expect(await mark.count()).toBe(0);

    // No page in the reference: the page with the item's title, number and date (page 1 only lists the title).
    await row(page, 'I4.techContracts#HT-2026-015').click();
    expect(await (await shownPage(page, 2)).locator('.textLayer').textContent()).toContain('HT-2026-015');
    await expect.poll(() => mark.textContent(), { timeout: 30_000 }).toBe('自动定位（第2页，可能不准）');
    await screenshots(page, 'find-auto-locate');

    // Nothing of the item in the file: page 1, no mark.
    await row(page, 'I4.techContracts#tc-3').click();
    await shownPage(page, 1);
    expect(await mark.count()).toBe(0);

    // Ctrl+F in the viewer; half-width typed, the file has full-width and spaces between characters.
    await viewer(page).focus();
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('在 PDF 中搜索');
    await page.keyboard.type('合同编号');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('“合同编号”第 1 / 2 处，在第 2 页（共 2 页有）');
    await shownPage(page, 2);
    expect(await hitOverText(page, 2, '合同编号')).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('“合同编号”第 2 / 2 处，在第 3 页（共 2 页有）');
    await shownPage(page, 3);
    expect(await hitOverText(page, 3, '合同编号')).toBe(true);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => status(page), { timeout: 30_000 }).toContain('第 1 / 2 处，在第 2 页');
    await shownPage(page, 2);
    await page.getByLabel('在 PDF 中搜索').fill('人民币120万元');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('“人民币120万元”第 1 / 1 处，在第 2 页（共 1 页有）');
    expect(await hitOverText(page, 2, '人民币')).toBe(true);
    await screenshots(page, 'find-in-pdf');

    // Turned a quarter: the box turns with the page and still covers the words.
    await page.getByRole('button', { name: '向右旋转 90°' }).click();
    await expect.poll(() => viewer(page).getAttribute('data-rotation')).toBe('90');
    await shownPage(page, 2);
    await expect.poll(() => hitOverText(page, 2, '人民币')).toBe(true);
    const turned = await viewer(page).locator('[data-page="2"] [data-testid="search-hit"].current').boundingBox();
    expect(turned!.height).toBeGreaterThan(turned!.width);
    await page.getByRole('button', { name: '向左旋转 90°' }).click();

    // Esc closes the search: no count, no boxes.
    await page.getByLabel('在 PDF 中搜索').focus();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('pdf-search-result').count()).toBe(0);
    expect(await viewer(page).locator('[data-testid="search-hit"]').count()).toBe(0);

    // An OFD (shown as page images) named with its page: opened there, no mark.
    const pages = page.getByTestId('pages-scroll');
    await row(page, 'I4.techContracts#tc-6').click();
    await expect.poll(() => pages.getAttribute('data-current-page'), { timeout: 30_000 }).toBe('2');
    await expect.poll(() => page.getByTestId('evidence-body').locator('[data-testid="pages-image"]').count()).toBeGreaterThan(1);
    expect(await mark.count()).toBe(0);

    // An OFD named without a page: found by its own text, marked too.
    await row(page, 'I4.techContracts#tc-5').click();
    await expect.poll(() => mark.textContent(), { timeout: 30_000 }).toBe('自动定位（第2页，可能不准）');
    await expect.poll(() => pages.getAttribute('data-current-page'), { timeout: 20_000 }).toBe('2');
    await viewerScreenshots(page, 'find-auto-locate-ofd', {
      drawn: () => {
        const images = Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid="pages-image"]'));
        return images.length > 0 && images.every((i) => i.complete);
      },
    });
  });

  it('searches a scan by its OCR text, and every file of the alliance at once', { timeout: 180_000 }, async () => {
    const { page } = app;
    // The scan names no page: located by its OCR text.
    await row(page, 'I4.techContracts#HT-2026-021').click();
    await shownPage(page, 3);
    await expect.poll(() => page.getByTestId('auto-locate').textContent(), { timeout: 30_000 }).toBe('自动定位（第3页，可能不准）');
    await viewer(page).focus();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('签订日期');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('“签订日期”第 1 / 2 处，在第 2 页（共 2 页有）；文字由识别（OCR）得到，可能有误');
    const drawn = await shownPage(page, 2);
    // A scan has no text layer: the box is where OCR read the line, over the picture.
    expect(await drawn.locator('.textLayer span').count()).toBe(0);
    const box = await drawn.locator('[data-testid="search-hit"].current').boundingBox();
    const pageBox = await drawn.boundingBox();
    expect(box!.y - pageBox!.y).toBeGreaterThan(0.15 * pageBox!.height);
    expect(box!.y - pageBox!.y).toBeLessThan(0.3 * pageBox!.height);
    await screenshots(page, 'find-in-scan');
    await page.keyboard.press('Escape');

    // 全文搜索: the amount, in the compilation, the self-report and the scan.
    await page.getByTestId('package-search-toggle').click();
    await page.getByLabel('在本联盟全部材料中搜索').fill('85.5万元');
    await page.getByLabel('在本联盟全部材料中搜索').press('Enter');
    const result = page.getByTestId('package-search-result');
    await expect.poll(() => result.locator('p').first().textContent(), { timeout: 30_000 }).toBe('“85.5万元”共 3 处，在 3 个文件中。点击页码打开该页。');
    expect(await result.locator('.package-search-file strong').allTextContents()).toEqual(['自查报告.pdf', SCAN, COMPILATION]);
    expect(await result.getByTestId('package-search-hit').allTextContents()).toEqual(['第3页', '第3页', '第3页']);
    expect(await result.locator('.snippet').first().textContent()).toMatch(/合同金额：85\.5\s?万元/);
    await screenshots(page, 'find-package-search');
    // Its hit in the scan: opened at page 3 with the words highlighted.
    await result.getByTestId('package-search-hit').nth(1).click();
    expect(await page.getByTestId('evidence-body').getAttribute('data-path')).toBe(SCAN);
    const opened = await shownPage(page, 3);
    await expect.poll(() => status(page), { timeout: 30_000 }).toContain('“85.5万元”第 1 / 1 处，在第 3 页');
    expect(await opened.locator('[data-testid="search-hit"].current').count()).toBe(1);
    await screenshots(page, 'find-package-hit');
  });
});
