/**
 * Files whose name says one thing and whose bytes another, and pictures that cannot be drawn,
 * end to end in Chromium: the viewer opens each by its content as the package reader found it
 * at import (a photo named .pdf as a photo, a PDF named .jpg in the PDF viewer at the item's
 * page, a .docx named .doc as a Word document), each under a notice that its extension does
 * not match; a photo cut short shows what it has under a notice, one with nothing to draw and
 * an empty one say so in Chinese, naming the file, never a broken-image icon. Members of a zip
 * inside the package are opened and marked the same way.
 *
 * Fixtures: test/fixtures/evidence-viewer/make-fixtures.sh (ImageMagick, Ghostscript) and
 * test/fixtures/evidence/letter.docx (LibreOffice). Screenshots at 1366×768 and 1024×640 go to
 * test-results/screenshots/mislabeled-*.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manifest as packageManifest, packageFiles } from '../helpers/package-builder.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { scoreOnePackage } from './ui-steps.ts';
import { viewerScreenshots } from './viewer-screenshots.ts';

const root = resolve(import.meta.dirname, '..', '..');
const viewerFixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'evidence-viewer', name));
const evidenceFixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'evidence', name));

async function packageZip(work: string): Promise<string> {
  const manifest = packageManifest({
    claims: {
      'I1.office': { claimed: true, evidence: ['证明材料/办公场地照片.pdf'] },
      'I1.council': { claimed: true, evidence: ['证明材料/理事会章程.doc'] },
      'I1.platform': { claimed: true, evidence: ['证明材料/现场照片.jpg', '证明材料/损坏照片.jpg', '证明材料/空照片.jpg'] },
      'I4.techContracts': {
        items: [
          { id: 'tc-1', title: '语音识别技术许可合同', date: '2026-05-12', evidence: ['证明材料/合同汇编.jpg#page=1'] },
          { id: 'tc-3', title: '声学模型联合开发合同', date: '2026-08-01', evidence: ['证明材料/合同汇编.jpg#page=3'] },
        ],
      },
      'I10.status': { value: 2.5 },
    },
  });
  return packageFiles({
    'manifest.json': JSON.stringify(manifest),
    '自查报告.pdf': viewerFixture('compilation.pdf'),
    // A PNG saved with a .pdf name.
    '证明材料/办公场地照片.pdf': viewerFixture('photo-named.pdf'),
    // The five-certificate compilation saved with a .jpg name.
    '证明材料/合同汇编.jpg': viewerFixture('compilation-named.jpg'),
    // A Word .docx named .doc.
    '证明材料/理事会章程.doc': evidenceFixture('letter.docx'),
    '证明材料/现场照片.jpg': viewerFixture('truncated.jpg'),
    '证明材料/损坏照片.jpg': viewerFixture('header-only.jpg'),
    '证明材料/空照片.jpg': new Uint8Array(0),
    // A zip (made by zip) of a PNG named .pdf and the compilation named .jpg.
    '证明材料/材料打包.zip': viewerFixture('mislabeled-bundle.zip'),
  }).writeZip(join(work, '改名文件.zip'));
}

const row = (page: Page, key: string) => page.locator(`[data-testid="claim-row"][data-key="${key}"]`);
const mismatch = (page: Page) => page.getByTestId('evidence-body').getByTestId('extension-mismatch');
const image = (page: Page) => page.getByTestId('evidence-body').getByTestId('evidence-image');
/** The picture's natural size once the browser has drawn it ([0, 0] while it cannot). */
const drawnSize = (page: Page) => image(page).evaluate((img: HTMLImageElement) => (img.complete ? [img.naturalWidth, img.naturalHeight] : null));

const screenshots = (page: Page, name: string) =>
  viewerScreenshots(page, `mislabeled-${name}`, {
    drawn: () => {
      const body = document.querySelector('[data-testid="evidence-body"]');
      const img = body?.querySelector<HTMLImageElement>('img[data-testid="evidence-image"]');
      if (img) return img.complete && img.naturalWidth > 0;
      return body?.querySelector('canvas[data-rendered="true"], [data-testid="image-problem"], [data-testid="document-preview"]') != null;
    },
  });

describe('mislabeled and damaged evidence files', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-mislabeled-'));
    await scoreOnePackage(app.page, await packageZip(work), { name: '李华', id: 'E02', passphrase: 'passphrase-2027' });
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('opens each file by its content, says the extension does not match, and explains pictures it cannot draw', { timeout: 180_000 }, async () => {
    const { page } = app;

    // A photo named .pdf: the photo (120×80, the fixture's PNG), not the PDF viewer's error.
    await row(page, 'I1.office').click();
    await expect.poll(() => drawnSize(page), { timeout: 20_000 }).toEqual([120, 80]);
    expect(await mismatch(page).textContent()).toBe(
      '扩展名与内容不符：这个文件名为 .pdf，内容其实是PNG 图片，这里按内容显示。用其他程序可能打不开它；如有疑问，请告诉会务人员向联盟核实。',
    );
    expect(await page.getByTestId('pdf-problem').count()).toBe(0);
    expect(await page.getByTestId('pdf-scroll').count()).toBe(0);
    await screenshots(page, 'photo-named-pdf');

    // A PDF named .jpg: the PDF viewer, at each item's page (its text layer says which).
    const viewer = page.getByTestId('pdf-scroll');
    for (const n of [1, 3]) {
      await row(page, `I4.techContracts#tc-${n}`).click();
      await expect.poll(() => viewer.getAttribute('data-current-page'), { timeout: 20_000 }).toBe(String(n));
      const drawn = viewer.locator(`[data-page="${n}"]`);
      await drawn.locator('canvas[data-rendered="true"]').waitFor({ timeout: 20_000 });
      expect(await drawn.locator('.textLayer').textContent()).toContain(`Certificate tc-${n}`);
      expect(await mismatch(page).textContent()).toContain('这个文件名为 .jpg，内容其实是PDF 文档');
      expect(await image(page).count()).toBe(0);
    }
    await screenshots(page, 'pdf-named-jpg');

    // A .docx named .doc: the Word document as it is (main reads it by its content), marked.
    await row(page, 'I1.council').click();
    const preview = page.getByTestId('document-preview');
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.textContent()).toContain('技术合同登记证明');
    expect(await mismatch(page).textContent()).toContain('这个文件名为 .doc，内容其实是Word 文档（.docx）');
    await screenshots(page, 'docx-named-doc');

    // A photo cut short: the part that was read, with a notice that the file is incomplete.
    await row(page, 'I1.platform').click();
    const tabs = page.getByTestId('evidence-tab');
    expect(await tabs.allTextContents()).toEqual(['现场照片.jpg', '损坏照片.jpg', '空照片.jpg']);
    await expect.poll(() => drawnSize(page), { timeout: 20_000 }).toEqual([320, 200]);
    expect(await page.getByTestId('image-damaged').textContent()).toContain('图片“证明材料/现场照片.jpg”不完整或已损坏');
    expect(await mismatch(page).count()).toBe(0);
    await screenshots(page, 'truncated-jpg');

    // Nothing to draw (the header only), and an empty file: said in Chinese, naming the file.
    const problem = page.getByTestId('image-problem');
    for (const [i, kind, text] of [
      [1, 'unreadable', '无法显示图片“证明材料/损坏照片.jpg”：文件已损坏或不完整'],
      [2, 'empty', '无法显示图片“证明材料/空照片.jpg”：这个文件是空的（0 字节）'],
    ] as const) {
      await tabs.nth(i).click();
      await expect.poll(() => problem.getAttribute('data-problem'), { timeout: 20_000 }).toBe(kind);
      const said = (await page.getByTestId('evidence-body').textContent()) ?? '';
      expect(said).toContain(text);
      expect(said).toContain('会务人员');
      expect(await image(page).count()).toBe(0);
      if (kind === 'unreadable') await screenshots(page, 'header-only-jpg');
    }

    // In a zip inside the package: the members open by their content too, marked the same way.
    await page.getByTestId('file-list-toggle').click();
    await page.getByTestId('file-list').getByRole('button', { name: '证明材料/材料打包.zip', exact: true }).click();
    await page.getByTestId('zip-preview').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: '打开 照片.pdf' }).click();
    await expect.poll(() => drawnSize(page), { timeout: 20_000 }).toEqual([120, 80]);
    expect(await mismatch(page).textContent()).toContain('这个文件名为 .pdf，内容其实是PNG 图片');
    await screenshots(page, 'zip-member-photo-named-pdf');
    await page.getByRole('button', { name: '← 返回压缩包文件列表' }).click();
    await page.getByRole('button', { name: '打开 合同汇编.jpg' }).click();
    const first = page.getByTestId('pdf-scroll').locator('[data-page="1"]');
    await first.locator('canvas[data-rendered="true"]').waitFor({ timeout: 20_000 });
    expect(await first.locator('.textLayer').textContent()).toContain('Certificate tc-1');
    expect(await mismatch(page).textContent()).toContain('这个文件名为 .jpg，内容其实是PDF 文档');
  });
});
