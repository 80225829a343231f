/**
 * Framed PDF: how a printed document of the meeting is set up, the same for the result
 * documents, the blank paper form and the expert's unsigned draft score sheet.
 *
 * - document: A4 pages through the shipped fonts (pdf-canvas.ts), PDF 1.7, compressed, tagged
 *   `zh-CN`, the app as creator (and author, unless the document is a person's own), the
 *   caller's clock as its dates (so the same input gives the same bytes).
 * - frame: a running head drawn as each page starts, and a footer drawn on every page once the
 *   page count is known (第 n 页 / 共 N 页): pages are buffered for that.
 * - head and footer lines: where they stand on the page and how they look, the same in every
 *   document (`drawRunningHead`, `drawPageFooter`); what they say is each document's.
 */
import PDFDocument from 'pdfkit';
import type { FontSet } from '../fonts/shipped-fonts.ts';
import type { PageLayout, TextStyle } from './pdf-canvas.ts';
import { PdfCanvas } from './pdf-canvas.ts';

export interface PdfFrame {
  /** The document's properties, as a reader shows them. */
  readonly title: string;
  readonly subject: string;
  readonly keywords?: string;
  /** Whose document it is, when it is a person's own (an expert's draft); the app otherwise. */
  readonly author?: string;
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
      Author: frame.author ?? '联盟考核评审 alliance-review',
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

/** A piece of a head or footer line: its text and, where it stands out, its weight and colour. */
export interface FramePart {
  readonly text: string;
  readonly bold?: boolean;
  readonly color?: string;
}

const FRAME_COLOR = '#444444';
const RULE_COLOR = '#888888';

function partStyle(part: FramePart, size: number): TextStyle {
  const color = part.color ?? FRAME_COLOR;
  return part.bold === true ? { size, color, weight: 'bold' } : { size, color };
}

/** The running head of a page: a line of a left, an optional centre and a right part over a rule; the cursor then goes to the top margin. */
export function drawRunningHead(canvas: PdfCanvas, parts: { readonly left: FramePart; readonly center?: FramePart; readonly right: FramePart }): void {
  canvas.label(parts.left.text, canvas.left, 26, partStyle(parts.left, 8));
  if (parts.center !== undefined) canvas.label(parts.center.text, canvas.left, 26, partStyle(parts.center, 8), 'center', canvas.contentWidth);
  canvas.label(parts.right.text, canvas.left, 26, partStyle(parts.right, 8), 'right', canvas.contentWidth);
  canvas.rule(40, RULE_COLOR, 0.5);
  canvas.y = canvas.margins.top;
}

/**
 * The footer of a page: a rule, then `text` on the left and 第 n 页 / 共 N 页 on the right.
 * Measured on the page's own size, not the last page's: the footers are drawn once all pages
 * are there, and a document may mix portrait and landscape pages.
 */
export function drawPageFooter(canvas: PdfCanvas, text: string, page: number, pages: number): void {
  const height = canvas.doc.page.height;
  const right = canvas.doc.page.width - canvas.margins.right;
  const style = { size: 7.5, color: FRAME_COLOR } as const;
  canvas.rule(height - 46, RULE_COLOR, 0.5, canvas.left, right);
  canvas.label(text, canvas.left, height - 43, style);
  canvas.label(`第 ${page} 页 / 共 ${pages} 页`, canvas.left, height - 43, style, 'right', right - canvas.left);
}
