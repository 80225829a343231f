/**
 * Signature placeholder: the objects a PDF needs before it can carry a detached CMS signature
 * (ISO 32000-1 §12.8): a signature dictionary (`/Type /Sig`, `/Filter /Adobe.PPKLite`,
 * `/SubFilter /adbe.pkcs7.detached`) whose `/ByteRange` and `/Contents` are placeholders, an
 * invisible signature widget on the first page, and the document's AcroForm naming it.
 *
 * - placeholder: `/ByteRange [0 /********** /********** /**********]` and `/Contents <00…00>`
 *   of a fixed size, which @signpdf/signpdf finds and fills in once the PDF's bytes are final.
 *
 * We add these objects to the pdfkit document ourselves rather than through
 * @signpdf/placeholder-pdfkit, whose peer dependency pins pdfkit 0.11 (we use 0.20); they are
 * a handful of plain dictionaries. pdfkit writes a JS string as a PDF name and a `String`
 * object as a PDF string, hence `new String(...)` below.
 */
import { DEFAULT_BYTE_RANGE_PLACEHOLDER, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';

/** Bytes reserved for the CMS signature: a certificate chain of a few certificates fits. */
export const SIGNATURE_BYTES = 16384;

interface PdfkitRef {
  readonly data: Record<string, unknown>;
  end(): void;
}

interface PdfkitInternals {
  ref(data: Record<string, unknown>): PdfkitRef;
  initForm(): void;
  page: { dictionary: { data: Record<string, unknown> } };
  _root: { data: Record<string, unknown> & { AcroForm?: PdfkitRef } };
}

export interface PlaceholderOptions {
  readonly reason: string;
  readonly name: string;
  readonly location: string;
  readonly signingTime: Date;
}

/** Adds the placeholder; the current page must be the first one. */
export function addSignaturePlaceholder(doc: PDFKit.PDFDocument, options: PlaceholderOptions): void {
  const pdf = doc as unknown as PdfkitInternals;
  const signature = pdf.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    ByteRange: [0, DEFAULT_BYTE_RANGE_PLACEHOLDER, DEFAULT_BYTE_RANGE_PLACEHOLDER, DEFAULT_BYTE_RANGE_PLACEHOLDER],
    Contents: Buffer.alloc(SIGNATURE_BYTES),
    Reason: new String(options.reason),
    Name: new String(options.name),
    Location: new String(options.location),
    M: options.signingTime,
  });
  signature.end();
  const widget = pdf.ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    V: signature,
    T: new String('结果签名 result signature'),
    // Print flag: an invisible widget, but one that viewers list in the signature panel.
    F: 4,
    P: pdf.page.dictionary,
  });
  widget.end();
  const annots = pdf.page.dictionary.data['Annots'];
  pdf.page.dictionary.data['Annots'] = Array.isArray(annots) ? [...(annots as unknown[]), widget] : [widget];
  // pdfkit ends the AcroForm itself when the document ends, and insists that it made the form
  // (initForm), so we let it and add our field to its list.
  pdf.initForm();
  const form = pdf._root.data.AcroForm;
  if (form === undefined) throw new Error('pdfkit made no AcroForm');
  // NeedAppearances would ask viewers to redraw (and so offer to save) a signed document.
  delete form.data['NeedAppearances'];
  form.data['SigFlags'] = 3;
  (form.data['Fields'] as unknown[]).push(widget);
}
