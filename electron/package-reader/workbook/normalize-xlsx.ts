/**
 * Normalising an .xlsx for exceljs: what other programs legitimately write but exceljs
 * misreads, rewritten in the zip before exceljs sees it.
 *
 * - absolute part targets: openpyxl links its parts by absolute targets (`/xl/worksheets/…`),
 *   as the Open Packaging Conventions allow; every internal absolute target becomes the
 *   relative one exceljs expects.
 * - comments elsewhere: exceljs finds a sheet's comments only at Excel's own place
 *   (`xl/comments1.xml`) and throws on any other (openpyxl's `xl/comments/comment1.xml`).
 *   Neither the 自查表 reader nor the preview uses comments, so such a link is dropped and the
 *   cells are read as they are.
 * - ISO date cells: `t="d"` cells hold an ISO 8601 date (`2026-05-12`), as openpyxl and SheetJS
 *   can write them; exceljs reads the text as a number (2026, i.e. 1905-07-18). Each becomes the
 *   serial number Excel itself would store (its style, a date format, still applies), in the
 *   workbook's date system (1900, or 1904 when the workbook says so). A `t="d"` value that is
 *   not a date is kept as the text it is.
 *
 * The bytes come already checked (check-workbook-zip.ts), so holding them inflated is bounded.
 * A workbook that needs nothing rewritten is returned as it came.
 */
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { ZipFile as ZipWriter } from 'yazl';

export async function normalizeXlsx(bytes: Uint8Array): Promise<Uint8Array> {
  const parts = await readParts(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const workbook = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\sdate1904\s*=\s*["'](1|true)["']/.test(workbook);
  let changed = false;
  const out = new Map<string, Buffer>();
  for (const [name, data] of parts) {
    let text: string | null = null;
    if (name.toLowerCase().endsWith('.rels')) text = relativeTargets(name, data.toString('utf8'));
    else if (name.toLowerCase().endsWith('.xml') && (data.includes('t="d"') || data.includes("t='d'"))) text = isoDateCells(data.toString('utf8'), date1904);
    if (text === null) out.set(name, data);
    else {
      changed = true;
      out.set(name, Buffer.from(text, 'utf8'));
    }
  }
  return changed ? writeParts(out) : bytes;
}

/** The rels part with absolute internal targets made relative to the part they belong to; null if none was. */
function relativeTargets(relsName: string, xml: string): string | null {
  // `xl/worksheets/_rels/sheet1.xml.rels` belongs to `xl/worksheets/sheet1.xml`; `_rels/.rels` to the package.
  const folder = relsName.replace(/(^|\/)_rels\/[^/]*$/, '$1');
  let changed = false;
  const rewritten = xml.replace(/<(?:\w+:)?Relationship\b[^>]*>(?:\s*<\/(?:\w+:)?Relationship>)?/g, (tag) => {
    if (/\sTargetMode\s*=\s*["']External["']/.test(tag)) return tag;
    const relative = tag.replace(/(\sTarget\s*=\s*)(["'])\/([^"']*)\2/, (_, lead: string, quote: string, target: string) => {
      changed = true;
      return `${lead}${quote}${relativePath(folder, target)}${quote}`;
    });
    const target = /\sTarget\s*=\s*["']([^"']*)["']/.exec(relative)?.[1] ?? '';
    if (/\sType\s*=\s*["'][^"']*\/comments["']/.test(relative) && !/^\.\.\/comments\d+\.xml$/.test(target)) {
      changed = true;
      return '';
    }
    return relative;
  });
  return changed ? rewritten : null;
}

function relativePath(fromFolder: string, target: string): string {
  const from = fromFolder.split('/').filter((s) => s !== '');
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

const ISO_CELL = /<c\b([^>]*?)\st\s*=\s*(["'])d\2([^>]*)>(\s*)<v>([^<]*)<\/v>/g;

function isoDateCells(xml: string, date1904: boolean): string | null {
  let changed = false;
  const rewritten = xml.replace(ISO_CELL, (_, before: string, _quote: string, after: string, space: string, value: string) => {
    changed = true;
    const serial = serialOf(value.trim(), date1904);
    if (serial === null) return `<c${before} t="inlineStr"${after}>${space}<is><t>${value}</t></is>`;
    return `<c${before}${after}>${space}<v>${serial}</v>`;
  });
  return changed ? rewritten : null;
}

/** Excel's serial for an ISO date or date-time, read as wall-clock time (Excel has no zones). */
function serialOf(iso: string, date1904: boolean): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (match === null) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0'] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Math.round(Number(`0.${fraction}`) * 1000));
  const check = new Date(ms);
  if (Number.isNaN(ms) || check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null;
  // Serial 25569 is 1970-01-01 in the 1900 system; the 1904 system counts 1462 days fewer.
  return ms / 86_400_000 + 25_569 - (date1904 ? 1_462 : 0);
}

function readParts(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    fromBuffer(buffer, { lazyEntries: true, strictFileNames: false }, (error, zip: ZipFile) => {
      if (error) {
        reject(error);
        return;
      }
      const parts = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(parts));
      zip.on('entry', (entry: Entry) => {
        if (entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (openError, stream) => {
          if (openError) {
            reject(openError);
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            parts.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

function writeParts(parts: ReadonlyMap<string, Buffer>): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const zip = new ZipWriter();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    // Stored, not deflated: the zip lives only until exceljs has read it.
    for (const [name, data] of parts) zip.addBuffer(data, name, { compress: false });
    zip.end();
  });
}
