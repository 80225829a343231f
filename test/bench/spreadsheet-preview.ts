/**
 * Bench: the spreadsheet preview of an .xls (spreadsheet-preview.ts) against its floor, the bare
 * library (SheetJS) reading the same bytes and giving every cell's display text, as a plain
 * script would. The workbook is generated here (SheetJS's BIFF8 writer, a fixed seed): 4 sheets
 * of 500 rows × 20 columns (the preview's row limit, so both read every cell), with dates,
 * percent, yuan amounts, thousands separators and text. Also timed: the same preview through
 * its capped worker (readSpreadsheetPreview), as the viewer asks for it.
 */
import * as XLSX from '@e965/xlsx';

import { readSpreadsheetPreview } from '../../electron/evidence/spreadsheet/read-spreadsheet-preview.ts';
import { spreadsheetPreview } from '../../electron/evidence/spreadsheet/spreadsheet-preview.ts';
import { prng } from '../helpers/prng.ts';

const SHEETS = 4;
const ROWS = 500;
const COLUMNS = 20;
const formats = ['yyyy"年"m"月"d"日"', '0.0%', '"¥"#,##0.00;[Red]("¥"#,##0.00)', '#,##0', '0.00', 'yyyy/m/d h:mm'];

export function benchXls(seed = 7): Uint8Array {
  const random = prng(seed);
  const workbook = XLSX.utils.book_new();
  for (let s = 0; s < SHEETS; s += 1) {
    const rows: XLSX.CellObject[][] = [];
    for (let r = 0; r < ROWS; r += 1) {
      const row: XLSX.CellObject[] = [];
      for (let c = 0; c < COLUMNS; c += 1) {
        if (c % 7 === 0) row.push({ t: 's', v: `合同 ${r}-${c}` });
        else row.push({ t: 'n', v: c % 6 === 0 ? 46000 + random() * 400 : (random() - 0.2) * 1e6, z: formats[c % formats.length] });
      }
      rows.push(row);
    }
    const sheet: XLSX.WorkSheet = {};
    for (const [r, row] of rows.entries()) for (const [c, cell] of row.entries()) sheet[XLSX.utils.encode_cell({ r, c })] = cell;
    sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: ROWS - 1, c: COLUMNS - 1 } });
    sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 5 } }];
    XLSX.utils.book_append_sheet(workbook, sheet, `第${s + 1}页`);
  }
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
}

/** The floor: the library alone, every cell's display text. */
function bareLibrary(bytes: Uint8Array): number {
  const workbook = XLSX.read(bytes, { type: 'array', dense: true });
  let cells = 0;
  for (const name of workbook.SheetNames) cells += XLSX.utils.sheet_to_json<string[]>(workbook.Sheets[name]!, { header: 1, raw: false, defval: '' }).flat().length;
  return cells;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(runs: number, work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

export interface SpreadsheetBench {
  readonly cells: number;
  readonly sheets: number;
  readonly bytes: number;
  /** Medians in ms. */
  readonly previewMs: number;
  readonly workerMs: number;
  readonly floorMs: number;
}

export async function measureSpreadsheetPreview(runs = 7): Promise<SpreadsheetBench> {
  const bytes = benchXls();
  const cells = bareLibrary(bytes);
  const preview = await spreadsheetPreview(bytes, 'xls', 'bench.xls');
  const shown = preview.sheets.reduce((sum, s) => sum + s.rows.length * s.columnLabels.length, 0);
  if (shown !== cells) throw new Error(`the preview shows ${shown} cells, the library reads ${cells}`);
  // Warm both once (module loading, JIT), then take medians.
  bareLibrary(bytes);
  const floorMs = await timed(runs, () => bareLibrary(bytes));
  const previewMs = await timed(runs, () => spreadsheetPreview(bytes, 'xls', 'bench.xls'));
  const workerMs = await timed(runs, async () => {
    const reading = await readSpreadsheetPreview(bytes, 'xls', 'bench.xls');
    if (!reading.ok) throw new Error(reading.message);
  });
  return { cells, sheets: SHEETS, bytes: bytes.length, previewMs, workerMs, floorMs };
}
