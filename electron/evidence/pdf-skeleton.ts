/**
 * PDF skeleton: the parts of a big PDF that pdf.js must read before it can show any page, found
 * by letting pdf.js open the file by range and noting every range it asks for.
 *
 * Why: pdf.js, on opening, checks the last page, which walks the page tree page by page. A
 * scanner's PDF (and pdfkit's) writes each page's dictionary beside that page's image, so the
 * dictionaries are spread through the whole 50 MB and reading by range asks for them one after
 * another: 300 round trips before page 150 is drawn, slower than fetching the whole file. With
 * the skeleton (here about 1 MB for 300 pages) fetched in one answer, those asks are answered
 * from memory and only the page being drawn is read from the file (pdf-document.ts).
 *
 * - chunk size: `SKELETON_CHUNK`; the viewer asks pdf.js for the same, so its asks fall on the
 *   same chunks.
 * - bounds: a skeleton above `MAX_SKELETON_BYTES` is not kept (null; the viewer then reads by
 *   range without it): past that, the file is better fetched whole.
 *
 * It reads untrusted bytes with pdf.js: it runs in a capped worker (read-pdf-skeleton.ts).
 */
import { open } from 'node:fs/promises';

export const SKELETON_CHUNK = 4096;
export const MAX_SKELETON_BYTES = 8 * 1024 * 1024;

export interface SkeletonRanges {
  readonly length: number;
  readonly chunkSize: number;
  /** `[begin, end)` byte ranges, sorted, not overlapping. */
  readonly ranges: readonly (readonly [number, number])[];
}

function merged(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [begin, end] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && begin <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([begin, end]);
  }
  return out;
}

export async function pdfSkeleton(input: { readonly file: string }): Promise<SkeletonRanges | null> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const handle = await open(input.file, 'r');
  try {
    const { size } = await handle.stat();
    const asked: [number, number][] = [];
    const read = async (begin: number, end: number) => {
      const buffer = new Uint8Array(end - begin);
      await handle.read(buffer, 0, buffer.length, begin);
      return buffer;
    };
    const first = await read(0, Math.min(size, SKELETON_CHUNK));
    asked.push([0, first.length]);
    class Recording extends pdfjs.PDFDataRangeTransport {
      override requestDataRange(begin: number, end: number): void {
        asked.push([begin, end]);
        void read(begin, end).then((bytes) => this.onDataRange(begin, bytes));
      }
    }
    const transport = new Recording(size, first);
    const task = pdfjs.getDocument({
      range: transport,
      rangeChunkSize: SKELETON_CHUNK,
      disableAutoFetch: true,
      disableStream: true,
      disableFontFace: true,
      stopAtErrors: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    });
    try {
      const document = await task.promise;
      // Opening walked the page tree to the last page; every page's dictionary is now read.
      await document.getPage(document.numPages);
    } catch {
      return null; // Damaged or with a password: the viewer says so when it opens the file.
    } finally {
      await task.destroy();
    }
    const ranges = merged(asked);
    const bytes = ranges.reduce((n, [b, e]) => n + e - b, 0);
    return bytes > MAX_SKELETON_BYTES ? null : { length: size, chunkSize: SKELETON_CHUNK, ranges };
  } finally {
    await handle.close();
  }
}
