/**
 * Image pages: a TIFF's pages or a HEIC photo as page images the viewer shows
 * (renderer/src/evidence/previews/pages-viewer.tsx), decoded from the stored bytes.
 *
 * - page: one picture of the file as the viewer shows it: upright (the file's own orientation
 *   applied: TIFF/EXIF Orientation, HEIF irot/imir), at most `maxWidth` pixels wide (a 600 dpi
 *   A4 scan is 5 000 px wide; the pane is never that wide), PNG for scans (sharp text),
 *   JPEG for photos.
 * - size: how large the page is at 100% in CSS pixels: the scan's own size where the file
 *   says its resolution (a 300 dpi A4 page is 794 × 1123, as a PDF of it would be), else its
 *   pixels.
 *
 * Libraries: sharp (libvips, libtiff) decodes every TIFF compression offices write (CCITT G3/G4
 * fax, LZW, Deflate, JPEG-in-TIFF, PackBits) page by page and encodes the pages. sharp's
 * prebuilt libvips leaves HEVC out (lovell/sharp#4050: it decodes AVIF but not HEIC), so a
 * HEIC photo is decoded by libheif-js, libheif and libde265 compiled to WebAssembly: no native
 * code, the same on every platform, no install script. libheif-js applies the HEIF
 * transformations itself, so the photo arrives upright.
 *
 * Untrusted bytes: this runs in a capped worker (read-image-pages.ts). A decompression bomb
 * (a small file that declares a huge picture) is refused from its header before any pixel is
 * decoded: sharp's `limitInputPixels`, and the same count checked on the HEIC's size.
 */
import libheif from 'libheif-js/wasm-bundle.js';
import sharp from 'sharp';
import { imagePagesLimits, type ImagePage, type ImagePagesLimits, type ImagePagesResult } from './image-pages-limits.ts';

export type { ImagePage, ImagePagesLimits, ImagePagesResult, ImagePagesType } from './image-pages-limits.ts';

/** sharp's resolution is dots per inch; CSS has 96 px to the inch. Values outside this range are a file's mistake. */
const plausibleDpi = (dpi: number | undefined): dpi is number => dpi !== undefined && dpi >= 24 && dpi <= 4800;

function cssSize(pixels: { width: number; height: number }, dpi: number | undefined): { width: number; height: number } {
  const factor = plausibleDpi(dpi) ? 96 / dpi : 1;
  return { width: Math.max(1, Math.round(pixels.width * factor)), height: Math.max(1, Math.round(pixels.height * factor)) };
}

/** EXIF/TIFF orientations 5 to 8 turn the picture a quarter: width and height trade places. */
const quarterTurned = (orientation: number | undefined): boolean => orientation !== undefined && orientation >= 5 && orientation <= 8;

function unreadable(kind: string): ImagePagesResult {
  return { ok: false, message: `无法读取这个 ${kind} 文件（文件可能已损坏或不完整）。` };
}

function tooLarge(kind: string, width: number, height: number, limits: ImagePagesLimits): ImagePagesResult {
  return {
    ok: false,
    message: `这个 ${kind} 文件的图像为 ${width} × ${height} 像素，超过本程序显示的上限（${Math.round(limits.maxInputPixels / 1_000_000)} 百万像素）。为防止程序卡死，不在这里显示；可以尝试用系统程序打开。`,
  };
}

export async function tiffPages(bytes: Uint8Array, limits: ImagePagesLimits = imagePagesLimits): Promise<ImagePagesResult> {
  // Headers are read without the pixel limit (metadata decodes no pixel), so a page that is too
  // large is named; decoding is under the limit all the same.
  const options = { limitInputPixels: limits.maxInputPixels, failOn: 'none' as const };
  const header = { limitInputPixels: false as const, failOn: 'none' as const };
  let pageCount: number;
  try {
    pageCount = (await sharp(bytes, header).metadata()).pages ?? 1;
  } catch {
    return unreadable('TIFF');
  }
  const pages: ImagePage[] = [];
  for (let page = 0; page < Math.min(pageCount, limits.maxPages); page += 1) {
    try {
      const meta = await sharp(bytes, { ...header, page }).metadata();
      const width = meta.width ?? 0;
      const height = meta.height ?? 0;
      if (width * height > limits.maxInputPixels) return tooLarge('TIFF', width, height, limits);
      const upright = quarterTurned(meta.orientation) ? { width: height, height: width } : { width, height };
      let pipeline = sharp(bytes, { ...options, page }).autoOrient().resize({ width: limits.maxWidth, withoutEnlargement: true });
      if (meta.hasAlpha === true) pipeline = pipeline.flatten({ background: '#ffffff' });
      // A bilevel or grey scan stays one channel (sharp would write sRGB: three times the bytes
      // to compress, twice the time), and zlib level 3 is about twice as fast as 6 on scans for
      // 2% more bytes (measured on an A4 300 dpi G4 page; docs/benchmarks.md).
      if (meta.space === 'b-w' || meta.space === 'grey16') pipeline = pipeline.toColourspace('b-w');
      const image = await pipeline.png({ compressionLevel: 3 }).toBuffer();
      pages.push({ image, format: 'png', ...cssSize(upright, meta.density) });
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      if (/pixel limit/i.test(message)) return { ok: false, message: `这个 TIFF 文件第 ${page + 1} 页的图像超过本程序显示的上限。为防止程序卡死，不在这里显示；可以尝试用系统程序打开。` };
      return { ok: false, message: `无法读取这个 TIFF 文件的第 ${page + 1} 页（文件可能已损坏或不完整）。` };
    }
  }
  return { ok: true, pages, pageCount };
}

export async function heicPage(bytes: Uint8Array, limits: ImagePagesLimits = imagePagesLimits): Promise<ImagePagesResult> {
  const images = new libheif.HeifDecoder().decode(bytes);
  try {
    const primary = images.find((image) => image.is_primary()) ?? images[0];
    if (primary === undefined) return unreadable('HEIC');
    const width = primary.get_width();
    const height = primary.get_height();
    if (width < 1 || height < 1) return unreadable('HEIC');
    if (width * height > limits.maxInputPixels) return tooLarge('HEIC', width, height, limits);
    const rgba = new Uint8ClampedArray(width * height * 4);
    const decoded = await new Promise<{ data: Uint8ClampedArray } | null>((resolve) => primary.display({ data: rgba, width, height }, resolve));
    if (decoded === null) return unreadable('HEIC');
    const out = await sharp(rgba, { raw: { width, height, channels: 4 } })
      .resize({ width: limits.maxWidth, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    // A photo has no page size of its own: it is as large as its pixels.
    return { ok: true, pages: [{ image: out.data, format: 'jpg', width: out.info.width, height: out.info.height }], pageCount: 1 };
  } finally {
    for (const image of images) image.free();
  }
}
