/**
 * Word-processor evidence end to end: the 红头文件 LibreOffice saved as .docx, .doc, .wps (the
 * .doc under WPS's name), .rtf and .odt (test/fixtures/evidence/documents/), opened in the
 * viewer of the real UI: the issuing body shows in the page header, the page number in the
 * footer, the table's cells, and the embedded certificate as a drawn picture of its own size.
 *
 * A screenshot of each preview at 1366 × 768 goes to docs/images/ when
 * UPDATE_DOCS_SCREENSHOTS=1, else to test-results/screenshots/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { longPdf } from '../helpers/long-pdf.ts';
import { manifest as packageManifest, packageFiles } from '../helpers/package-builder.ts';
import { startApp, type AppFixture } from './app-fixture.ts';
import { scoreOnePackage } from './ui-steps.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shots = process.env['UPDATE_DOCS_SCREENSHOTS'] === '1' ? resolve(root, 'docs', 'images') : resolve(root, 'test-results', 'screenshots');
const documents = resolve(root, 'test/fixtures/evidence/documents');

describe('word-processor evidence in the viewer', () => {
  let app: AppFixture;
  let work: string;
  beforeEach(async () => {
    app = await startApp();
    work = mkdtempSync(join(tmpdir(), 'alliance-review-documents-'));
  });
  afterEach(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('shows the header, footer, table and certificate of a .docx, .doc, .wps, .rtf and .odt', { timeout: 180_000 }, async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    const files = ['红头文件.docx', '红头文件.doc', '红头文件.wps', '红头文件.rtf', '红头文件.odt'];
    const manifest = packageManifest({
      claims: { 'I1.office': { claimed: true, evidence: files.map((f) => `通知/${f}`) } },
    });
    const zip = await packageFiles({
      'manifest.json': JSON.stringify(manifest),
      '自查报告.pdf': await longPdf(2),
      ...Object.fromEntries(files.map((f) => [`通知/${f}`, readFileSync(join(documents, f))])),
    }).writeZip(join(work, '红头文件.zip'));

    await scoreOnePackage(page, zip, { name: '李华', id: 'E02', passphrase: 'passphrase-2027' });

    for (const file of files) {
      await page.getByRole('button', { name: file, exact: true }).click();
      const preview = page.getByTestId('document-preview');
      await preview.getByTestId('document-header').getByText('合肥市科学技术局文件').waitFor({ timeout: 30_000 });
      // The right file is shown (the previous one's preview is replaced).
      expect(await preview.getAttribute('aria-label')).toContain(`通知/${file}`);
      expect(await preview.getByTestId('document-footer').textContent()).toContain('第 1 页');
      expect(await preview.locator('td').allTextContents()).toContain('合肥市智能语音产业技术创新战略联盟');
      expect(await preview.locator('td[colspan="3"]').textContent()).toBe('备注：得分保留一位小数');
      // The certificate: drawn (its natural size is the PNG's), from a data: URL.
      const picture = preview.getByTestId('document-body').locator('img');
      await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(160);
      expect(await picture.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight, img.src.slice(0, 22)])).toEqual([160, 100, 'data:image/png;base64,']);
      if (file.endsWith('.doc') || file.endsWith('.wps')) expect(await preview.getByRole('note').textContent()).toContain('图片集中列在正文之后');
      await page.screenshot({ path: resolve(shots, `document-preview-${file.slice(file.lastIndexOf('.') + 1)}.png`) });
    }
  });
});
