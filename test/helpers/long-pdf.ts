/**
 * Test helper: a long PDF, like a scanned annex of a few hundred pages: each page carries its
 * number in large type (a standard font, so pdf.js needs its standard font data to draw it).
 */
import PDFDocument from 'pdfkit';

export function longPdf(pages: number): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, info: { CreationDate: new Date('2027-01-08T00:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (let n = 1; n <= pages; n += 1) {
    doc.addPage();
    doc.font('Helvetica').fontSize(96).text(`Page ${n}`, 72, 320);
  }
  doc.end();
  return done;
}
