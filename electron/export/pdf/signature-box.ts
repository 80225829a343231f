/**
 * Signature box: one signer's place on a result sheet: the expert's handwritten signature (the
 * PNG from their sheet, when they drew one), their name and id, and the fingerprint of the key
 * that signed their sheet, so a reader can match the paper to the signed file.
 */
import { HAND_SIGNATURE_PREFIX } from '../../../shared/sheet/hand-signature.ts';
import type { PdfCanvas } from './pdf-canvas.ts';

export interface SignatureBoxContent {
  readonly name: string;
  readonly id: string;
  readonly fingerprint: string;
  /** PNG data URL, or undefined: a line to sign on. */
  readonly handSignature?: string | undefined;
  readonly caption?: string | undefined;
}

export const SIGNATURE_BOX_HEIGHT = 96;

export function drawSignatureBox(canvas: PdfCanvas, x: number, top: number, width: number, content: SignatureBoxContent): void {
  const doc = canvas.doc;
  doc.save().rect(x, top, width, SIGNATURE_BOX_HEIGHT).lineWidth(0.4).strokeColor('#8a8a8a').stroke().restore();
  const imageTop = top + 6;
  const imageHeight = 44;
  let drewImage = false;
  const dataUrl = content.handSignature;
  if (dataUrl !== undefined && dataUrl.startsWith(HAND_SIGNATURE_PREFIX)) {
    try {
      const png = Buffer.from(dataUrl.slice(HAND_SIGNATURE_PREFIX.length), 'base64');
      doc.image(png, x + 6, imageTop, { fit: [width - 12, imageHeight], align: 'center', valign: 'center' });
      drewImage = true;
    } catch {
      // A PNG pdfkit cannot read is shown as no signature rather than stopping the export.
      drewImage = false;
    }
  }
  if (!drewImage) {
    canvas.rule(imageTop + imageHeight - 4, '#444444', 0.5, x + 10, x + width - 10);
    canvas.label('（未附手写签名，请手签）', x, imageTop + imageHeight - 16, { size: 6.5, color: '#888888' }, 'center', width);
  }
  canvas.label(`${content.name}（${content.id}）`, x, top + 54, { size: 9, weight: 'bold' }, 'center', width);
  canvas.label(`密钥指纹 ${content.fingerprint}`, x, top + 67, { size: 7 }, 'center', width);
  if (content.caption !== undefined) canvas.label(content.caption, x, top + 79, { size: 6.5, color: '#444444' }, 'center', width);
}
