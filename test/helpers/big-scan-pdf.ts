/**
 * Test helper: a big PDF laid out as scanners write them, for reading by range: each page
 * carries its number in large type and its own image (the JPEG photo fixture, made by
 * ImageMagick, with bytes after its end marker that make each page's copy distinct and about
 * `imageBytes` long), and pdfkit writes each page's dictionary beside its image, so the page
 * tree is spread through the whole file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import PDFDocument from 'pdfkit';
import { deterministicBytes } from '../bench/deterministic-bytes.ts';

const photo = readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'evidence', 'photo.jpg'));

export function bigScanPdf(pages: number, imageBytes = 110_000): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, info: { CreationDate: new Date('2027-01-08T00:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (let n = 1; n <= pages; n += 1) {
    doc.addPage();
    // Bytes after the JPEG's end marker (FF D9) are ignored by decoders.
    doc.image(Buffer.concat([photo, deterministicBytes(`big-scan/${n}`, imageBytes - photo.length)]), 72, 420, { width: 200 });
    doc.font('Helvetica').fontSize(72).text(`Page ${n}`, 72, 200);
  }
  doc.end();
  return done;
}
