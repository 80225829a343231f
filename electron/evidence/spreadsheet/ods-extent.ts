/**
 * How many cells an .ods file's sheets expand to. OpenDocument stores a run of equal cells once
 * with a repeat count (`table:number-columns-repeated`, `table:number-rows-repeated`), so a few
 * hundred bytes can stand for every cell of a sheet; SheetJS expands every repeated cell that
 * holds a value (it keeps no row limit for .ods) and would run out of time or memory. The
 * empty runs LibreOffice writes to the sheet's end (a million rows of nothing) hold no value
 * and are not counted.
 *
 * The bytes come already checked (check-workbook-zip.ts), so content.xml inflated is bounded.
 */
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';

/** Far above an honest evidence list, far below what SheetJS reads in its 30 s and 512 MiB. */
export const MAX_ODS_CELLS = 1_000_000;

export interface OdsExtent {
  /** Cells holding a value, counted with their repeats. */
  readonly cells: number;
  /** The sheet with the most, by its name. */
  readonly sheet: string | null;
}

const TAG = /<(\/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(\/?)>/g;

export function odsExtentOf(contentXml: string): OdsExtent {
  let cells = 0;
  let most = { sheet: null as string | null, cells: 0 };
  let sheet: string | null = null;
  let sheetCells = 0;
  let rowRepeat = 1;
  for (const match of contentXml.matchAll(TAG)) {
    const [, closing, name, attributes = '', selfClosing] = match;
    if (name === 'table') {
      if (closing === '') {
        sheet = /\stable:name="([^"]*)"/.exec(attributes)?.[1] ?? null;
        sheetCells = 0;
      } else if (sheetCells > most.cells) most = { sheet, cells: sheetCells };
    } else if (name === 'table-row') {
      if (closing === '' && selfClosing === '') rowRepeat = repeat(attributes, 'number-rows-repeated');
      else rowRepeat = 1;
    } else if (closing === '' && /\soffice:value-type=/.test(attributes)) {
      const expanded = rowRepeat * repeat(attributes, 'number-columns-repeated');
      cells += expanded;
      sheetCells += expanded;
      // No need to count further: the file is refused either way.
      if (cells > MAX_ODS_CELLS) return { cells, sheet };
    }
  }
  return { cells, sheet: most.sheet };
}

function repeat(attributes: string, name: string): number {
  const value = new RegExp(`\\stable:${name}="(\\d{1,9})"`).exec(attributes)?.[1];
  return value === undefined ? 1 : Math.max(1, Number(value));
}

/** The text of the .ods file's content.xml, or null when it has none. */
export function odsContent(bytes: Uint8Array): Promise<string | null> {
  return new Promise((resolve, reject) => {
    fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, strictFileNames: false }, (error, zip: ZipFile) => {
      if (error) {
        reject(error);
        return;
      }
      let found = false;
      zip.on('error', reject);
      zip.on('end', () => {
        if (!found) resolve(null);
      });
      zip.on('entry', (entry: Entry) => {
        if (entry.fileName !== 'content.xml') {
          zip.readEntry();
          return;
        }
        found = true;
        zip.openReadStream(entry, (openError, stream) => {
          if (openError) {
            reject(openError);
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.readEntry();
    });
  });
}
