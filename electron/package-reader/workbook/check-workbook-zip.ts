/**
 * Workbook zip check: an .xlsx file is itself a zip, and exceljs inflates all of it into
 * memory. The package reader's limits bound the .xlsx file, not what it unpacks to, so a
 * small workbook could still be a zip bomb. Before exceljs sees the bytes, every entry is
 * inflated here with a running count and dropped, and the workbook is refused as soon as the
 * count passes the limit, whatever its headers declare.
 *
 * - workbook limits: far above any honest 自查表 (a filled one unpacks to well under 5 MiB;
 *   photos pasted into the sheets are what make it large), far below what would hurt the app.
 */
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';

export interface WorkbookLimits {
  readonly maxEntries: number;
  readonly maxTotalBytes: number;
}

export const defaultWorkbookLimits: WorkbookLimits = { maxEntries: 2_000, maxTotalBytes: 64 * 1024 * 1024 };

export type WorkbookZipCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'not-xlsx' | 'legacy-or-encrypted' | 'damaged' | 'too-large' };

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
    const finish = (result: WorkbookZipCheck): void => {
      if (done) return;
      done = true;
      resolve(result);
    };
    zip.on('error', () => finish({ ok: false, reason: 'damaged' }));
    zip.on('end', () => finish({ ok: true }));
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
