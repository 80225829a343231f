/**
 * Text files and zips inside a package, end to end in Chromium: a GBK .txt shows its Chinese
 * and names its encoding; a zip made as Chinese Windows makes it (GBK names) lists its files,
 * and its PDF and text members open in the viewer from the stored zip. Screenshots go to
 * test-results/screenshots/; with UPDATE_DOCS_SCREENSHOTS=1 the guide's (the zip's file list)
 * also to docs/images/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { longPdf } from '../helpers/long-pdf.ts';
import { manifest as packageManifest, packageFiles } from '../helpers/package-builder.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { importPackageZips, scoreOnePackage } from './ui-steps.ts';

const fixtures = resolve(import.meta.dirname, '..', 'fixtures', 'evidence');
const shots = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
const docsImages = resolve(import.meta.dirname, '..', '..', 'docs', 'images');
const forDocs = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1';

describe('text files and zips inside a package in the viewer', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-text-zip-'));
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('shows a GBK text, lists a zip’s GBK-named files and opens its PDF and text members', { timeout: 120_000 }, async () => {
    const { page } = app;
    const manifest = packageManifest({
      claims: { 'I1.office': { claimed: true, evidence: ['证明材料/登记说明.txt', '证明材料/附件.zip'] } },
    });
    const zip = await packageFiles({
      'manifest.json': JSON.stringify(manifest),
      '自查报告.pdf': await longPdf(2),
      '证明材料/登记说明.txt': readFileSync(join(fixtures, 'zip-text', 'note-gbk.txt')),
      '证明材料/附件.zip': readFileSync(join(fixtures, 'zip-text', 'bundle-gbk.zip')),
    }).writeZip(join(work, '文本与压缩包.zip'));

    await scoreOnePackage(page, zip, { name: '李华', id: 'E02', passphrase: 'passphrase-2027' });

    // The GBK text: its Chinese, and the encoding it was read in.
    await page.getByRole('button', { name: '登记说明.txt' }).click();
    const text = page.getByTestId('text-preview');
    await text.getByText('成交金额：￥12,345.68', { exact: false }).waitFor();
    expect(await text.locator('pre').textContent()).toBe('技术合同登记证明\n合同编号：2026-001\n成交金额：￥12,345.68\n登记机构：合肥市科学技术局');
    expect(await page.getByTestId('text-encoding').textContent()).toContain('GBK/GB18030');
    await page.screenshot({ path: resolve(shots, 'evidence-text-gbk.png') });

    // The zip: its files with their GBK names read right, each typed by content.
    await page.getByRole('button', { name: '附件.zip' }).click();
    const list = page.getByTestId('zip-preview');
    await list.getByTestId('zip-member').first().waitFor();
    expect(await list.getByTestId('zip-member').locator('td:first-child').allTextContents()).toEqual([
      '合同.pdf',
      '说明.txt',
      '照片/现场.jpg',
      '电子发票.ofd',
      '内层.zip',
    ]);
    expect(await list.getByTestId('zip-member').filter({ hasText: '内层.zip' }).textContent()).toContain('压缩包里的压缩包只列出，不打开');
    expect(await list.getByRole('button', { name: '打开 内层.zip' }).count()).toBe(0);
    await page.screenshot({ path: resolve(shots, 'evidence-zip-list.png') });
    if (forDocs) await page.screenshot({ path: resolve(docsImages, 'expert-zip-list.png') });

    // A PDF member opens in the PDF viewer, all five pages.
    await list.getByRole('button', { name: '打开 合同.pdf' }).click();
    await expect.poll(() => page.getByTestId('pdf-page-count').textContent(), { timeout: 30_000 }).toBe('5');
    await page.locator('[data-page="1"] canvas[data-rendered="true"]').waitFor();
    expect(await page.getByTestId('zip-member-path').textContent()).toBe('证明材料/附件.zip › 合同.pdf');
    await page.screenshot({ path: resolve(shots, 'evidence-zip-pdf-member.png') });

    // Back to the list, then the text member.
    await page.getByRole('button', { name: '← 返回压缩包文件列表' }).click();
    await page.getByTestId('zip-preview').getByRole('button', { name: '打开 说明.txt' }).click();
    await page.getByTestId('text-preview').getByText('登记机构：合肥市科学技术局', { exact: false }).waitFor();
    expect(await page.getByTestId('text-encoding').textContent()).toContain('GBK/GB18030');

    // And the photo in its folder.
    await page.getByRole('button', { name: '← 返回压缩包文件列表' }).click();
    await page.getByTestId('zip-preview').getByRole('button', { name: '打开 照片/现场.jpg' }).click();
    const image = page.getByTestId('evidence-image');
    await image.waitFor();
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(32);
  });

  it('serves an OFD member’s pages as SVG images that draw in the app’s page, with the seal and the embedded image', { timeout: 120_000 }, async () => {
    // The page viewer for `pages` previews is another part of the app; here the pages are
    // loaded as it loads them (an <img> of the rendition URL, under the app's CSP and the
    // evidence URL's headers) and looked at.
    const { page } = app;
    const manifest = packageManifest({ claims: { 'I1.office': { claimed: true, evidence: ['证明材料/附件.zip'] } } });
    const zip = await packageFiles({
      'manifest.json': JSON.stringify(manifest),
      '自查报告.pdf': await longPdf(1),
      '证明材料/附件.zip': readFileSync(join(fixtures, 'zip-text', 'bundle-gbk.zip')),
    }).writeZip(join(work, 'OFD.zip'));
    await importPackageZips(page, [zip]);
    const sizes = await page.evaluate(async () => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="alliance-review-token"]')!.content;
      const call = async (channel: string, body: unknown) => {
        const response = await fetch(`/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-alliance-review-token': token }, body: JSON.stringify(body) });
        return ((await response.json()) as { value: unknown }).value;
      };
      const [summary] = (await call('package-list', {})) as { id: number }[];
      const preview = (await call('evidence-preview', { packageId: summary!.id, path: '证明材料/附件.zip/电子发票.ofd' })) as {
        pages: { image: { sha256: string; converter: string; name: string }; width: number; height: number }[];
      };
      document.body.replaceChildren();
      document.body.style.background = '#888';
      return Promise.all(
        preview.pages.map(
          (p) =>
            new Promise<[number, number]>((resolve, reject) => {
              const img = document.createElement('img');
              img.style.width = `${p.width}px`;
              img.style.display = 'block';
              img.style.marginBottom = '8px';
              img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
              img.onerror = () => reject(new Error(`page ${p.image.name} did not load`));
              img.src = `/evidence/${p.image.sha256}/${p.image.converter}/${p.image.name}?t=${encodeURIComponent(token)}`;
              document.body.append(img);
            }),
        ),
      );
    });
    // 210 × 140 mm and 210 × 297 mm at 96 dpi.
    expect(sizes).toEqual([
      [794, 529],
      [794, 1123],
    ]);
    // The images inside the SVG (data: URIs) are drawn too: the red seal's star at its centre
    // (150 + 20, 95 + 20 mm) and the navy logo (12 + 8, 8 + 8 mm), at 96/25.4 px a millimetre.
    const pixel = (xMm: number, yMm: number) =>
      page.evaluate(
        ([x, y]) => {
          const img = document.querySelector('img')!;
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const context = canvas.getContext('2d')!;
          context.drawImage(img, 0, 0);
          return [...context.getImageData(Math.round(x!), Math.round(y!), 1, 1).data.slice(0, 3)];
        },
        [(xMm * 96) / 25.4, (yMm * 96) / 25.4],
      );
    const [r, g, b] = await pixel(170, 115);
    expect(r).toBeGreaterThan(180);
    expect(g! + b!).toBeLessThan(80);
    const [lr, , lb] = await pixel(20, 12);
    expect(lb! - lr!).toBeGreaterThan(60);
    await page.setViewportSize({ width: 820, height: 560 });
    await page.screenshot({ path: resolve(shots, 'evidence-ofd-page.png') });
  });
});
