/**
 * Test helper: a PDF whose pages carry the given text in a real text layer (pdfkit, with the
 * app's own Noto Sans CJK subset so Chinese is encoded as text), as an office program prints a
 * contract or certificate to PDF. pdf.js reads the text back, as the cross-check does.
 */
import { resolve } from 'node:path';
import PDFDocument from 'pdfkit';

const font = resolve(import.meta.dirname, '../../resources/fonts/NotoSansCJKscMain-Regular.otf');

export function textPdf(pages: readonly string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, info: { CreationDate: new Date('2026-12-01T00:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const text of pages) {
    doc.addPage();
    doc.font(font).fontSize(12).text(text, 72, 72, { width: 450 });
  }
  doc.end();
  return done;
}
