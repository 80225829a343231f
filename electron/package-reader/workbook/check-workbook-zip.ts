/**
 * Workbook zip check: an .xlsx file is itself a zip, and exceljs inflates all of it into
 * memory. The package reader's limits bound the .xlsx file, not what it unpacks to, so a
 * small workbook could still be a zip bomb. Before exceljs sees the bytes, every entry is
 * inflated here with a running count and dropped, and the workbook is refused as soon as the
 * count passes the limit, whatever its headers declare.
 *
 * - workbook limits: far above any honest 自查表 (a filled one unpacks to well under 5 MiB;
 *   photos pasted into the sheets are what make it large), far below what would hurt the app.
 * - extent: while the XML parts inflate they are scanned for how far the sheets reach
 *   (sheet-extent.ts), so a small file that would expand in exceljs is refused here too.
 * - OpenDocument: a LibreOffice/WPS .ods file renamed to .xlsx is a zip too; its `mimetype`
 *   part says what it is, and it is named as such rather than read as a broken workbook.
 */
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';

import { defaultExtentLimits, ExtentScan, type ExtentExcess, type ExtentLimits } from './sheet-extent.ts';

export interface WorkbookLimits {
  readonly maxEntries: number;
  readonly maxTotalBytes: number;
  /** How far the sheets may reach; `defaultExtentLimits` when left out. */
  readonly extent?: ExtentLimits | undefined;
}

export const defaultWorkbookLimits: WorkbookLimits = { maxEntries: 2_000, maxTotalBytes: 64 * 1024 * 1024, extent: defaultExtentLimits };

export type WorkbookZipCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'not-xlsx' | 'legacy-or-encrypted' | 'damaged' | 'too-large' | 'opendocument' }
  /** A sheet reaches too far; `sheet` is its name when the workbook names it. */
  | { readonly ok: false; readonly reason: 'too-many-cells'; readonly excess: ExtentExcess; readonly sheet: string | null };

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
/** Small parts kept to name things: the mimetype, and the workbook's sheet list and its links. */
const KEPT_PARTS = new Set(['mimetype', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
const MAX_KEPT_BYTES = 1024 * 1024;

/** OLE compound file: an .xls file, or an .xlsx saved with a password (Excel encrypts the zip into one). */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function checkWorkbookZip(bytes: Uint8Array, limits: WorkbookLimits = defaultWorkbookLimits): Promise<WorkbookZipCheck> {
  if (OLE_SIGNATURE.every((byte, i) => bytes[i] === byte)) return { ok: false, reason: 'legacy-or-encrypted' };
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return { ok: false, reason: 'not-xlsx' };
  let zip: ZipFile;
  try {
    zip = await openZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  try {
    return await inflateAll(zip, limits);
  } finally {
    zip.close();
  }
}

function openZip(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error) reject(error);
      else resolve(zip);
    });
  });
}

function inflateAll(zip: ZipFile, limits: WorkbookLimits): Promise<WorkbookZipCheck> {
  if (zip.entryCount > limits.maxEntries) return Promise.resolve({ ok: false, reason: 'too-large' });
  return new Promise((resolve) => {
    let total = 0;
    let done = false;
    const scan = new ExtentScan(limits.extent ?? defaultExtentLimits);
    const kept = new Map<string, Buffer[]>();
    const finish = (result: WorkbookZipCheck): void => {
      if (done) return;
      done = true;
      resolve(result);
    };
    zip.on('error', () => finish({ ok: false, reason: 'damaged' }));
    zip.on('end', () => finish(verdict(scan.excess, kept)));
    zip.on('entry', (entry: Entry) => {
      if (done) return;
      if (entry.fileName.endsWith('/')) {
        zip.readEntry();
        return;
      }
      if ((entry.generalPurposeBitFlag & 0x1) !== 0) {
        finish({ ok: false, reason: 'damaged' });
        return;
      }
      // Declared sizes first: an honest oversized workbook is refused without inflating it.
      if (total + entry.uncompressedSize > limits.maxTotalBytes) {
        finish({ ok: false, reason: 'too-large' });
        return;
      }
      const name = entry.fileName;
      const scanned = name.toLowerCase().endsWith('.xml');
      const keep: Buffer[] | null = KEPT_PARTS.has(name) ? [] : null;
      if (keep !== null) kept.set(name, keep);
      let keptBytes = 0;
      if (scanned) scan.startPart(name);
      zip.openReadStream(entry, (error, stream) => {
        if (error) {
          finish({ ok: false, reason: 'damaged' });
          return;
        }
        stream.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > limits.maxTotalBytes) {
            stream.destroy();
            finish({ ok: false, reason: 'too-large' });
            return;
          }
          if (scanned) scan.push(chunk);
          if (keep !== null && keptBytes < MAX_KEPT_BYTES) {
            keep.push(chunk);
            keptBytes += chunk.length;
          }
        });
        // yauzl's validateEntrySizes makes a stream that inflates past its declared size error.
        stream.on('error', () => finish({ ok: false, reason: 'damaged' }));
        stream.on('end', () => {
          if (!done) zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

function verdict(excess: ExtentExcess | null, kept: ReadonlyMap<string, Buffer[]>): WorkbookZipCheck {
  const text = (part: string): string => Buffer.concat(kept.get(part) ?? []).toString('utf8');
  if (text('mimetype').trim() === ODS_MIMETYPE) return { ok: false, reason: 'opendocument' };
  if (excess === null) return { ok: true };
  return { ok: false, reason: 'too-many-cells', excess, sheet: sheetOfPart(excess.part, text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels')) };
}

/** The name the workbook gives the sheet stored in `part`, or null. */
function sheetOfPart(part: string, workbookXml: string, relsXml: string): string | null {
  const targets = new Map<string, string>();
  for (const match of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\sId="([^"]*)"/.exec(match[0])?.[1];
    const target = /\sTarget="([^"]*)"/.exec(match[0])?.[1];
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const match of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\sname="([^"]*)"/.exec(match[0])?.[1];
    const id = /\s(?:\w+:)?id="([^"]*)"/.exec(match[0])?.[1];
    if (name !== undefined && id !== undefined && targets.get(id) === part) return unescapeXml(name);
  }
  return null;
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[entity] ?? '');
}
