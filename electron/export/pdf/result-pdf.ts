/**
 * Result PDF: one of the bureau's result documents as a pdfkit document, before signing.
 *
 * - document frame: what every page carries: the document's title and the meeting at the top;
 *   the year, the meeting, the page number (第 n 页 / 共 N 页) and the result digest at the
 *   bottom. Page numbers need the page count, so pages are buffered and the footers drawn last.
 * - The document is tagged `zh-CN`, its creation date is the export's clock, and its finished bytes
 *   get an empty signature field (signing/signature-placeholder.ts) that signing fills in.
 */
import PDFDocument from 'pdfkit';
import type { FontSet } from '../fonts/shipped-fonts.ts';
import { addSignaturePlaceholder } from '../signing/signature-placeholder.ts';
import type { PageLayout } from './pdf-canvas.ts';
import { PdfCanvas } from './pdf-canvas.ts';

export interface ResultPdfFrame {
  /** 考核结果汇总表 */
  readonly title: string;
  readonly year: number;
  readonly meetingName: string;
  /** SHA-256 hex of the result text. */
  readonly resultDigest: string;
  readonly generatedAt: Date;
  readonly layout: PageLayout;
  /** Who signs (the certificate's subject), for the signature field. */
  readonly signerName: string;
}

export interface RenderedPdf {
  /** The unsigned PDF, with its signature placeholder. */
  readonly bytes: Buffer;
  readonly pages: number;
  /** Face name → characters set in it. */
  readonly drawn: ReadonlyMap<string, ReadonlySet<string>>;
  readonly missing: ReadonlySet<string>;
}

export async function renderResultPdf(
  fonts: FontSet,
  frame: ResultPdfFrame,
  draw: (canvas: PdfCanvas) => void,
): Promise<RenderedPdf> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${frame.year} 年度${frame.title}`,
      Author: '联盟考核评审 alliance-review',
      Subject: `${frame.meetingName} · 结果摘要 SHA-256 ${frame.resultDigest}`,
      Keywords: `alliance-review result ${frame.resultDigest}`,
      Creator: 'alliance-review',
      CreationDate: frame.generatedAt,
      ModDate: frame.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const canvas = new PdfCanvas(doc, fonts);
  canvas.onPage = (page) => runningHead(page, frame);
  canvas.addPage(frame.layout);
  draw(canvas);

  const { count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i += 1) {
    doc.switchToPage(i);
    footer(canvas, frame, i + 1, count);
  }
  doc.end();
  await ended;
  const bytes = addSignaturePlaceholder(Buffer.concat(chunks), {
    reason: `${frame.year} 年度${frame.title}（结果摘要 SHA-256 ${frame.resultDigest}）`,
    name: frame.signerName,
    location: '合肥',
    signingTime: frame.generatedAt,
  });
  return { bytes, pages: count, drawn: canvas.drawn, missing: canvas.missing };
}

function runningHead(canvas: PdfCanvas, frame: ResultPdfFrame): void {
  const style = { size: 8, color: '#444444' } as const;
  canvas.label(`${frame.year} 年度${frame.title}`, canvas.left, 26, { ...style, weight: 'bold' });
  canvas.label(frame.meetingName, canvas.left, 26, style, 'right', canvas.contentWidth);
  canvas.rule(40, '#888888', 0.5);
  canvas.y = canvas.margins.top;
}

function footer(canvas: PdfCanvas, frame: ResultPdfFrame, page: number, pages: number): void {
  // The page's own size: a document may mix portrait and landscape pages.
  const doc = canvas.doc;
  const height = doc.page.height;
  const width = doc.page.width;
  const right = width - canvas.margins.right;
  const style = { size: 7.5, color: '#444444' } as const;
  canvas.rule(height - 46, '#888888', 0.5, canvas.left, right);
  canvas.label(`${frame.year} 年度 · ${frame.meetingName} · ${frame.title}`, canvas.left, height - 43, style);
  canvas.label(`第 ${page} 页 / 共 ${pages} 页`, canvas.left, height - 43, style, 'right', right - canvas.left);
  canvas.label(`结果摘要 SHA-256：${frame.resultDigest}`, canvas.left, height - 31, { size: 6.5, color: '#444444' });
}
