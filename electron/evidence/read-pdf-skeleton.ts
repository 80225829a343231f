/**
 * A big PDF's skeleton (pdf-skeleton.ts), made in a capped worker and kept once per content
 * hash as a rendition: `ranges.json` (where each part is in the file) and `parts.bin` (their
 * bytes, one after another), or `none.json` when the file has none worth keeping.
 *
 * Making it takes pdf.js about a second on a 300-page scan, so the first ask starts it and is
 * answered "not yet" at once: the viewer opens that time without it, and every later time
 * with it. Files up to `SMALL_PDF_BYTES` are fetched whole by the viewer and have none.
 */
import { readFile } from 'node:fs/promises';
import type { PdfSkeleton } from '../../shared/api/evidence-search-types.ts';
import { runCapped, taskModule, type WorkerCaps } from '../files/capped-worker.ts';
import type { SkeletonRanges } from './pdf-skeleton.ts';
import { rendition, storedRendition } from './renditions.ts';

export const SMALL_PDF_BYTES = 8 * 1024 * 1024;
export const pdfSkeletonCaps: WorkerCaps = { maxOldGenerationSizeMb: 512, timeoutMs: 60_000 };
const converter = { name: 'pdf-skeleton', version: 1 } as const;

async function make(file: string): Promise<ReadonlyMap<string, Uint8Array | string>> {
  const outcome = await runCapped<SkeletonRanges | null>({ module: taskModule(import.meta.url, 'pdf-skeleton-task'), exportName: 'pdfSkeletonTask' }, { file }, pdfSkeletonCaps);
  const skeleton = outcome.ok ? outcome.value : null;
  if (skeleton === null) return new Map([['none.json', JSON.stringify({ reason: outcome.ok ? 'none' : outcome.reason })]]);
  const bytes = await readFile(file);
  const parts = Buffer.concat(skeleton.ranges.map(([b, e]) => bytes.subarray(b, e)));
  return new Map<string, Uint8Array | string>([
    ['ranges.json', JSON.stringify(skeleton)],
    ['parts.bin', parts],
  ]);
}

/** The skeleton of the stored PDF `file` (by `sha256`), or why there is none (yet). */
export async function pdfSkeletonOf(dataDir: string, sha256: string, file: string, size: number): Promise<PdfSkeleton> {
  if (size <= SMALL_PDF_BYTES) return { ready: false, reason: 'small' };
  const stored = storedRendition(dataDir, sha256, converter);
  if (stored === null) {
    // Made in the background; a failure is only a slower open, and the next ask tries again.
    void rendition(dataDir, sha256, converter, () => make(file)).catch(() => undefined);
    return { ready: false, reason: 'making' };
  }
  if (!stored.has('ranges.json')) return { ready: false, reason: 'none' };
  const skeleton = JSON.parse((await stored.read('ranges.json')).toString('utf8')) as SkeletonRanges;
  const parts = await stored.read('parts.bin');
  return { ready: true, length: skeleton.length, chunkSize: skeleton.chunkSize, ranges: skeleton.ranges, parts: parts.toString('base64') };
}

/** Waits for a skeleton being made (tests, the bench). */
export async function makePdfSkeleton(dataDir: string, sha256: string, file: string): Promise<void> {
  await rendition(dataDir, sha256, converter, () => make(file));
}
