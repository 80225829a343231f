/**
 * Tables on a PDF canvas: ruled grids whose cells wrap, whose rows never split across pages,
 * and whose header row repeats at the top of every page the table continues on.
 *
 * - column: a header, a width (fixed points, or `flex` shares of what the fixed ones leave)
 *   and an alignment (numbers right, text left).
 * - cell: text, optionally bold, coloured or shaded; a row may span all columns (`span`), for
 *   a note under the row it explains.
 */
import type { Align, PdfCanvas, TextStyle } from './pdf-canvas.ts';

export interface Column {
  readonly header: string;
  /** Points; or omit and give `flex`. */
  readonly width?: number;
  readonly flex?: number;
  readonly align?: Align;
}

export interface Cell {
  readonly text: string;
  readonly bold?: boolean;
  readonly color?: string;
  readonly fill?: string;
  readonly align?: Align;
}

export type CellValue = string | Cell;

export interface Row {
  readonly cells: readonly CellValue[];
  /** One cell across the whole table width. */
  readonly span?: boolean;
  readonly fill?: string;
}

export interface TableOptions {
  /**
   * Points that must fit below the last row on its page (what follows the table and belongs
   * with it, such as a signature box): when they do not, the last row starts the next page, so
   * what follows never stands alone there.
   */
  readonly keepWithNext?: number;
  readonly size?: number;
  readonly headerFill?: string;
  readonly padding?: number;
}

const GRID = '#8a8a8a';

export function columnWidths(columns: readonly Column[], total: number): number[] {
  const fixed = columns.reduce((sum, column) => sum + (column.width ?? 0), 0);
  const shares = columns.reduce((sum, column) => sum + (column.width === undefined ? (column.flex ?? 1) : 0), 0);
  const left = Math.max(0, total - fixed);
  return columns.map((column) => column.width ?? (left * (column.flex ?? 1)) / Math.max(shares, 1));
}

function cellOf(value: CellValue | undefined): Cell {
  if (value === undefined) return { text: '' };
  return typeof value === 'string' ? { text: value } : value;
}

export function drawTable(
  canvas: PdfCanvas,
  columns: readonly Column[],
  rows: readonly (Row | readonly CellValue[])[],
  options: TableOptions = {},
): void {
  const size = options.size ?? 8.5;
  const padding = options.padding ?? 3;
  const widths = columnWidths(columns, canvas.contentWidth);
  const total = widths.reduce((sum, width) => sum + width, 0);
  const style: TextStyle = { size };
  const headerStyle: TextStyle = { size, weight: 'bold' };
  const lineHeight = canvas.lineHeight(style);

  const layoutRow = (cells: readonly Cell[], span: boolean, rowStyle: (cell: Cell) => TextStyle) => {
    const lines = cells.map((cell, i) => {
      const width = (span ? total : (widths[i] ?? 0)) - 2 * padding;
      return canvas.wrap(cell.text, rowStyle(cell), Math.max(width, 1));
    });
    const height = Math.max(1, ...lines.map((cellLines) => cellLines.length)) * lineHeight + 2 * padding;
    return { lines, height };
  };

  const drawRow = (cells: readonly Cell[], span: boolean, fill: string | undefined, rowStyle: (cell: Cell) => TextStyle) => {
    const { lines, height } = layoutRow(cells, span, rowStyle);
    const top = canvas.y;
    let x = canvas.left;
    const count = span ? 1 : columns.length;
    for (let i = 0; i < count; i += 1) {
      const width = span ? total : (widths[i] ?? 0);
      const cell = cells[i] ?? { text: '' };
      const background = cell.fill ?? fill;
      if (background !== undefined) canvas.doc.save().rect(x, top, width, height).fill(background).restore();
      const cellStyle = rowStyle(cell);
      const align = cell.align ?? (span ? 'left' : (columns[i]?.align ?? 'left'));
      (lines[i] ?? []).forEach((line, n) => {
        const lineTop = top + padding + n * lineHeight;
        canvas.drawLine(line, x + padding, canvas.baselineOf(lineTop, cellStyle), cellStyle, align, width - 2 * padding);
      });
      canvas.doc.save().rect(x, top, width, height).lineWidth(0.4).strokeColor(GRID).stroke().restore();
      x += width;
    }
    canvas.y = top + height;
  };

  const headerCells = columns.map((column) => ({ text: column.header, align: 'center' as const }));
  const header = (): void =>
    drawRow(headerCells, false, options.headerFill ?? '#e8edf3', () => headerStyle);
  const headerHeight = layoutRow(headerCells, false, () => headerStyle).height;

  const bodyStyle = (cell: Cell): TextStyle => ({ size, weight: cell.bold === true ? 'bold' : 'regular', color: cell.color });
  let first = true;
  rows.forEach((entry, n) => {
    const row: Row = isRow(entry) ? entry : { cells: entry };
    const cells = row.cells.map(cellOf);
    const { height } = layoutRow(cells, row.span === true, bodyStyle);
    const after = n === rows.length - 1 ? (options.keepWithNext ?? 0) : 0;
    if (first) {
      canvas.ensureRoom(headerHeight + height + after);
      header();
      first = false;
    } else if (canvas.y + height + after > canvas.bottom) {
      canvas.addPage();
      header();
      first = false;
    }
    drawRow(cells, row.span === true, row.fill, bodyStyle);
  });
  if (first) {
    canvas.ensureRoom(headerHeight);
    header();
  }
}

function isRow(entry: Row | readonly CellValue[]): entry is Row {
  return !Array.isArray(entry);
}
