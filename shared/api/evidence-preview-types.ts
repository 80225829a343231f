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

export type DocumentBlock =
  | { readonly type: 'paragraph'; readonly text: string; readonly heading: number | null }
  | { readonly type: 'table'; readonly rows: readonly (readonly string[])[] };

/** A Word document's text blocks (mammoth). */
export interface DocxPreview {
  readonly kind: 'docx';
  readonly blocks: readonly DocumentBlock[];
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

export type EvidencePreview = DocxPreview | SpreadsheetPreview;

export type EvidencePreviewKind = EvidencePreview['kind'];
