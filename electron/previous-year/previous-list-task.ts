/**
 * Previous list task: a bureau list (.xlsx or .csv) turned into cell texts, as it runs in a
 * capped worker (read-previous-file.ts). exceljs reads both: the workbook after the same zip
 * and extent checks as the 自查表 (check-workbook-zip.ts) and the same normalising, the CSV
 * through its fast-csv reader with every value kept as the text typed (an id `001` must not
 * become the number 1). What it gives crosses the thread as a structured clone.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ListSheet } from '../../shared/result/previous-list.ts';
import { checkWorkbookZip, defaultWorkbookLimits } from '../package-reader/workbook/check-workbook-zip.ts';
import { cellText } from '../package-reader/workbook/cell-value.ts';
import { extentFinding } from '../package-reader/workbook/extent-message.ts';
import { normalizeXlsx } from '../package-reader/workbook/normalize-xlsx.ts';

/** Far above any list of alliances (some tens of rows), far below what would hurt. */
export const LIST_LIMITS = { maxRows: 5_000, maxColumns: 100, maxSheets: 20 } as const;

export type ListTaskInput = { readonly kind: 'xlsx'; readonly bytes: Uint8Array; readonly fileName: string } | { readonly kind: 'csv'; readonly text: string; readonly fileName: string };

export type ListTaskResult = { readonly ok: true; readonly sheets: ListSheet[] } | { readonly ok: false; readonly message: string };

function sheetRows(worksheet: ExcelJS.Worksheet): string[][] | null {
  if (worksheet.rowCount > LIST_LIMITS.maxRows || worksheet.columnCount > LIST_LIMITS.maxColumns) return null;
  const rows: string[][] = [];
  for (let r = 1; r <= worksheet.rowCount; r += 1) {
    const row = worksheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= worksheet.columnCount; c += 1) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

const TOO_LARGE = `名单过大（超过 ${LIST_LIMITS.maxRows} 行或 ${LIST_LIMITS.maxColumns} 列），不像是上一年度的考核等级名单；请只保留“联盟编号”“考核等级”等几列后重新保存`;

export async function readListCells(input: ListTaskInput): Promise<ListTaskResult> {
  const workbook = new ExcelJS.Workbook();
  if (input.kind === 'csv') {
    // The identity map keeps every value as typed; exceljs would turn `001` into 1 and `2025-01-01` into a date.
    const worksheet = await workbook.csv.read(Readable.from([input.text]), { map: (value: string) => value });
    const rows = sheetRows(worksheet);
    return rows === null ? { ok: false, message: TOO_LARGE } : { ok: true, sheets: [{ name: input.fileName, rows }] };
  }
  const checked = await checkWorkbookZip(input.bytes, defaultWorkbookLimits);
  if (!checked.ok) {
    switch (checked.reason) {
      case 'too-many-cells':
        return { ok: false, message: `${extentFinding(input.fileName, checked.excess, checked.sheet)}；${TOO_LARGE}` };
      case 'too-large':
        return { ok: false, message: TOO_LARGE };
      case 'opendocument':
        return { ok: false, message: '这是 OpenDocument 表格（.ods），只是扩展名不同；请在 WPS 或 LibreOffice 中另存为 .xlsx 或 .csv' };
      case 'legacy-or-encrypted':
        return { ok: false, message: '这是旧版 .xls 文件或设置了打开密码；请去掉密码，另存为 .xlsx 或 .csv' };
      case 'not-xlsx':
      case 'damaged':
        return { ok: false, message: '文件已损坏或不是 Excel 工作簿（.xlsx）；请重新保存后再导入' };
    }
  }
  const normalized = await normalizeXlsx(input.bytes);
  // exceljs' typings want its own Buffer type; the bytes are a plain Node Buffer.
  await workbook.xlsx.load(Buffer.from(normalized.buffer, normalized.byteOffset, normalized.byteLength) as unknown as ArrayBuffer);
  const sheets: ListSheet[] = [];
  for (const worksheet of workbook.worksheets.slice(0, LIST_LIMITS.maxSheets)) {
    const rows = sheetRows(worksheet);
    if (rows === null) return { ok: false, message: `工作表“${worksheet.name}”${TOO_LARGE}` };
    sheets.push({ name: worksheet.name, rows });
  }
  return { ok: true, sheets };
}
