/**
 * What the evidence viewer is sent for a file it cannot show from the raw bytes itself (every
 * evidence type except PDF and the browser's own images): a preview main made from the stored
 * bytes, by the file's content type, never its name. Each kind has one renderer component
 * (renderer/src/evidence/previews/); a preview carries text and data only, never markup the
 * renderer would insert as HTML.
 *
 * `notice`, where a kind has one, is a sentence for the expert about what the preview leaves out
 * (a format no library reads fully, a truncated sheet), so nothing is silently missing.
 */

import type { RenditionRef } from './transport.ts';

export type DocumentBlock =
  | { readonly type: 'paragraph'; readonly text: string; readonly heading: number | null }
  | { readonly type: 'table'; readonly rows: readonly (readonly string[])[] };

/** A Word document's text blocks (mammoth). */
export interface DocxPreview {
  readonly kind: 'docx';
  readonly blocks: readonly DocumentBlock[];
  readonly truncated: boolean;
}

/** An Excel workbook's sheets as the cell texts exceljs gives. */
export interface XlsxPreview {
  readonly kind: 'xlsx';
  readonly sheets: readonly {
    readonly name: string;
    readonly rows: readonly (readonly string[])[];
    readonly truncated: boolean;
  }[];
}

/**
 * A file shown as page images main made from it (renditions): every page of a TIFF, a HEIC
 * photo, an OFD document's pages. Each page names its image and its size in CSS pixels at 100%
 * (so the viewer lays out and fits pages before any image arrives). Paged types (TIFF, OFD)
 * number their pages for `#page=N` references; a photo has one page.
 */
export interface PagesPreview {
  readonly kind: 'pages';
  readonly pages: readonly { readonly image: RenditionRef; readonly width: number; readonly height: number }[];
  /** Whether the pages are numbered pages of the document (TIFF, OFD) rather than one picture. */
  readonly paged: boolean;
  readonly notice: string | null;
}

export type EvidencePreview = DocxPreview | XlsxPreview | PagesPreview;

export type EvidencePreviewKind = EvidencePreview['kind'];
