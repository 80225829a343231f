/**
 * Image pages task: image-pages.ts as it runs in a capped worker (read-image-pages.ts). One
 * decode at a time in the worker (sharp's own thread pool would otherwise take every core of a
 * laptop the expert is scoring on), and no cache (the worker ends after one file).
 */
import sharp from 'sharp';
import type { ImagePagesLimits, ImagePagesResult, ImagePagesType } from './image-pages-limits.ts';
import { heicPage, tiffPages } from './image-pages.ts';

export async function convertImagePages(input: { readonly bytes: Uint8Array; readonly type: ImagePagesType; readonly limits: ImagePagesLimits }): Promise<ImagePagesResult> {
  sharp.concurrency(1);
  sharp.cache(false);
  return input.type === 'tiff' ? tiffPages(input.bytes, input.limits) : heicPage(input.bytes, input.limits);
}
