/**
 * Images as pages end to end (browser shell, Chromium), on fixtures made by real programs
 * (test/fixtures/evidence/images/make-images.sh): an item citing page 3 of a G4 TIFF scan opens
 * there and shows that page; 插入引用 cites 第3页 of the TIFF; a turn is remembered when the file
 * is opened again; a HEIC photo and a JPEG tagged EXIF Orientation 6 are shown upright; a .jfif
 * opens as the JPEG it is. What is on screen is checked from screenshots (pixels), not from the
 * DOM alone.
 *
 * Screenshots at 1366×768 and 1024×640 go to test-results/screenshots/; with
 * UPDATE_DOCS_SCREENSHOTS=1 the guide's one (a TIFF at its page) also to docs/images/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OcrPage } from '../../electron/ocr/ocr-store.ts';
import { manifest as packageManifest, packageFiles } from '../helpers/package-builder.ts';
import { startApp, startAppWithStoredOcr, type AppFixture } from './app-fixture.ts';
import { scoreOnePackage } from './ui-steps.ts';
import { viewerScreenshots } from './viewer-screenshots.ts';

const root = resolve(import.meta.dirname, '..', '..');
const fixtures = resolve(root, 'test', 'fixtures', 'evidence', 'images');
/** The screenshots docs/expert-guide.md shows (at 1366×768). */
const docsShots: Record<string, string> = { 'tiff-at-page': 'expert-tiff-page.png' };
const fixture = (name: string) => readFileSync(join(fixtures, name));

const SCAN = '证明材料/合同扫描.tiff';

async function packageZip(work: string): Promise<string> {
  const manifest = packageManifest({
    claims: {
      'I1.office': { claimed: true, evidence: ['照片/办公室.heic'] },
      'I1.council': { claimed: true, evidence: ['照片/会议室.jpg'] },
      'I1.platform': { claimed: true, evidence: ['照片/平台.jfif'] },
      'I4.techContracts': {
        items: [
          { id: 'tc-1', title: '语音识别技术许可合同', date: '2026-05-12', evidence: [`${SCAN}#page=1`] },
          { id: 'tc-3', title: '声学模型联合开发合同', date: '2026-08-01', evidence: [`${SCAN}#page=3`] },
        ],
      },
      'I10.status': { value: 2.5 },
    },
  });
  return packageFiles({
    'manifest.json': JSON.stringify(manifest),
    '自查报告.pdf': readFileSync(join(root, 'test', 'fixtures', 'evidence', 'text.pdf')),
    [SCAN]: fixture('three-pages-g4.tiff'),
    '照片/办公室.heic': fixture('sideways.heic'),
    '照片/会议室.jpg': fixture('sideways.jpg'),
    '照片/平台.jfif': fixture('sideways.jfif'),
  }).writeZip(join(work, '图片.zip'));
}

const row = (page: Page, key: string) => page.locator(`[data-testid="claim-row"][data-key="${key}"]`);
const viewer = (page: Page) => page.getByTestId('pages-scroll');

/** Waits until the image of `element` has loaded and returns the element's pixels as shown. */
async function pixelsOf(element: Locator): Promise<{ data: Buffer; width: number; height: number; channels: number }> {
  await expect
    .poll(() => element.evaluate((e) => {
      const img = e instanceof HTMLImageElement ? e : e.querySelector('img');
      return img !== null && img.complete && img.naturalWidth > 0;
    }), { timeout: 30_000 })
    .toBe(true);
  const shot = await element.screenshot({ animations: 'disabled' });
  const { data, info } = await sharp(shot).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** Which of the three squares of a TIFF page (make-images.sh) is black: the page shown. */
async function tiffPageShown(element: Locator): Promise<number[]> {
  const { data, width, height, channels } = await pixelsOf(element);
  const dark: number[] = [];
  for (const n of [1, 2, 3]) {
    let sum = 0;
    let count = 0;
    const x0 = Math.floor(((60 + (n - 1) * 180 + 20) / 600) * width);
    const y0 = Math.floor((620 / 848) * height);
    for (let y = y0; y < y0 + Math.floor((80 / 848) * height); y += 1) {
      for (let x = x0; x < x0 + Math.floor((80 / 600) * width); x += 1) {
        sum += data[(y * width + x) * channels]!;
        count += 1;
      }
    }
    if (sum / count < 80) dark.push(n);
  }
  return dark;
}

/** The red band and the blue band of a sideways photo (make-images.sh), as shown: upright is red above blue, both wider than high. */
async function photoUpright(element: Locator): Promise<boolean> {
  const { data, width, height, channels } = await pixelsOf(element);
  const box = (test: (r: number, g: number, b: number) => boolean) => {
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const i = (y * width + x) * channels;
        if (!test(data[i]!, data[i + 1]!, data[i + 2]!)) continue;
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
    }
    return { width: x1 - x0, height: y1 - y0, middle: (y0 + y1) / 2 };
  };
  const red = box((r, g, b) => r > 180 && g < 90 && b < 90);
  const blue = box((r, g, b) => b > 180 && r < 90 && g < 90);
  return red.width > 2 * red.height && blue.width > 2 * blue.height && red.middle < blue.middle;
}

const screenshots = (page: Page, name: string) =>
  viewerScreenshots(page, name, {
    drawn: () => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="evidence-body"] img');
      return img !== null && img.complete && img.naturalWidth > 0;
    },
    docs: docsShots,
  });

describe('images as pages', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-image-pages-'));
    await scoreOnePackage(app.page, await packageZip(work), { name: '李华', id: 'E02', passphrase: 'passphrase-2027' });
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('opens a TIFF item at its page, cites that page, remembers a turn', { timeout: 180_000 }, async () => {
    const { page } = app;

    await row(page, 'I4.techContracts#tc-3').click();
    await expect.poll(() => viewer(page).getAttribute('data-current-page'), { timeout: 30_000 }).toBe('3');
    expect(await page.getByTestId('pages-count').textContent()).toBe('3');
    expect(await page.getByLabel('页码').inputValue()).toBe('3');
    await screenshots(page, 'tiff-at-page');
    // Fit page (the zoom button, or 0, toggles it with fit width): page 3 is wholly in view, and
    // it is page 3 of the scan that is shown.
    await page.getByTestId('pages-zoom').click();
    await expect.poll(() => page.getByTestId('pages-zoom').getAttribute('data-fit')).toBe('page');
    await expect.poll(() => viewer(page).getAttribute('data-current-page')).toBe('3');
    const frame = await viewer(page).boundingBox();
    const whole = await viewer(page).locator('[data-page="3"]').boundingBox();
    expect(whole!.y).toBeGreaterThanOrEqual(frame!.y - 1);
    expect(whole!.y + whole!.height).toBeLessThanOrEqual(frame!.y + frame!.height + 1);
    expect(await tiffPageShown(viewer(page).locator('[data-page="3"]'))).toEqual([3]);

    // 插入引用 cites the TIFF's page on screen.
    await row(page, 'I4.techContracts#tc-3').getByRole('button', { name: '不予认定' }).click();
    await expect.poll(() => page.getByTestId('insert-citation').textContent()).toContain(`〔${SCAN} 第3页〕`);
    await page.getByTestId('insert-citation').click();
    expect(await page.getByLabel('不予认定的理由（必填）').inputValue()).toContain(`〔${SCAN} 第3页〕`);
    await page.getByLabel('不予认定的理由（必填）').press('Escape');

    // Pages on by keyboard: PageUp goes to page 2, which shows its own square.
    await viewer(page).focus();
    await page.keyboard.press('PageUp');
    await expect.poll(() => viewer(page).getAttribute('data-current-page')).toBe('2');
    expect(await tiffPageShown(viewer(page).locator('[data-page="2"]'))).toEqual([2]);
    await page.keyboard.press('End');
    await expect.poll(() => viewer(page).getAttribute('data-current-page')).toBe('3');

    // A quarter turn: the page box turns; opening another file and coming back keeps it.
    await page.getByRole('button', { name: '向右旋转 90°' }).click();
    await expect.poll(() => viewer(page).getAttribute('data-rotation')).toBe('90');
    const turned = await viewer(page).locator('[data-page="3"]').boundingBox();
    expect(turned!.width).toBeGreaterThan(turned!.height);
    await screenshots(page, 'tiff-turned');
    await row(page, 'I1.office').click();
    await expect.poll(() => viewer(page).getAttribute('data-rotation')).toBe('0');
    await row(page, 'I4.techContracts#tc-1').click();
    await expect.poll(() => viewer(page).getAttribute('data-current-page'), { timeout: 30_000 }).toBe('1');
    expect(await viewer(page).getAttribute('data-rotation')).toBe('90');
    // Turned back and fitted whole (0), page 1 shows its own square.
    await page.getByRole('button', { name: '向左旋转 90°' }).click();
    await expect.poll(() => viewer(page).getAttribute('data-rotation')).toBe('0');
    await viewer(page).focus();
    await page.keyboard.press('0');
    await expect.poll(() => page.getByTestId('pages-zoom').getAttribute('data-fit')).toBe('page');
    expect(await tiffPageShown(viewer(page).locator('[data-page="1"]'))).toEqual([1]);
  });

  it('shows a HEIC photo and a JPEG tagged sideways upright, and a .jfif as a JPEG', { timeout: 120_000 }, async () => {
    const { page } = app;

    await row(page, 'I1.office').click();
    const heic = viewer(page).getByTestId('pages-image');
    expect(await photoUpright(heic)).toBe(true);
    // A photo has no pages: no page box, and 插入引用 cites the file whole.
    expect(await page.getByLabel('页码').count()).toBe(0);
    await screenshots(page, 'heic-photo');
    await row(page, 'I1.office').getByRole('button', { name: '不予认定' }).click();
    await expect.poll(() => page.getByTestId('insert-citation').textContent()).toContain('〔照片/办公室.heic〕');
    await page.getByLabel('不予认定的理由（必填）').press('Escape');

    await row(page, 'I1.council').click();
    const jpeg = page.getByTestId('evidence-image');
    expect(await photoUpright(jpeg)).toBe(true);
    expect(await jpeg.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([240, 160]);
    await screenshots(page, 'jpeg-exif-upright');

    await row(page, 'I1.platform').click();
    expect(await photoUpright(page.getByTestId('evidence-image'))).toBe(true);
  });
});

describe('searching a TIFF scan', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    work = mkdtempSync(join(tmpdir(), 'alliance-review-image-search-'));
    // The scan's OCR results in the app's store, as an expert laptop has them from the meeting file.
    const pages = [1, 2, 3].map((n): OcrPage => ({
      page: n,
      text: `合同扫描件 第${n}页\n技术合同登记号 34010420260000${n}`,
      lines: [
        { text: `合同扫描件 第${n}页`, box: [0.1, 0.08, 0.6, 0.14] },
        { text: `技术合同登记号 34010420260000${n}`, box: [0.1, 0.2, 0.8, 0.26] },
      ],
    }));
    app = await startAppWithStoredOcr(work, [{ file: fixture('three-pages-g4.tiff'), pages }]);
    await scoreOnePackage(app.page, await packageZip(work), { name: '李华', id: 'E02', passphrase: 'passphrase-2027' });
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('finds words in the scan by its OCR text and marks them on their page', { timeout: 180_000 }, async () => {
    const { page } = app;
    await row(page, 'I4.techContracts#tc-1').click();
    await expect.poll(() => viewer(page).getAttribute('data-current-page'), { timeout: 30_000 }).toBe('1');
    await viewer(page).focus();
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('在文件中搜索');
    await page.keyboard.type('340104202600003');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pages-search-result').textContent(), { timeout: 30_000 }).toContain('第 1 / 1 处，在第 3 页');
    await expect.poll(() => viewer(page).getAttribute('data-current-page')).toBe('3');
    const hit = viewer(page).locator('[data-page="3"] [data-testid="search-hit"]');
    await expect.poll(() => hit.count()).toBe(1);
    const box = await hit.boundingBox();
    const pageBox = await viewer(page).locator('[data-page="3"]').boundingBox();
    // The box sits where the OCR line is: a fifth of the way down the page.
    expect((box!.y - pageBox!.y) / pageBox!.height).toBeCloseTo(0.2, 1);
    await screenshots(page, 'tiff-search');
  });
});

