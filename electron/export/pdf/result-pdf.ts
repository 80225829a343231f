/**
 * Result PDF: one of the bureau's result documents as a pdfkit document, before signing.
 *
 * - document frame: what every page carries: the document's title and the meeting at the top;
 *   the year, the meeting, the page number (第 n 页 / 共 N 页) and the result digest at the
 *   bottom (framed-pdf.ts sets up the document and draws the footers once the page count is known).
 * - Its creation date is the export's clock, and its finished bytes get an empty signature field (signing/signature-placeholder.ts) that signing fills in.
 */
import type { FontSet } from '../fonts/shipped-fonts.ts';
import { addSignaturePlaceholder } from '../signing/signature-placeholder.ts';
import { drawPageFooter, drawRunningHead, renderFramedPdf } from './framed-pdf.ts';
import type { PageLayout, PdfCanvas } from './pdf-canvas.ts';

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
  const { bytes: unsigned, pages, canvas } = await renderFramedPdf(
    fonts,
    {
      title: `${frame.year} 年度${frame.title}`,
      subject: `${frame.meetingName} · 结果摘要 SHA-256 ${frame.resultDigest}`,
      keywords: `alliance-review result ${frame.resultDigest}`,
      createdAt: frame.generatedAt,
      firstPage: frame.layout,
      head: (page) => runningHead(page, frame),
      foot: (page, n, count) => footer(page, frame, n, count),
    },
    draw,
  );
  const bytes = addSignaturePlaceholder(unsigned, {
    reason: `${frame.year} 年度${frame.title}（结果摘要 SHA-256 ${frame.resultDigest}）`,
    name: frame.signerName,
    location: '合肥',
    signingTime: frame.generatedAt,
  });
  return { bytes, pages, drawn: canvas.drawn, missing: canvas.missing };
}

function runningHead(canvas: PdfCanvas, frame: ResultPdfFrame): void {
  drawRunningHead(canvas, { left: { text: `${frame.year} 年度${frame.title}`, bold: true }, right: { text: frame.meetingName } });
}

function footer(canvas: PdfCanvas, frame: ResultPdfFrame, page: number, pages: number): void {
  drawPageFooter(canvas, `${frame.year} 年度 · ${frame.meetingName} · ${frame.title}`, page, pages);
  canvas.label(`结果摘要 SHA-256：${frame.resultDigest}`, canvas.left, canvas.doc.page.height - 31, { size: 6.5, color: '#444444' });
}
