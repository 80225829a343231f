/**
 * What image-pages.ts is asked and answers, and its limits, apart from the decoders: the main
 * process needs these names, and importing image-pages.ts itself would load libheif-js (and
 * compile its WebAssembly) in the main process, where nothing is ever decoded.
 */

export type ImagePagesType = 'tiff' | 'heic';

export interface ImagePagesLimits {
  /** Pages converted at most (a longer TIFF shows these and says so). */
  readonly maxPages: number;
  readonly maxWidth: number;
  /** The largest picture decoded, in pixels (width × height). */
  readonly maxInputPixels: number;
}

export const imagePagesLimits: ImagePagesLimits = { maxPages: 300, maxWidth: 2000, maxInputPixels: 100_000_000 };

export interface ImagePage {
  readonly image: Uint8Array;
  readonly format: 'png' | 'jpg';
  /** CSS pixels at 100%. */
  readonly width: number;
  readonly height: number;
}

export type ImagePagesResult =
  | { readonly ok: true; readonly pages: ImagePage[]; readonly pageCount: number }
  /** A refusal or a file the library cannot read, said for the expert (without the file's name, which the caller adds). */
  | { readonly ok: false; readonly message: string };
