/**
 * The PDF skeleton (electron/evidence/pdf-skeleton.ts) on a scan made by real programs
 * (test/fixtures/evidence/find-page/make-fixtures.sh: pdftoppm + img2pdf): pdf.js must be able
 * to open the file and reach its last page from the skeleton's bytes alone, which is what lets
 * the viewer open a big scan at a deep page without a round trip per page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfSkeleton, SKELETON_CHUNK } from '../../../electron/evidence/pdf-skeleton.ts';
import { pdfSkeletonOf } from '../../../electron/evidence/read-pdf-skeleton.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('pdf-skeleton-');
const scan = resolve(import.meta.dirname, '..', '..', 'fixtures', 'evidence', 'find-page', 'scan.pdf');

describe('the skeleton of a PDF', () => {
  it('holds every byte pdf.js reads to open the file and reach its last page', async () => {
    const skeleton = await pdfSkeleton({ file: scan });
    const bytes = readFileSync(scan);
    expect(skeleton).not.toBeNull();
    expect(skeleton!.length).toBe(bytes.length);
    expect(skeleton!.chunkSize).toBe(SKELETON_CHUNK);
    const ranges = skeleton!.ranges;
    ranges.forEach(([b, e], i) => {
      expect(e).toBeGreaterThan(b);
      if (i > 0) expect(b).toBeGreaterThan(ranges[i - 1]![1]);
    });
    // Less than the file: the page images are not in it.
    expect(ranges.reduce((n, [b, e]) => n + e - b, 0)).toBeLessThan(bytes.length / 2);

    // pdf.js, given only the skeleton (any other ask is refused), opens it and reaches page 4.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const outside: [number, number][] = [];
    class SkeletonOnly extends pdfjs.PDFDataRangeTransport {
      override requestDataRange(begin: number, end: number): void {
        const part = ranges.find(([b, e]) => b <= begin && end <= e);
        if (part === undefined) outside.push([begin, end]);
        else queueMicrotask(() => this.onDataRange(begin, new Uint8Array(bytes.subarray(begin, end))));
      }
    }
    const first = new Uint8Array(bytes.subarray(0, ranges[0]![1]));
    const task = pdfjs.getDocument({ range: new SkeletonOnly(bytes.length, first), rangeChunkSize: SKELETON_CHUNK, disableAutoFetch: true, disableStream: true, verbosity: 0 });
    try {
      const document = await task.promise;
      expect(document.numPages).toBe(4);
      expect((await document.getPage(3)).getViewport({ scale: 1 }).width).toBeCloseTo(595.3, 0);
      expect(outside).toEqual([]);
    } finally {
      await task.destroy();
    }
  });

  it('is not made for a small file, which the viewer fetches whole', async () => {
    const dataDir = tempDir();
    expect(await pdfSkeletonOf(dataDir, 'a'.repeat(64), scan, readFileSync(scan).length)).toEqual({ ready: false, reason: 'small' });
  });

  it('is none for a file pdf.js cannot open', async () => {
    const dir = tempDir();
    const damaged = join(dir, 'damaged.pdf');
    writeFileSync(damaged, readFileSync(scan).subarray(0, 300));
    expect(await pdfSkeleton({ file: damaged })).toBeNull();
  });
});
