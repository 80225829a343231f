/**
 * Reading image pages safely: image-pages.ts in a capped worker (capped-worker.ts). The
 * worker's heap cap bounds the JavaScript side; the pixels (libvips' and libheif's memory,
 * outside that heap) are bounded by the pixel limit checked from each picture's header before
 * it is decoded, and the time by the worker's limit. A refusal says why, in Chinese.
 */
import { runCapped, taskModule, type WorkerCaps } from '../files/capped-worker.ts';
import { tiffPageCount } from '../package-reader/inspect/tiff-pages.ts';
import { imagePagesLimits, type ImagePage, type ImagePagesLimits, type ImagePagesResult, type ImagePagesType } from './image-pages-limits.ts';

/** A photo, or a TIFF of few pages. */
export const imagePagesCaps: WorkerCaps = { maxOldGenerationSizeMb: 256, timeoutMs: 60_000 };

/**
 * A long scan takes longer: a second a page on top (a page takes about 0.2 s on a loaded laptop,
 * docs/benchmarks.md), counted from the file's directories before any decoding, up to 6 minutes.
 */
export function imagePagesCapsFor(bytes: Uint8Array, type: ImagePagesType, limits: ImagePagesLimits = imagePagesLimits): WorkerCaps {
  if (type !== 'tiff') return imagePagesCaps;
  const counted = tiffPageCount(bytes, limits.maxPages);
  const pages = counted.ok ? counted.pages : limits.maxPages;
  return { ...imagePagesCaps, timeoutMs: Math.min(360_000, imagePagesCaps.timeoutMs + 1_000 * Math.min(pages, limits.maxPages)) };
}

export type ImagePagesReading =
  | { readonly ok: true; readonly pages: ImagePage[]; readonly pageCount: number }
  /** lasting: the same bytes would be refused again (worth remembering); else it may pass another time (a busy laptop). */
  | { readonly ok: false; readonly message: string; readonly lasting: boolean };

const kindName: Record<ImagePagesType, string> = { tiff: 'TIFF', heic: 'HEIC' };

let sharpLoaded: Promise<unknown> | null = null;

export async function readImagePages(
  bytes: Uint8Array,
  type: ImagePagesType,
  limits: ImagePagesLimits = imagePagesLimits,
  caps: WorkerCaps = imagePagesCapsFor(bytes, type, limits),
): Promise<ImagePagesReading> {
  // sharp must be loaded by the main thread before a worker loads it, or on glibc Linux its
  // libraries are unloaded when the first worker ends and the next one crashes (sharp's
  // documentation, "Worker threads").
  sharpLoaded ??= import('sharp');
  await sharpLoaded;
  const outcome = await runCapped<ImagePagesResult>(
    { module: taskModule(import.meta.url, 'image-pages-task'), exportName: 'convertImagePages' },
    { bytes, type, limits },
    caps,
  );
  if (outcome.ok) return outcome.value.ok ? outcome.value : { ...outcome.value, lasting: true };
  const kind = kindName[type];
  switch (outcome.reason) {
    case 'memory':
      return { ok: false, lasting: false, message: `这个 ${kind} 文件展开后过大，读取所需的内存超过了上限。为防止程序卡死，不在这里显示；可以尝试用系统程序打开。` };
    case 'timeout':
      return { ok: false, lasting: false, message: `这个 ${kind} 文件 ${Math.round(caps.timeoutMs / 1000)} 秒内没能转换完。为防止程序卡死，不在这里显示；可以稍后重新打开，或用系统程序打开。` };
    case 'failed':
      return { ok: false, lasting: true, message: `无法读取这个 ${kind} 文件（文件可能已损坏或不完整）。可以尝试用系统程序打开。` };
  }
}
