/**
 * Sheet style: what every sheet of the result workbook shares: a bold shaded header row that
 * stays in view (frozen) and repeats on every printed page, column widths, A4 print setup
 * fitted to the page width, an auto filter so an auditor can sort and filter, and row heights
 * that show wrapped text in every spreadsheet program.
 */
import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';

export interface SheetColumn {
  readonly header: string;
  /** Width in characters (a Han character counts about two). */
  readonly width: number;
}

const HEADER_FILL = 'FFDDE6F0';

export function setUpSheet(sheet: Worksheet, columns: readonly SheetColumn[], options: { readonly frozenColumns?: number; readonly landscape?: boolean } = {}): void {
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 30;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: options.frozenColumns ?? 0 }];
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: options.landscape === false ? 'portrait' : 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '&L&A&R第 &P 页，共 &N 页' };
}

/** Points per text line of the sheet's 11 pt font (Excel's default row is 15 pt). */
const LINE_HEIGHT = 15;
/** Rows taller than this are not grown further: Excel's own limit is 409 pt. */
const MAX_ROW_HEIGHT = 409;

/** How many character widths a text takes: a Han character (or any wide one) about two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return width;
}

/** Lines a wrapped text takes in a column `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  // A column holds a little less than its width in characters once the cell's padding and
  // LibreOffice's wider glyphs are counted; estimating short would cut the last line off.
  const usable = Math.max(1, Math.floor((width - 1) * 0.85));
  return text.split('\n').reduce((lines, line) => lines + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((run) => run.text).join('');
  return String(value);
}

/**
 * Sets the height of every row below the header whose wrapped cells need more than one line.
 * Excel grows such rows when it opens the file, but LibreOffice and WPS keep the stored height
 * (one line) for a file that names none, so the text would be cut off.
 */
export function fitRowHeights(sheet: Worksheet): void {
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    let lines = 1;
    row.eachCell((cell, column) => {
      if (cell.alignment?.wrapText !== true) return;
      const width = sheet.getColumn(column).width ?? 9;
      lines = Math.max(lines, wrappedLines(cellText(cell.value), width));
    });
    if (lines > 1) row.height = Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
  });
}

/** Auto filter over the header and the rows written so far. */
export function addFilter(sheet: Worksheet): void {
  if (sheet.rowCount < 2 || sheet.columnCount < 1) return;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: sheet.rowCount, column: sheet.columnCount } };
}

/** `A`, `B`, … `AA` for a 1-based column number. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A formula with its cached value: Excel shows the value and recomputes it on demand. */
export function formula(text: string, result: number | string): { formula: string; result: number | string } {
  return { formula: text, result };
}
