/**
 * A spreadsheet's text: each sheet of a spreadsheet preview (evidence-preview-types.ts) as
 * plain text, one line per row and a tab between cells, made of the same display texts the
 * viewer shows (so a search finds `¥12,345.68` and `2026年2月1日`, not `12345.678` and a
 * serial number). A cell's own line breaks become spaces, so each row stays one line; the
 * cells a merged range covers are empty.
 */
export interface SheetText {
  readonly sheet: string;
  readonly text: string;
}

/** What of a sheet the text needs (a `SpreadsheetSheet` has it; named here so shared/evidence needs no api types). */
export interface SheetCells {
  readonly name: string;
  readonly rows: readonly (readonly string[])[];
}

export function sheetsText(sheets: readonly SheetCells[]): SheetText[] {
  return sheets.map((sheet) => ({
    sheet: sheet.name,
    text: sheet.rows.map((row) => row.map((cell) => cell.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n'),
  }));
}
