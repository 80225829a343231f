/**
 * A scanned document as scanners make them: every page one JPEG image (A4 at 100 dpi), no
 * text layer. The page image is rendered once from a Chinese text page with poppler's
 * pdftoppm, then varied per page (a page number drawn over it) so each page is its own image.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

const font = join(import.meta.dirname, '..', '..', 'resources', 'fonts', 'NotoSansCJKscMain-Regular.otf');

function pdfBytes(build: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, info: { CreationDate: new Date('2026-12-01T00:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  build(doc);
  doc.end();
  return done;
}

export async function pageImages(count: number): Promise<Buffer[]> {
  const work = mkdtempSync(join(tmpdir(), 'alliance-review-scan-'));
  try {
    const source = await pdfBytes((doc) => {
      for (let n = 1; n <= count; n += 1) {
        doc.addPage();
        doc.font(font).fontSize(20).text('合肥市某产业技术创新战略联盟 2026 年度审计报告（扫描件）', 60, 80);
        doc.fontSize(11);
        for (let line = 0; line < 34; line += 1) doc.text(`第 ${n} 页 第 ${line + 1} 行：联盟经费收支情况说明，本年度经费收入与支出均已单独列示。`, 60, 130 + line * 18);
      }
    });
    writeFileSync(join(work, 'source.pdf'), source);
    const result = spawnSync('pdftoppm', ['-jpeg', '-jpegopt', 'quality=60', '-r', '100', join(work, 'source.pdf'), join(work, 'page')]);
    if (result.status !== 0) throw new Error(`pdftoppm: ${result.stderr.toString()}`);
    return Array.from({ length: count }, (_, i) => readFileSync(join(work, `page-${String(i + 1).padStart(String(count).length, '0')}.jpg`)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `pages` pages, each a distinct JPEG covering the A4 page (the first 30 distinct, then repeated). */
export async function scannedPdf(pages: number): Promise<Buffer> {
  const distinct = Math.min(pages, 30);
  const images = await pageImages(distinct);
  return pdfBytes((doc) => {
    for (let n = 0; n < pages; n += 1) {
      doc.addPage();
      doc.image(images[n % distinct]!, 0, 0, { width: doc.page.width, height: doc.page.height });
    }
  });
}
