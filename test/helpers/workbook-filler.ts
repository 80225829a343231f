/**
 * Workbook filler: fills a self-check workbook template the way a person would in Excel,
 * through exceljs and the cells alone (it does not use the converter's code), so a round trip
 * through it tests the converter against the template rather than against itself.
 *
 * - block: the rows of a criterion in its group sheet: the criterion's own row, then (for a
 *   list criterion) its empty item rows.
 */
import type { CellValue, Workbook, Worksheet } from 'exceljs';

export type ColumnKey = 'criterion' | 'claimed' | 'value' | 'itemId' | 'title' | 'date' | 'amountWan' | 'note' | 'evidence';

export class WorkbookFiller {
  readonly workbook: Workbook;

  constructor(workbook: Workbook) {
    this.workbook = workbook;
  }

  sheet(name: string): Worksheet {
    const sheet = this.workbook.getWorksheet(name);
    if (sheet === undefined) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  /** Sets the value beside the key cell of 联盟信息. */
  info(key: string, value: CellValue): void {
    const sheet = this.sheet('联盟信息');
    let found = false;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === key) {
        row.getCell(3).value = value;
        found = true;
      }
    });
    if (!found) throw new Error(`no info key ${key}`);
  }

  column(sheet: Worksheet, key: ColumnKey): number {
    let found = 0;
    sheet.getRow(2).eachCell((cell, column) => {
      if (cell.value === key) found = column;
    });
    if (found === 0) throw new Error(`no column ${key} in ${sheet.name}`);
    return found;
  }

  /** The sheet and row numbers whose criterion cell holds `criterionId`. */
  block(criterionId: string): { sheet: Worksheet; rows: number[] } {
    for (const sheet of this.workbook.worksheets) {
      if (sheet.getRow(2).getCell(1).value !== 'criterion') continue;
      const rows: number[] = [];
      const column = this.column(sheet, 'criterion');
      for (let r = 3; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(column).value === criterionId) rows.push(r);
      if (rows.length > 0) return { sheet, rows };
    }
    throw new Error(`no rows for ${criterionId}`);
  }

  /** Fills the criterion's own row (flag and judged criteria). */
  claim(criterionId: string, values: Partial<Record<ColumnKey, CellValue>>): number {
    const { sheet, rows } = this.block(criterionId);
    const row = rows[0] ?? 0;
    this.setRow(sheet, row, values);
    return row;
  }

  /**
   * Fills item rows of a list criterion, one object a row, `null` for a row left empty. Rows
   * beyond the block are inserted below it with an empty criterion cell, as a person inserting
   * rows in Excel leaves it. Returns the row number of each entry.
   */
  items(criterionId: string, items: readonly (Partial<Record<ColumnKey, CellValue>> | null)[]): number[] {
    const { sheet, rows } = this.block(criterionId);
    const itemRows = rows.slice(1);
    const last = itemRows.at(-1) ?? rows[0] ?? 0;
    const extra = items.length - itemRows.length;
    for (let i = 0; i < extra; i++) {
      sheet.insertRow(last + 1 + i, []);
      itemRows.push(last + 1 + i);
    }
    const used: number[] = [];
    items.forEach((values, i) => {
      const row = itemRows[i] ?? 0;
      used.push(row);
      if (values !== null) this.setRow(sheet, row, values);
    });
    return used;
  }

  private setRow(sheet: Worksheet, row: number, values: Partial<Record<ColumnKey, CellValue>>): void {
    for (const [key, value] of Object.entries(values)) {
      sheet.getRow(row).getCell(this.column(sheet, key as ColumnKey)).value = value;
    }
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array((await this.workbook.xlsx.writeBuffer()) as ArrayBuffer);
  }
}
