/**
 * Spreadsheet preview: an .xlsx, .xls, .et, .ods or .csv evidence file as grids of the texts its
 * cells show in the spreadsheet program, one grid per sheet (SpreadsheetPreview).
 *
 * - display text: a cell's value formatted by its number format, as Excel, WPS and LibreOffice
 *   show it: dates and times (in the workbook's 1900 or 1904 date system), percent, currency,
 *   thousands separators, fixed decimals, text format, booleans, errors. A formula shows the
 *   result the file stored; it is never shown as its source and never recomputed (a result the
 *   file lacks is shown empty, and the notice says how many). Rich text and hyperlinks show
 *   their text. A .csv has no formats: its cells show the file's own text.
 * - library: SheetJS Community Edition 0.20.3 (`@e965/xlsx`, published to npm unchanged from
 *   SheetJS's own releases; the npm `xlsx` package stopped at 0.18.5, which has the advisories
 *   CVE-2023-30533 and CVE-2024-22363) reads every one of these formats and formats values with
 *   its SSF engine, the same code for every format. docs/package-format.md says why.
 * - built-in formats: Excel's built-in date formats depend on the reader's language and are
 *   not written in the file; the short date (14) and date-time (22) are shown as Chinese Excel
 *   and WPS show them (`2026/2/1`, `2026/2/1 14:30`), not as SSF's US defaults (`2/1/26`).
 * - limits: per sheet the first 500 rows and 50 columns (the sheet's real extent is given
 *   when it is larger), at most 20 sheets; enough to read a list of contracts or members.
 * - refused file: an .xlsx or .ods that would expand past every reasonable size (a zip bomb, a
 *   merged range over the whole sheet, see check-workbook-zip.ts), or one with a password;
 *   the preview says why in Chinese instead.
 *
 * It runs in a capped worker (read-spreadsheet-preview.ts), so what slips past the checks ends
 * the worker, not the app.
 */
import * as XLSX from '@e965/xlsx';
import { etUnreadable } from './et-unreadable.ts';

import type { SpreadsheetFormat, SpreadsheetMerge, SpreadsheetPreview, SpreadsheetSheet } from '../../../shared/api/evidence-preview-types.ts';
import { checkWorkbookZip, defaultWorkbookLimits, type WorkbookZipCheck } from '../../package-reader/workbook/check-workbook-zip.ts';
import { extentFinding } from '../../package-reader/workbook/extent-message.ts';
import { csvText, type CsvEncoding } from './csv-text.ts';
import { ssfFormat } from './chinese-formats.ts';
import { MAX_ODS_CELLS, odsContent, odsExtentOf } from './ods-extent.ts';

export const spreadsheetLimits = { rows: 500, columns: 50, sheets: 20 } as const;

/** Thrown for a file the preview refuses; the message is for the expert. */
export class PreviewRefused extends Error {
  override readonly name = 'PreviewRefused';
}

// Excel's built-in date formats are not written in the file; each reader shows them in its
// own language's way. SheetJS knows the US ones (m/d/yy); Chinese Excel and WPS show the
// short date, format 14, as yyyy/m/d. `dateNF` is SheetJS's setting for format 14 (and the
// Chinese long-date formats 27–31, 36, 50–58, which it reads as 14: their date is shown right,
// in the short form). Format 22 (short date and time) it has no setting for: cellText redoes it.
const CHINESE_SHORT_DATE = 'yyyy/m/d';
const US_DATE_TIME = 'm/d/yy h:mm';
const CHINESE_DATE_TIME = 'yyyy/m/d h:mm';

/** SheetJS's error codes (the BIFF numbers) as the spreadsheet shows them, for a cell without its text. */
const errorTexts: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

const encodingNames: Readonly<Record<CsvEncoding, string>> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16', gb18030: 'GBK' };

export async function spreadsheetPreview(bytes: Uint8Array, format: SpreadsheetFormat, fileName = '此文件'): Promise<SpreadsheetPreview> {
  const notices: string[] = [];
  let workbook: XLSX.WorkBook;
  if (format === 'csv') {
    const { text, encoding } = csvText(bytes);
    // raw: a CSV cell is the text the file holds; SheetJS would otherwise guess numbers and dates.
    // All rows are read (the file's size is capped), as the CSV reader keeps no `!fullref`.
    workbook = readWith(() => XLSX.read(text, { ...readOptions, type: 'string', raw: true }), fileName);
    // A CSV has no sheets; its one is named for what it is, not SheetJS's "Sheet1" (nor by the
    // file's name: the preview is kept by content, and the same file may come under another).
    workbook = renameOnlySheet(workbook, 'CSV');
    notices.push(`CSV 文件只保存文字，没有数字格式：单元格按文件里的原文显示（按 ${encodingNames[encoding]} 编码读取）。`);
  } else {
    if (format === 'xlsx' || format === 'ods') {
      const checked = await checkWorkbookZip(bytes, defaultWorkbookLimits);
      // The check names an .ods as such (it refuses one under an .xlsx name); here it is expected.
      if (!(checked.ok || (format === 'ods' && checked.reason === 'opendocument'))) throw new PreviewRefused(zipRefusal(checked, fileName));
    }
    if (format === 'ods') {
      const extent = odsExtentOf((await odsContent(bytes)) ?? '');
      if (extent.cells > MAX_ODS_CELLS) {
        const where = extent.sheet === null ? '' : `的工作表“${extent.sheet}”`;
        throw new PreviewRefused(`无法预览：“${fileName}”${where}重复的单元格展开后超过 ${MAX_ODS_CELLS.toLocaleString('en-US')} 个。为防止程序卡死，本程序不预览这个文件；可以尝试用系统程序打开。`);
      }
    }
    workbook = readWith(() => XLSX.read(bytes, { ...workbookOptions, type: 'array' }), fileName, format);
  }
  const date1904 = workbook.Workbook?.WBProps?.date1904 === true;
  let uncached = 0;
  const sheets: SpreadsheetSheet[] = [];
  for (const [index, name] of workbook.SheetNames.slice(0, spreadsheetLimits.sheets).entries()) {
    const worksheet = workbook.Sheets[name];
    if (worksheet === undefined) continue;
    const grid = sheetGrid(worksheet, date1904);
    uncached += grid.uncached;
    sheets.push({ name, hidden: (workbook.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0, ...grid.sheet });
  }
  if (workbook.SheetNames.length > spreadsheetLimits.sheets) {
    notices.push(`这个文件共有 ${workbook.SheetNames.length} 个工作表，这里只显示前 ${spreadsheetLimits.sheets} 个；其余的请用系统程序打开查看。`);
  }
  if (uncached > 0) {
    notices.push(`有 ${uncached} 个公式单元格在文件里没有保存计算结果（生成文件的程序没有计算），这里显示为空；本程序不重新计算公式，请用系统程序打开查看这些单元格的值。`);
  }
  return { kind: 'spreadsheet', format, sheets, notice: notices.length > 0 ? notices.join('') : null };
}

const readOptions: XLSX.ParsingOptions = {
  dense: true,
  // cellNF: each cell keeps its format string, for format 22 (see CHINESE_DATE_TIME).
  cellNF: true,
  dateNF: CHINESE_SHORT_DATE,
  // sheetStubs: a formula without a stored result is a cell of its own, so it can be counted.
  sheetStubs: true,
  cellHTML: false,
  cellStyles: false,
  bookVBA: false,
};
/** Rows past the limit are not kept at all; the sheet's real extent stays in `!fullref`. */
const workbookOptions: XLSX.ParsingOptions = { ...readOptions, sheetRows: spreadsheetLimits.rows };

function readWith(read: () => XLSX.WorkBook, fileName: string, format: SpreadsheetFormat = 'csv'): XLSX.WorkBook {
  try {
    return read();
  } catch (error) {
    if (/password|encrypt/i.test((error as Error).message)) throw new PreviewRefused(`无法预览：“${fileName}”设置了打开密码。请向联盟要一份没有密码的文件，或用系统程序打开并输入密码。`);
    // An .et that WPS saved as BIFF8 is detected as the .xls it is; what is left as `et` is
    // WPS's own format, which no library reads reliably (SheetJS reads only some of it).
    if (format === 'et') throw new PreviewRefused(etUnreadable(fileName));
    // What SheetJS cannot read is damaged (cut short, or not what its content first said).
    throw new PreviewRefused(`无法预览：“${fileName}”已损坏或不完整，读不出其中的表格。可以尝试用系统程序打开；打不开时请联盟重新提供。`);
  }
}

function renameOnlySheet(workbook: XLSX.WorkBook, name: string): XLSX.WorkBook {
  const [only] = workbook.SheetNames;
  if (only === undefined || workbook.SheetNames.length !== 1) return workbook;
  return { ...workbook, SheetNames: [name], Sheets: { [name]: workbook.Sheets[only]! } };
}

interface SheetGrid {
  readonly sheet: Omit<SpreadsheetSheet, 'name' | 'hidden'>;
  readonly uncached: number;
}

function sheetGrid(worksheet: XLSX.WorkSheet, date1904: boolean): SheetGrid {
  const ref = worksheet['!ref'];
  const data = worksheet['!data'] ?? [];
  // The cells themselves say how far the sheet reaches too: SheetJS leaves an .ods file's
  // repeated cells (`number-columns-repeated`) out of `!ref`, and reads all its rows.
  const dataRows = data.length;
  const dataColumns = data.reduce((most, row) => Math.max(most, row?.length ?? 0), 0);
  const declared = XLSX.utils.decode_range(worksheet['!fullref'] ?? ref ?? 'A1');
  const full = { r: Math.max(declared.e.r, dataRows - 1), c: Math.max(declared.e.c, dataColumns - 1) };
  const used = ref === undefined ? { r: -1, c: -1 } : XLSX.utils.decode_range(ref).e;
  const lastRow = Math.min(Math.max(used.r, dataRows - 1), spreadsheetLimits.rows - 1);
  const lastColumn = Math.min(Math.max(used.c, dataColumns - 1), spreadsheetLimits.columns - 1);
  let uncached = 0;
  const rows: string[][] = [];
  const kinds: string[] = [];
  for (let r = 0; r <= lastRow; r += 1) {
    const row = data[r] ?? [];
    const texts: string[] = [];
    let rowKinds = '';
    for (let c = 0; c <= lastColumn; c += 1) {
      const cell = row[c];
      if (cell?.t === 'z' && cell.f !== undefined) uncached += 1;
      texts.push(cell === undefined ? '' : cellText(cell, date1904));
      rowKinds += cell === undefined ? 't' : cellKind(cell);
    }
    rows.push(texts);
    kinds.push(rowKinds);
  }
  const merges: SpreadsheetMerge[] = [];
  for (const range of worksheet['!merges'] ?? []) {
    if (range.s.r > lastRow || range.s.c > lastColumn) continue;
    const rowSpan = Math.min(range.e.r, lastRow) - range.s.r + 1;
    const columnSpan = Math.min(range.e.c, lastColumn) - range.s.c + 1;
    if (rowSpan > 1 || columnSpan > 1) merges.push({ row: range.s.r, column: range.s.c, rowSpan, columnSpan });
  }
  // Empty rows and columns past the last text or merge say nothing.
  let height = rows.length;
  while (height > 0 && rows[height - 1]!.every((text) => text === '') && !merges.some((m) => m.row + m.rowSpan >= height)) height -= 1;
  let width = lastColumn + 1;
  while (width > 0 && rows.slice(0, height).every((row) => row[width - 1] === '') && !merges.some((m) => m.column + m.columnSpan >= width)) width -= 1;
  const shown = rows.slice(0, height).map((row) => row.slice(0, width));
  const truncated =
    full.r >= spreadsheetLimits.rows || full.c >= spreadsheetLimits.columns
      ? { rows: full.r + 1, columns: full.c + 1, maxRows: spreadsheetLimits.rows, maxColumns: spreadsheetLimits.columns }
      : null;
  return {
    sheet: {
      rows: shown,
      cellKinds: kinds.slice(0, height).map((k) => k.slice(0, width)),
      merges: merges.filter((m) => m.row < height && m.column < width),
      columnLabels: Array.from({ length: width }, (_, c) => XLSX.utils.encode_col(c)),
      rowLabels: Array.from({ length: height }, (_, r) => r + 1),
      truncated,
    },
    uncached,
  };
}

/** What the spreadsheet shows in the cell. */
export function cellText(cell: XLSX.CellObject, date1904: boolean): string {
  switch (cell.t) {
    case 'z':
      return '';
    case 's':
      return lineBreaks(String(cell.v ?? ''));
    case 'b':
      return cell.v === true ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? errorTexts[cell.v as number] ?? '#N/A';
    case 'n':
    case 'd':
      return numberText(cell, date1904);
  }
}

function numberText(cell: XLSX.CellObject, date1904: boolean): string {
  const value = cell.v as number;
  // Without its format's code (a built-in SheetJS maps to another), SheetJS's own text is the one.
  if (typeof cell.z !== 'string') return cell.w ?? XLSX.SSF.format('General', value);
  const format = cell.z === US_DATE_TIME ? CHINESE_DATE_TIME : ssfFormat(cell.z, value, date1904);
  if (format === cell.z && cell.w !== undefined) return cell.w;
  try {
    return XLSX.SSF.format(format, value, { date1904, dateNF: CHINESE_SHORT_DATE });
  } catch {
    // A code SSF cannot read: the number as the General format shows it, rather than no preview.
    return cell.w ?? XLSX.SSF.format('General', value);
  }
}

function cellKind(cell: XLSX.CellObject): string {
  switch (cell.t) {
    case 'n':
    case 'd':
      return 'n';
    case 'b':
      return 'b';
    case 'e':
      return 'e';
    case 's':
    case 'z':
      return 't';
  }
}

/** A line break inside a cell is shown as one, whichever program wrote it. */
function lineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function zipRefusal(checked: WorkbookZipCheck & { ok: false }, fileName: string): string {
  const close = '为防止程序卡死，本程序不预览这个文件；可以尝试用系统程序打开。';
  switch (checked.reason) {
    case 'too-many-cells':
      return `无法预览：${extentFinding(fileName, checked.excess, checked.sheet)}。${close}`;
    case 'too-large':
      return `无法预览：“${fileName}”解压后过大（超过 ${defaultWorkbookLimits.maxTotalBytes / 1024 / 1024} MiB 或部件过多）。${close}`;
    case 'opendocument':
      return `无法预览：“${fileName}”实际上是 OpenDocument 表格（.ods），只是扩展名是 .xlsx。可以尝试用系统程序（WPS、LibreOffice）打开。`;
    case 'legacy-or-encrypted':
      return `无法预览：“${fileName}”设置了打开密码。请向联盟要一份没有密码的文件，或用系统程序打开并输入密码。`;
    case 'not-xlsx':
    case 'damaged':
      return `无法预览：“${fileName}”已损坏，读不出其中的表格。可以尝试用系统程序打开；打不开时请联盟重新提供。`;
  }
}
