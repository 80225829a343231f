/**
 * Signature placeholder: the objects a PDF needs before it can carry a detached CMS signature
 * (ISO 32000-1 §12.8): a signature dictionary (`/Type /Sig`, `/Filter /Adobe.PPKLite`,
 * `/SubFilter /adbe.pkcs7.detached`) whose `/ByteRange` and `/Contents` are placeholders, an
 * invisible signature widget on the first page, and the document's AcroForm naming it.
 *
 * - placeholder: `/ByteRange [0 /********** /********** /**********]` and `/Contents <00…00>`
 *   of a fixed size, which @signpdf/signpdf finds and fills in once the PDF's bytes are final.
 *
 * @signpdf/placeholder-plain adds them to the finished PDF as an incremental update (the
 * signature then covers the whole file, update included). Its pdfkit sibling,
 * @signpdf/placeholder-pdfkit, would add them while pdfkit writes, but it declares pdfkit 0.11
 * as its peer and npm refuses it beside our pdfkit 0.20.
 */
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';

/** Bytes reserved for the CMS signature: a certificate chain of a few certificates fits. */
export const SIGNATURE_BYTES = 16384;

export interface PlaceholderOptions {
  readonly reason: string;
  readonly name: string;
  readonly location: string;
  readonly signingTime: Date;
}

/** The PDF with the placeholder added; `pdf` is a finished PDF with a classic xref table (pdfkit's). */
export function addSignaturePlaceholder(pdf: Buffer, options: PlaceholderOptions): Buffer {
  return plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: options.reason,
    contactInfo: '',
    name: options.name,
    location: options.location,
    signingTime: options.signingTime,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
  });
}
