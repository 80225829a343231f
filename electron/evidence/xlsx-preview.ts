/**
 * Excel preview: an .xlsx evidence file as tables of cell texts, read by exceljs in the main
 * process. Cells are sent as the text Excel would show (`cell.text`), never as formulas.
 *
 * - limit: per sheet the first 500 rows and 50 columns (a sheet beyond that is marked
 *   truncated), at most 20 sheets; enough to read a list of contracts or members.
 * - refused file: one exceljs could not read without expanding past every reasonable size (a
 *   zip bomb, a merged range over the whole sheet, see check-workbook-zip.ts), or an .ods file
 *   under an .xlsx name; the preview says why in Chinese instead. What other programs write
 *   and exceljs misreads is normalised first (normalize-xlsx.ts), as for the 自查表.
 *
 * It runs in a capped worker (read-xlsx-preview.ts), so what slips past the checks ends the
 * worker, not the app.
 */
import ExcelJS from 'exceljs';

import { checkWorkbookZip, defaultWorkbookLimits } from '../package-reader/workbook/check-workbook-zip.ts';
import { normalizeXlsx } from '../package-reader/workbook/normalize-xlsx.ts';
import type { WorkbookZipCheck } from '../package-reader/workbook/check-workbook-zip.ts';
import { extentFinding } from '../package-reader/workbook/extent-message.ts';

const MAX_ROWS = 500;
const MAX_COLUMNS = 50;
const MAX_SHEETS = 20;

export interface SheetPreview {
  readonly name: string;
  readonly rows: string[][];
  readonly truncated: boolean;
}

/** Thrown for a file the preview refuses; the message is for the expert. */
export class PreviewRefused extends Error {
  override readonly name = 'PreviewRefused';
}

export async function xlsxPreview(bytes: Uint8Array, fileName = '此文件'): Promise<SheetPreview[]> {
  const checked = await checkWorkbookZip(bytes, defaultWorkbookLimits);
  if (!checked.ok) throw new PreviewRefused(previewRefusal(checked, fileName));
  const normalized = await normalizeXlsx(bytes);
  const workbook = new ExcelJS.Workbook();
  // exceljs' typings want its own Buffer type; the bytes are a plain Node Buffer.
  await workbook.xlsx.load(Buffer.from(normalized.buffer, normalized.byteOffset, normalized.byteLength) as unknown as ArrayBuffer);
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

function previewRefusal(checked: WorkbookZipCheck & { ok: false }, fileName: string): string {
  const close = '为防止程序卡死，本程序不预览这个文件；可以尝试用系统程序打开。';
  switch (checked.reason) {
    case 'too-many-cells':
      return `无法预览：${extentFinding(fileName, checked.excess, checked.sheet)}。${close}`;
    case 'too-large':
      return `无法预览：“${fileName}”解压后过大（超过 ${defaultWorkbookLimits.maxTotalBytes / 1024 / 1024} MiB 或部件过多）。${close}`;
    case 'opendocument':
      return `无法预览：“${fileName}”实际上是 OpenDocument 表格（.ods），只是扩展名是 .xlsx。可以尝试用系统程序（WPS、LibreOffice）打开。`;
    case 'legacy-or-encrypted':
      return `无法预览：“${fileName}”是旧版 .xls 文件或设置了打开密码。可以尝试用系统程序打开。`;
    case 'not-xlsx':
    case 'damaged':
      return `无法预览：“${fileName}”已损坏或不是真正的 Excel 工作簿（.xlsx）。可以尝试用系统程序打开。`;
  }
}
