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

/**
 * The formats the document preview reads (EvidenceType names): the word-processor files, and
 * WPS 表格's own .et when no spreadsheet library reads it (its text found, with a notice).
 */
export type DocumentFormat = 'docx' | 'doc' | 'wps' | 'rtf' | 'odt' | 'et';

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

/**
 * A merged range of a sheet, by the position of its top-left cell in `rows` (0-based) and how
 * many rows and columns it spans, clipped to what the preview shows. The cells it covers other
 * than the top-left one are not shown (a spreadsheet shows only the top-left cell's value).
 */
export interface SpreadsheetMerge {
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly columnSpan: number;
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

/**
 * One sheet of a spreadsheet as the spreadsheet program shows it: each cell's display text (its
 * value formatted by its number format: dates, percent, currency; a formula by the result the
 * file stored), from A1 on, and the labels a spreadsheet puts beside them.
 */
export interface SpreadsheetSheet {
  readonly name: string;
  /** Hidden in the workbook (shown here all the same, marked as hidden). */
  readonly hidden: boolean;
  /** Display texts, row by row; every row has `columnLabels.length` cells. */
  readonly rows: readonly (readonly string[])[];
  /**
   * What each cell holds, one letter a cell, one string a row (parallel to `rows`): `n` a number
   * (dates and times are numbers), `b` a boolean, `e` an error, `t` text or nothing. The viewer
   * aligns them as a spreadsheet does by default: numbers right, booleans and errors centred.
   */
  readonly cellKinds: readonly string[];
  readonly merges: readonly SpreadsheetMerge[];
  /** A, B, … Z, AA, … for the columns shown. */
  readonly columnLabels: readonly string[];
  /** 1, 2, … for the rows shown. */
  readonly rowLabels: readonly number[];
  /** How far the sheet really reaches when the preview shows less of it (and how much it shows at most), else null. */
  readonly truncated: { readonly rows: number; readonly columns: number; readonly maxRows: number; readonly maxColumns: number } | null;
}

/** Which spreadsheet format the file is, by its content (csv by its name). */
export type SpreadsheetFormat = 'xlsx' | 'xls' | 'et' | 'ods' | 'csv';

/** A spreadsheet (.xlsx, .xls, .et, .ods, .csv) as grids of display texts, one per sheet. */
export interface SpreadsheetPreview {
  readonly kind: 'spreadsheet';
  readonly format: SpreadsheetFormat;
  readonly sheets: readonly SpreadsheetSheet[];
  /** What the preview leaves out or shows differently from the spreadsheet program, or null. */
  readonly notice: string | null;
}

export type EvidencePreview = DocumentPreview | SpreadsheetPreview | PagesPreview | TextPreview | ZipPreview | FilePreview;

export type EvidencePreviewKind = EvidencePreview['kind'];
