/**
 * Signature box: one signer's place on a result sheet: the expert's handwritten signature (the
 * PNG from their sheet, when they drew one), their name and id, and the fingerprint of the key
 * that signed their sheet, so a reader can match the paper to the signed file.
 *
 * An expert who scored on paper has neither a drawn signature nor a key: their box says 纸质录入,
 * that the hand signature is on the paper original, and who typed the sheet in and who
 * confirmed it, instead of a fingerprint that does not exist.
 */
import { HAND_SIGNATURE_PREFIX } from '../../../shared/sheet/hand-signature.ts';
import type { PaperEntryPeople, ResultSheet } from '../result-documents-input.ts';
import { isPaperSheet } from '../result-documents-input.ts';
import { FLAG_LABELS } from '../result-labels.ts';
import type { PdfCanvas } from './pdf-canvas.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';

export interface SignatureBoxContent {
  readonly name: string;
  readonly id: string;
  readonly fingerprint: string;
  /** PNG data URL, or undefined: a line to sign on. */
  readonly handSignature?: string | undefined;
  readonly caption?: string | undefined;
  /** A paper sheet: who typed and confirmed it (null: not known). */
  readonly paper?: PaperEntryPeople | null | undefined;
}

/** `录入：周敏；复核：吴刚`, or just 纸质录入 when the people are not known. */
export function paperEntryText(paper: PaperEntryPeople | null | undefined): string {
  const label = FLAG_LABELS['paper-entered'];
  return paper === null || paper === undefined ? label : `${label}：${paper.enteredBy} 录入，${paper.confirmedBy} 复核`;
}

/** What an expert's box shows, for a signed sheet or a paper one. */
export function signatureBoxContentOf(id: string, name: string, entry: ResultSheet | undefined): SignatureBoxContent {
  if (entry === undefined) return { name, id, fingerprint: '—' };
  const when = chinaDateTime(entry.sheet.signedAt);
  if (isPaperSheet(entry)) {
    return { name, id, fingerprint: '', paper: entry.paper ?? null, caption: `纸质评分表签于 ${when.slice(0, 10)}` };
  }
  return { name, id, fingerprint: entry.fingerprint, handSignature: entry.sheet.expert.handSignature, caption: `评分表签署于 ${when}` };
}

export const SIGNATURE_BOX_HEIGHT = 96;

/**
 * The expert's drawn signature fitted into a box; false when there is none to draw (then the
 * caller leaves a line to sign on). Every document that shows a drawn signature draws it here.
 */
export function drawHandSignature(canvas: PdfCanvas, dataUrl: string | undefined, x: number, top: number, width: number, height: number): boolean {
  if (dataUrl === undefined || !dataUrl.startsWith(HAND_SIGNATURE_PREFIX)) return false;
  try {
    const png = Buffer.from(dataUrl.slice(HAND_SIGNATURE_PREFIX.length), 'base64');
    canvas.doc.image(png, x, top, { fit: [width, height], align: 'center', valign: 'center' });
    return true;
  } catch {
    // A PNG pdfkit cannot read is shown as no signature rather than stopping the export.
    return false;
  }
}

export function drawSignatureBox(canvas: PdfCanvas, x: number, top: number, width: number, content: SignatureBoxContent): void {
  const doc = canvas.doc;
  doc.save().rect(x, top, width, SIGNATURE_BOX_HEIGHT).lineWidth(0.4).strokeColor('#8a8a8a').stroke().restore();
  const imageTop = top + 6;
  const imageHeight = 44;
  const paper = content.paper !== undefined;
  const drewImage = !paper && drawHandSignature(canvas, content.handSignature, x + 6, imageTop, width - 12, imageHeight);
  if (paper) {
    canvas.label(FLAG_LABELS['paper-entered'], x, imageTop + 8, { size: 11, weight: 'bold', color: '#8d2b0b' }, 'center', width);
    canvas.label('无电子签名，手写签名见纸质原件', x, imageTop + 26, { size: 6.5, color: '#555555' }, 'center', width);
  } else if (!drewImage) {
    canvas.rule(imageTop + imageHeight - 4, '#444444', 0.5, x + 10, x + width - 10);
    canvas.label('（未附手写签名，请手签）', x, imageTop + imageHeight - 16, { size: 6.5, color: '#888888' }, 'center', width);
  }
  canvas.label(`${content.name}（${content.id}）`, x, top + 54, { size: 9, weight: 'bold' }, 'center', width);
  if (paper) {
    const people = content.paper;
    const who = people === null || people === undefined ? '录入人未记载' : `${people.enteredBy} 录入，${people.confirmedBy} 复核`;
    canvas.label(who, x, top + 67, { size: 6.5 }, 'center', width);
  } else {
    canvas.label(`密钥指纹 ${content.fingerprint}`, x, top + 67, { size: 7 }, 'center', width);
  }
  if (content.caption !== undefined) canvas.label(content.caption, x, top + 79, { size: 6.5, color: '#444444' }, 'center', width);
}
