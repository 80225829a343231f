/**
 * Excel preview: an .xlsx evidence file as tables of cell texts, read by exceljs in the main
 * process. Cells are sent as the text Excel would show (`cell.text`), never as formulas.
 *
 * - limit: per sheet the first 500 rows and 50 columns (a sheet beyond that is marked
 *   truncated), at most 20 sheets; enough to read a list of contracts or members.
 */
import ExcelJS from 'exceljs';

const MAX_ROWS = 500;
const MAX_COLUMNS = 50;
const MAX_SHEETS = 20;

export interface SheetPreview {
  readonly name: string;
  readonly rows: string[][];
  readonly truncated: boolean;
}

export async function xlsxPreview(bytes: Buffer): Promise<SheetPreview[]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs' typings want its own Buffer type; the bytes are a plain Node Buffer.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: SheetPreview[] = [];
  for (const worksheet of workbook.worksheets.slice(0, MAX_SHEETS)) {
    const columns = Math.min(worksheet.columnCount, MAX_COLUMNS);
    const rowCount = Math.min(worksheet.rowCount, MAX_ROWS);
    const rows: string[][] = [];
    for (let r = 1; r <= rowCount; r += 1) {
      const row = worksheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= columns; c += 1) cells.push(cellText(row.getCell(c)));
      rows.push(cells);
    }
    // Trailing empty rows say nothing.
    while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell === '')) rows.pop();
    sheets.push({
      name: worksheet.name,
      rows,
      truncated: worksheet.rowCount > MAX_ROWS || worksheet.columnCount > MAX_COLUMNS,
    });
  }
  return sheets;
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text;
  } catch {
    // A cell exceljs cannot render as text (a broken shared formula) is shown empty, not fatal.
    return '';
  }
}
