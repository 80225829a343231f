/**
 * Sheet style: what every sheet of the result workbook shares: a bold shaded header row that
 * stays in view (frozen) and repeats on every printed page, column widths, A4 print setup
 * fitted to the page width, and an auto filter so an auditor can sort and filter.
 */
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
