/**
 * The result PDFs of a year: which documents there are, what each file is called, and how
 * each is drawn, rendered and signed.
 *
 * - document: one PDF file: the summary (考核结果汇总表), the publication list (公示名单), one
 *   detail sheet per alliance (联盟评分明细表) and one sheet per expert (专家评分表); and the
 *   procedure documents: the sign-in sheet (专家签到表), the pledges (评审专家承诺书, a page per
 *   expert), the report (评审报告) and one panel opinion per alliance (专家组意见).
 * - file name: `<year>-<title>[-<id>].pdf`; alliance and expert ids are ASCII letters, digits,
 *   `-` and `_` (sheets-and-results.md), so names are safe on every file system.
 */
import type { FontSet } from './fonts/shipped-fonts.ts';
import { drawAllianceDetail, DETAIL_TITLE } from './pdf/alliance-detail-document.ts';
import { drawExpertSheet, EXPERT_TITLE } from './pdf/expert-sheet-document.ts';
import type { PageLayout, PdfCanvas } from './pdf/pdf-canvas.ts';
import { drawPanelOpinion, OPINION_TITLE } from './pdf/panel-opinion-document.ts';
import { drawPledges, PLEDGE_TITLE } from './pdf/pledge-document.ts';
import { drawReviewReport, REPORT_TITLE } from './pdf/review-report-document.ts';
import { drawSignInSheet, SIGN_IN_TITLE } from './pdf/sign-in-document.ts';
import { drawPublicationList, PUBLICATION_TITLE } from './pdf/publication-list-document.ts';
import type { RenderedPdf } from './pdf/result-pdf.ts';
import { renderResultPdf } from './pdf/result-pdf.ts';
import type { SigningCertificate } from './pdf/summary-document.ts';
import { drawSummary, SUMMARY_TITLE } from './pdf/summary-document.ts';
import type { ResultDocumentsInput } from './result-documents-input.ts';
import { indexInput, resultDigest } from './result-documents-input.ts';
import type { ResultSigner } from './signing/result-signer.ts';
import { summarizeCertificate } from './signing/result-signer.ts';
import { signPdf } from './signing/sign-pdf.ts';

export type PdfKind = 'summary' | 'publication' | 'detail' | 'expert' | 'sign-in' | 'pledge' | 'report' | 'opinion';

export interface PdfDocumentPlan {
  readonly kind: PdfKind;
  readonly fileName: string;
  readonly title: string;
  /** The alliance or expert id of a detail or expert sheet. */
  readonly subject: string | null;
  readonly layout: PageLayout;
  readonly draw: (canvas: PdfCanvas) => void;
}

export function planResultPdfs(input: ResultDocumentsInput, certificate: SigningCertificate): PdfDocumentPlan[] {
  const index = indexInput(input);
  const year = input.result.year;
  return [
    {
      kind: 'summary',
      fileName: `${year}-${SUMMARY_TITLE}.pdf`,
      title: SUMMARY_TITLE,
      subject: null,
      layout: 'landscape',
      draw: (canvas) => drawSummary(canvas, input, index, certificate),
    },
    {
      kind: 'publication',
      fileName: `${year}-${PUBLICATION_TITLE}.pdf`,
      title: PUBLICATION_TITLE,
      subject: null,
      layout: 'portrait',
      draw: (canvas) => drawPublicationList(canvas, input),
    },
    ...input.result.alliances.map(
      (alliance): PdfDocumentPlan => ({
        kind: 'detail',
        fileName: `${year}-${DETAIL_TITLE}-${alliance.allianceId}.pdf`,
        title: `${DETAIL_TITLE} ${alliance.allianceId}`,
        subject: alliance.allianceId,
        layout: 'portrait',
        draw: (canvas) => drawAllianceDetail(canvas, input, index, alliance),
      }),
    ),
    ...index.expertIds.map(
      (expertId): PdfDocumentPlan => ({
        kind: 'expert',
        fileName: `${year}-${EXPERT_TITLE}-${expertId}.pdf`,
        title: `${EXPERT_TITLE} ${expertId}`,
        subject: expertId,
        layout: 'landscape',
        draw: (canvas) => drawExpertSheet(canvas, input, index, expertId),
      }),
    ),
    {
      kind: 'sign-in',
      fileName: `${year}-${SIGN_IN_TITLE}.pdf`,
      title: SIGN_IN_TITLE,
      subject: null,
      layout: 'portrait',
      draw: (canvas) => drawSignInSheet(canvas, input, index),
    },
    {
      kind: 'pledge',
      fileName: `${year}-${PLEDGE_TITLE}.pdf`,
      title: PLEDGE_TITLE,
      subject: null,
      layout: 'portrait',
      draw: (canvas) => drawPledges(canvas, input, index),
    },
    {
      kind: 'report',
      fileName: `${year}-${REPORT_TITLE}.pdf`,
      title: REPORT_TITLE,
      subject: null,
      layout: 'portrait',
      draw: (canvas) => drawReviewReport(canvas, input, index),
    },
    ...input.result.alliances.map(
      (alliance): PdfDocumentPlan => ({
        kind: 'opinion',
        fileName: `${year}-${OPINION_TITLE}-${alliance.allianceId}.pdf`,
        title: `${OPINION_TITLE} ${alliance.allianceId}`,
        subject: alliance.allianceId,
        layout: 'portrait',
        draw: (canvas) => drawPanelOpinion(canvas, input, index, alliance),
      }),
    ),
  ];
}

export interface SignedPdf extends RenderedPdf {
  /** The signed PDF. */
  readonly signed: Buffer;
}

/** Renders one planned document, with its empty signature field. */
export function renderPlannedPdf(
  input: ResultDocumentsInput,
  plan: PdfDocumentPlan,
  fonts: FontSet,
  signerName: string,
): Promise<RenderedPdf> {
  return renderResultPdf(
    fonts,
    {
      title: plan.title,
      year: input.result.year,
      meetingName: input.meetingName,
      resultDigest: resultDigest(input.result),
      generatedAt: input.generatedAt,
      layout: plan.layout,
      signerName,
    },
    plan.draw,
  );
}

/** Renders and signs one planned document. */
export async function renderSignedPdf(
  input: ResultDocumentsInput,
  plan: PdfDocumentPlan,
  fonts: FontSet,
  signer: ResultSigner,
): Promise<SignedPdf> {
  const rendered = await renderPlannedPdf(input, plan, fonts, summarizeCertificate(signer.certificate).commonName);
  return { ...rendered, signed: await signPdf(rendered.bytes, signer, input.generatedAt) };
}

export function signingCertificateOf(signer: ResultSigner): SigningCertificate {
  return { summary: summarizeCertificate(signer.certificate), origin: signer.origin };
}
