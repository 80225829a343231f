/**
 * Patching an .xlsx: one part of a real workbook's zip rewritten, the rest kept, to make the
 * workbooks other programs (or an attacker) write from one exceljs wrote.
 */
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { ZipFile as ZipWriter } from 'yazl';

export async function patchXlsx(bytes: Uint8Array, patches: Record<string, (xml: string) => string>): Promise<Uint8Array> {
  const parts = await new Promise<Map<string, Buffer>>((resolve, reject) => {
    fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip: ZipFile) => {
      if (error) return reject(error);
      const out = new Map<string, Buffer>();
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: Entry) => {
        if (entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
  for (const [name, patch] of Object.entries(patches)) {
    const part = parts.get(name);
    if (part === undefined) throw new Error(`no part ${name}`);
    parts.set(name, Buffer.from(patch(part.toString('utf8')), 'utf8'));
  }
  const zip = new ZipWriter();
  for (const [name, data] of parts) zip.addBuffer(data, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** The zip part of the sheet exceljs wrote n-th (1-based). */
export const sheetPart = (n: number): string => `xl/worksheets/sheet${n}.xml`;
