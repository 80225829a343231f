/**
 * What the searches of the evidence viewer answer (evidence-search.ts in main):
 *
 * - in one file: every hit of the words, page by page, with the boxes to highlight (page-text.ts:
 *   0..1 of the page as shown, before the expert's rotation) and where the text came from;
 * - in every file of the alliance's package: per file the pages with hits and a snippet each,
 *   and the files that could not be searched (no text layer and no OCR text, a kind without a
 *   text source, a damaged file), so the expert knows what the list leaves out;
 * - 自动定位: the page of a paged file the item's fields point to (auto-locate.ts), or null.
 */
import type { LocatedField } from '../evidence/auto-locate.ts';
import type { TextHit, TextSnippet } from '../evidence/page-text.ts';

/** Where a file's text came from: its own text layer, OCR, a document or spreadsheet reader. */
export type TextSourceKind = 'text-layer' | 'ocr' | 'document' | 'spreadsheet';

/** Why a file has no text to search: a scan without OCR text, an open password, a file its reader gave up on. */
export type NoText = 'scan' | 'password' | 'unreadable';

export interface EvidenceSearch {
  /** null: the file has no text to search (`noText` says why). */
  readonly source: TextSourceKind | null;
  readonly noText?: NoText | undefined;
  /** A PDF with a text layer whose pages without one were read by OCR: those pages. */
  readonly ocrPages?: readonly number[] | undefined;
  readonly hits: readonly TextHit[];
  /** More hits than were sent (`MAX_FILE_HITS`). */
  readonly truncated: boolean;
}

export interface PackageSearchFile {
  readonly path: string;
  /** A file with pages (PDF, TIFF, OFD): its hits open at their page. */
  readonly paged: boolean;
  readonly hits: readonly { readonly page: number; readonly snippet: TextSnippet }[];
  /** Hits in the file, also those not sent. */
  readonly total: number;
}

export interface PackageSearch {
  readonly files: readonly PackageSearchFile[];
  /** Files whose text is not known, by path. */
  readonly unsearchable: readonly string[];
}

export interface EvidenceLocation {
  readonly page: number | null;
  readonly found: readonly LocatedField[];
}

/**
 * The parts of a big PDF pdf.js reads before it can show a page (electron/evidence/
 * pdf-skeleton.ts), for the viewer to open it by range without hundreds of round trips; or why
 * there is none: a small file (fetched whole), one being made (ask again next time), or none.
 */
export type PdfSkeleton =
  | {
      readonly ready: true;
      readonly length: number;
      readonly chunkSize: number;
      readonly ranges: readonly (readonly [number, number])[];
      /** The ranges' bytes one after another, base64. */
      readonly parts: string;
    }
  | { readonly ready: false; readonly reason: 'small' | 'making' | 'none' };
