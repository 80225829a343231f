/**
 * PDF documents of the samples: real PDFs with Chinese text, set in the result PDFs' main font
 * (resources/fonts, Noto Sans CJK SC Main), which pdfkit subsets so each file carries only the
 * glyphs it uses.
 *
 * - document: a list of blocks (title, heading, paragraph, fields, table, seal, page break)
 *   laid out top to bottom on A4 pages; pages are numbered when there is more than one.
 * - seal: the red round stamp (公章) Chinese organisations put on documents, drawn, with the
 *   organisation's name and the date beside it.
 * - reproducible: every date pdfkit writes (CreationDate, ModDate, the XMP dates) is the
 *   fixed `SAMPLE_DATE`, and the file ID pdfkit derives from the info dictionary follows, so
 *   the same document gives the same bytes on every run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

/** When the samples were "made": after the 2026 assessment year, before the meeting. */
export const SAMPLE_DATE = new Date(Date.UTC(2027, 0, 8, 1, 30, 0));

const fontPath = join(import.meta.dirname, '..', '..', 'fonts', 'NotoSansCJKscMain-Regular.otf');
let fontBytes: Buffer | undefined;

/** The font, read once for all documents. */
export function sampleFont(): Buffer {
  fontBytes ??= readFileSync(fontPath);
  return fontBytes;
}

export type Block =
  | { readonly kind: 'title'; readonly text: string; readonly subtitle?: string | undefined }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'fields'; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: 'table'; readonly widths: readonly number[]; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'seal'; readonly organization: string; readonly date: string }
  | { readonly kind: 'pageBreak' };

export interface PdfSpec {
  readonly title: string;
  readonly author: string;
  readonly blocks: readonly Block[];
}

const MARGIN = 64;
const RED = '#c8161d';

export function renderPdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'zh-CN',
    info: {
      Title: spec.title,
      Author: spec.author,
      Creator: 'alliance-review sample generator',
      Producer: 'PDFKit',
      CreationDate: SAMPLE_DATE,
      ModDate: SAMPLE_DATE,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  doc.registerFont('cn', sampleFont());
  doc.font('cn');
  const width = doc.page.width - 2 * MARGIN;
  for (const block of spec.blocks) drawBlock(doc, block, width);
  numberPages(doc);
  doc.end();
  return done;
}

function drawBlock(doc: PDFKit.PDFDocument, block: Block, width: number): void {
  switch (block.kind) {
    case 'title':
      doc.fontSize(20).fillColor('black').text(block.text, MARGIN, doc.y, { width, align: 'center' });
      if (block.subtitle !== undefined) doc.moveDown(0.3).fontSize(11).fillColor('#444444').text(block.subtitle, { width, align: 'center' });
      doc.moveDown(1).fillColor('black');
      return;
    case 'heading':
      ensureRoom(doc, 60);
      doc.moveDown(0.4).fontSize(13.5).fillColor('black').text(block.text, MARGIN, doc.y, { width });
      doc.moveDown(0.3);
      return;
    case 'paragraph':
      doc.fontSize(11).fillColor('black').text(block.text, MARGIN, doc.y, { width, indent: 22, lineGap: 4, align: 'justify' });
      doc.moveDown(0.5);
      return;
    case 'fields':
      drawTable(doc, [110, width - 110], null, block.rows);
      return;
    case 'table':
      drawTable(doc, block.widths.map((w) => (w * width) / block.widths.reduce((a, b) => a + b, 0)), block.header, block.rows);
      return;
    case 'seal':
      drawSeal(doc, block.organization, block.date);
      return;
    case 'pageBreak':
      doc.addPage();
      return;
  }
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function drawTable(doc: PDFKit.PDFDocument, widths: readonly number[], header: readonly string[] | null, rows: readonly (readonly string[])[]): void {
  doc.fontSize(10);
  const pad = 5;
  const drawRow = (cells: readonly string[], shaded: boolean): void => {
    const heights = cells.map((text, i) => doc.heightOfString(text, { width: (widths[i] ?? 60) - 2 * pad }));
    const height = Math.max(18, ...heights.map((h) => h + 2 * pad));
    ensureRoom(doc, height);
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((text, i) => {
      const w = widths[i] ?? 60;
      if (shaded) doc.rect(x, top, w, height).fillAndStroke('#e8eef7', '#888888');
      else doc.rect(x, top, w, height).stroke('#888888');
      doc.fillColor('black').text(text, x + pad, top + pad, { width: w - 2 * pad });
      x += w;
    });
    doc.x = MARGIN;
    doc.y = top + height;
  };
  doc.lineWidth(0.6);
  if (header !== null) drawRow(header, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.8);
}

function drawSeal(doc: PDFKit.PDFDocument, organization: string, date: string): void {
  ensureRoom(doc, 110);
  const right = doc.page.width - MARGIN;
  const top = doc.y + 10;
  doc.fontSize(11).fillColor('black');
  doc.text(organization, MARGIN, top + 30, { width: right - MARGIN - 20, align: 'right' });
  doc.text(date, MARGIN, top + 50, { width: right - MARGIN - 20, align: 'right' });
  const cx = right - 70;
  const cy = top + 45;
  doc.save();
  doc.lineWidth(2.2).circle(cx, cy, 40).stroke(RED);
  star(doc, cx, cy, 11);
  // Round stamps carry the name along the rim; two short lines above the star read the same.
  doc.fillColor(RED).fontSize(6.5);
  const half = Math.ceil(organization.length / 2);
  const lines = organization.length > 9 ? [organization.slice(0, half), organization.slice(half)] : [organization];
  lines.forEach((line, i) => doc.text(line, cx - 30, cy - 30 + i * 8, { width: 60, align: 'center', lineBreak: false }));
  doc.fontSize(8).text('专用章', cx - 30, cy + 16, { width: 60, align: 'center', lineBreak: false });
  doc.restore();
  doc.x = MARGIN;
  doc.y = top + 100;
  doc.fillColor('black');
}

function star(doc: PDFKit.PDFDocument, cx: number, cy: number, r: number): void {
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.4;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  doc.polygon(...points).fill(RED);
}

function numberPages(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  if (range.count < 2) return;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing below the bottom margin would make pdfkit add a page; lift the margin meanwhile.
    doc.page.margins.bottom = 0;
    doc.fontSize(9).fillColor('#666666').text(`第 ${i + 1} 页 共 ${range.count} 页`, MARGIN, doc.page.height - 40, { width: doc.page.width - 2 * MARGIN, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
}
