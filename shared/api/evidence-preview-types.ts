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

import type { EvidenceType } from '../evidence/evidence-type.ts';
import type { RenditionRef } from './transport.ts';

/**
 * A word-processor document's content as blocks (document-preview/, one reader per format):
 * - paragraph: its text (line breaks inside it kept as `\n`), its heading level (1–6) when its
 *   style is a heading, and its alignment when the document sets one.
 * - table: rows of cells; a cell holds blocks of its own (paragraphs, images, nested tables)
 *   and spans `colSpan` columns and `rowSpan` rows (1 when not merged). A cell covered by a
 *   merged one is not listed.
 * - image: an embedded picture as a `data:` URL (PNG, JPEG, GIF, BMP), with its size in
 *   pixels read from the picture itself; `src` is null when it is not drawn (an EMF/WMF
 *   drawing, or one over the size limits), and `label` then says why, in the expert's words.
 */
export type DocumentBlock =
  | {
      readonly type: 'paragraph';
      readonly text: string;
      readonly heading: number | null;
      readonly align?: 'left' | 'center' | 'right' | 'justify' | undefined;
    }
  | { readonly type: 'table'; readonly rows: readonly (readonly DocumentTableCell[])[] }
  | DocumentImage;

export interface DocumentTableCell {
  readonly blocks: readonly DocumentBlock[];
  readonly colSpan: number;
  readonly rowSpan: number;
}

export interface DocumentImage {
  readonly type: 'image';
  readonly src: string | null;
  readonly mime: string | null;
  readonly width: number | null;
  readonly height: number | null;
  /** What the picture is: its description in the document, or why it is not drawn. */
  readonly label: string;
}

/** The word-processor formats the document preview reads (EvidenceType names). */
export type DocumentFormat = 'docx' | 'doc' | 'wps' | 'rtf' | 'odt';

/**
 * A word-processor document (.docx, .doc, .wps, .rtf, .odt): its page headers (for a 红头文件,
 * the issuing body), its body, its page footers and its footnotes/endnotes, each as blocks.
 * Headers and footers are listed once each, whichever pages they are on (first, odd, even).
 */
export interface DocumentPreview {
  readonly kind: 'document';
  readonly format: DocumentFormat;
  readonly header: readonly DocumentBlock[];
  readonly body: readonly DocumentBlock[];
  readonly footer: readonly DocumentBlock[];
  readonly notes: readonly DocumentBlock[];
  /** What this format's preview leaves out, for the expert; null when nothing is known to be. */
  readonly notice: string | null;
  /** The document had more blocks than the preview keeps (the first part is shown). */
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

/** The encodings a text file is read in (electron/evidence/text/plain-text.ts). */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** A plain text file's lines, decoded in the encoding its bytes are in. */
export interface TextPreview {
  readonly kind: 'text';
  readonly encoding: TextEncodingName;
  readonly lines: readonly string[];
  /** Only the first part of a long file is sent (the notice says how much). */
  readonly truncated: boolean;
  readonly notice: string | null;
}

/** A file in a zip inside the package, as the zip preview lists it. */
export interface ZipMemberView {
  /** Its path inside the zip (names decoded as the package's own); opened as `<zip path>/<path>`. */
  readonly path: string;
  readonly size: number;
  /** Its type by content (shared/evidence/evidence-type.ts), null when it could not be read. */
  readonly type: EvidenceType | null;
  /** Whether the viewer opens it. */
  readonly viewable: boolean;
  /** Why it is not opened (encrypted, a zip bomb's ratio, a zip in the zip), for the expert. */
  readonly problem: string | null;
}

/** A zip inside the package: its files, one level deep, each opened in the viewer by its path. */
export interface ZipPreview {
  readonly kind: 'zip';
  readonly members: readonly ZipMemberView[];
  readonly notice: string | null;
}

/**
 * A file the renderer shows from its own bytes (a PDF or an image) that has no URL of its own
 * in the store: a member of a zip inside the package, whose bytes main copied out of the zip
 * into a rendition of the zip. Shown by the PDF viewer or the image viewer from `file`.
 */
export interface FilePreview {
  readonly kind: 'file';
  readonly type: 'pdf' | 'image';
  readonly file: RenditionRef;
  /** The SHA-256 of the file's own bytes (what the expert's rotation is remembered by). */
  readonly sha256: string;
}

export type EvidencePreview = DocumentPreview | XlsxPreview | PagesPreview | TextPreview | ZipPreview | FilePreview;

export type EvidencePreviewKind = EvidencePreview['kind'];
