/**
 * Framed PDF: how a printed document of the meeting is set up, the same for the result
 * documents and the blank paper form.
 *
 * - document: A4 pages through the shipped fonts (pdf-canvas.ts), PDF 1.7, compressed, tagged
 *   `zh-CN`, the app as author and creator, the caller's clock as its dates (so the same input
 *   gives the same bytes).
 * - frame: a running head drawn as each page starts, and a footer drawn on every page once the
 *   page count is known (第 n 页 / 共 N 页): pages are buffered for that.
 */
import PDFDocument from 'pdfkit';
import type { FontSet } from '../fonts/shipped-fonts.ts';
import type { PageLayout } from './pdf-canvas.ts';
import { PdfCanvas } from './pdf-canvas.ts';

export interface PdfFrame {
  /** The document's properties, as a reader shows them. */
  readonly title: string;
  readonly subject: string;
  readonly keywords?: string;
  readonly createdAt: Date;
  readonly firstPage: PageLayout;
  readonly head: (canvas: PdfCanvas) => void;
  readonly foot: (canvas: PdfCanvas, page: number, pages: number) => void;
}

export interface FramedPdf {
  readonly bytes: Buffer;
  readonly pages: number;
  /** The canvas it was drawn on: what was set in which face, what no face has. */
  readonly canvas: PdfCanvas;
}

export async function renderFramedPdf(fonts: FontSet, frame: PdfFrame, draw: (canvas: PdfCanvas) => void): Promise<FramedPdf> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: frame.title,
      Author: '联盟考核评审 alliance-review',
      Subject: frame.subject,
      ...(frame.keywords === undefined ? {} : { Keywords: frame.keywords }),
      Creator: 'alliance-review',
      CreationDate: frame.createdAt,
      ModDate: frame.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const canvas = new PdfCanvas(doc, fonts);
  canvas.onPage = frame.head;
  canvas.addPage(frame.firstPage);
  draw(canvas);

  const { count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i += 1) {
    doc.switchToPage(i);
    frame.foot(canvas, i + 1, count);
  }
  doc.end();
  await ended;
  return { bytes: Buffer.concat(chunks), pages: count, canvas };
}
