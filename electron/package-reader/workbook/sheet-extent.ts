/**
 * Sheet extent: how far the sheets of an .xlsx reach, read from their XML as it inflates, so a
 * workbook that would expand in the Excel library (exceljs) is refused before the library sees
 * it. exceljs builds every row up to the last one named and every cell of a merged range or a
 * data-validation range, so one `<mergeCell ref="A1:XFD1048576"/>` in a 35 KB file asks it for
 * seventeen billion cells. Nothing here keeps the XML: each chunk is scanned and dropped.
 *
 * - extent: the last row and column named by a cell (`<c r>`), a row (`<row r>`) or the sheet's
 *   `<dimension ref>`, and the number of cells the merged ranges and the data-validation
 *   ranges (`sqref`) cover, over the whole workbook.
 * - extent limits: far above any honest 自查表 (a few hundred rows, a dozen columns) or a list
 *   kept as evidence, far below what the library can build in memory.
 *
 * The scan is a regular expression over bounded text: a chunk is scanned up to its last `<`,
 * the rest is carried into the next one, and a tag longer than `MAX_TAG_CHARS` is itself a
 * refusal (no honest tag is that long; a sqref listing millions of cells would be).
 */

export interface ExtentLimits {
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly maxMergedCells: number;
  readonly maxValidatedCells: number;
}

export const defaultExtentLimits: ExtentLimits = {
  maxRows: 50_000,
  maxColumns: 1_024,
  maxMergedCells: 100_000,
  maxValidatedCells: 100_000,
};

/** What went past a limit: `rows` and `columns` name the reference, the others count cells. */
export interface ExtentExcess {
  readonly what: 'rows' | 'columns' | 'merged' | 'validated' | 'tag';
  /** The zip part (`xl/worksheets/sheet1.xml`). */
  readonly part: string;
  /** The reference that went past it (`A1:XFD1048576`), or '' for an overlong tag. */
  readonly ref: string;
}

const MAX_TAG_CHARS = 1024 * 1024;
const TAG = /<(?:[A-Za-z_][\w.-]*:)?(dimension|mergeCell|dataValidation|c|row)(?=[\s/>])([^>]*)>/g;

/** Scans the XML parts of one workbook; `push` each part's chunks in order, then `end` it. */
export class ExtentScan {
  private readonly limits: ExtentLimits;
  private merged = 0;
  private validated = 0;
  private carry = '';
  private part = '';
  /** The first limit passed, if any; scanning stops there. */
  excess: ExtentExcess | null = null;

  constructor(limits: ExtentLimits = defaultExtentLimits) {
    this.limits = limits;
  }

  startPart(part: string): void {
    this.part = part;
    this.carry = '';
  }

  push(chunk: Uint8Array): void {
    if (this.excess !== null) return;
    // The names and attributes looked for are ASCII; latin1 keeps every byte one char, so a
    // multi-byte character split between chunks cannot hide or shift a tag.
    const text = this.carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    const open = text.lastIndexOf('<');
    const whole = open === -1 || text.indexOf('>', open) !== -1;
    const scanned = whole ? text : text.slice(0, open);
    this.carry = whole ? '' : text.slice(open);
    if (this.carry.length > MAX_TAG_CHARS) {
      this.excess = { what: 'tag', part: this.part, ref: '' };
      return;
    }
    this.scan(scanned);
  }

  private scan(text: string): void {
    for (const match of text.matchAll(TAG)) {
      const name = match[1];
      const attributes = match[2] ?? '';
      if (name === 'row') this.reachRow(attribute(attributes, 'r'));
      else if (name === 'c') this.reach(attribute(attributes, 'r'));
      else if (name === 'dimension') this.reach(attribute(attributes, 'ref'));
      else if (name === 'mergeCell') {
        const ref = attribute(attributes, 'ref');
        this.merged += area(ref);
        if (this.merged > this.limits.maxMergedCells) this.exceed('merged', ref);
      } else {
        const sqref = attribute(attributes, 'sqref');
        for (const ref of sqref.split(/\s+/)) {
          this.validated += area(ref);
          if (this.validated > this.limits.maxValidatedCells) {
            this.exceed('validated', ref);
            break;
          }
        }
      }
      if (this.excess !== null) return;
    }
  }

  private reachRow(row: string): void {
    if (/^\d+$/.test(row) && Number(row) > this.limits.maxRows) this.exceed('rows', row);
  }

  private reach(ref: string): void {
    for (const point of ref.split(':')) {
      const cell = parseCell(point);
      if (cell === null) continue;
      if (cell.row > this.limits.maxRows) this.exceed('rows', ref);
      else if (cell.column > this.limits.maxColumns) this.exceed('columns', ref);
    }
  }

  private exceed(what: ExtentExcess['what'], ref: string): void {
    this.excess ??= { what, part: this.part, ref };
  }
}

function attribute(attributes: string, name: string): string {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match === null ? '' : (match[1] ?? match[2] ?? '');
}

/** `B12` or `$B$12`; a missing row or column (`A:A`, `3:3`) reaches the sheet's end. */
function parseCell(ref: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(ref.trim());
  if (match === null || (match[1] === '' && match[2] === '')) return null;
  const letters = (match[1] ?? '').toUpperCase();
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: match[2] === '' ? 1_048_576 : Number(match[2]), column: letters === '' ? 16_384 : column };
}

/** Cells covered by `A1:C3` (9) or `B2` (1); 0 for what is not a reference. */
function area(ref: string): number {
  const [from, to = from] = ref.split(':');
  const a = parseCell(from ?? '');
  const b = parseCell(to ?? '');
  if (a === null || b === null) return 0;
  // A whole column or row (`A:A`) starts at row or column 1.
  const rowA = /\d/.test(from ?? '') ? a.row : 1;
  const colA = /[A-Za-z]/.test(from ?? '') ? a.column : 1;
  return (Math.abs(b.row - rowA) + 1) * (Math.abs(b.column - colA) + 1);
}
