/**
 * Page images for OCR: the picture of one page as the viewer shows it, prepared for the
 * engine. Runs inside the OCR worker (ocr-task.ts), because decoding outside files is where a
 * crafted file would blow up.
 *
 * - PDF page: the largest image the page paints (a scanner's page is one image covering it),
 *   taken from pdf.js's operator list and decoded by pdf.js, so no canvas is needed; turned by
 *   the page's /Rotate as the viewer turns it. A page with its own text needs no OCR
 *   (`text-layer`); a page that paints no image has nothing to read (`no-image`).
 * - image file (JPEG, PNG, WebP, GIF, BMP, and the page PNGs other converters make of TIFF and
 *   HEIC): decoded by sharp with its EXIF orientation applied (`rotate()`), as a viewer shows it.
 * - bounds: decoding stops past `MAX_INPUT_PIXELS`; the prepared page is scaled down to at most
 *   `MAX_SIDE` pixels on its long side (more costs time without helping the PP-OCR models) and
 *   padded right and bottom to a multiple of 32, the size the detection model takes, so the
 *   engine's own resize is a no-op and its boxes are in our pixels.
 */
import type { PDFPageProxy as PdfPage } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp, { type Sharp } from 'sharp';

/** Largest picture decoded at all (a 600 dpi A3 scan is about 70 megapixels). */
export const MAX_INPUT_PIXELS = 100_000_000;
/** Long side of the picture handed to the engine. */
export const MAX_SIDE = 1600;
const BLOCK = 32;

export interface PreparedPage {
  /** PNG of the page, padded to multiples of 32. */
  readonly png: Buffer;
  /** The page's own size in the prepared picture, before the padding: boxes are divided by it. */
  readonly width: number;
  readonly height: number;
}

export type PdfPageImage =
  | { readonly kind: 'image'; readonly page: PreparedPage }
  | { readonly kind: 'text-layer' }
  | { readonly kind: 'no-image' };

interface DecodedImage {
  readonly width: number;
  readonly height: number;
  /** pdf.js ImageKind: 1 = 1 bit grey, 2 = RGB, 3 = RGBA. */
  readonly kind: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/** Scales to `MAX_SIDE` and pads to the engine's block size. */
async function prepare(image: Sharp): Promise<PreparedPage> {
  const resized = await image
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = resized.info;
  const right = Math.ceil(width / BLOCK) * BLOCK - width;
  const bottom = Math.ceil(height / BLOCK) * BLOCK - height;
  const png = await sharp(resized.data, { raw: { width, height, channels } })
    .extend({ right, bottom, background: { r: 255, g: 255, b: 255 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return { png, width, height };
}

/** An image file as shown: EXIF orientation applied. */
export function imageFilePage(file: string): Promise<PreparedPage> {
  return prepare(sharp(file, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate());
}

function toSharp(image: DecodedImage): Sharp {
  const { width, height } = image;
  if (width * height > MAX_INPUT_PIXELS) throw new Error(`image of ${width}x${height} pixels is past the cap`);
  if (image.kind === 1) {
    // One bit a pixel, rows padded to whole bytes, 1 = white (pdf.js unpacks it this way for canvases).
    const rowBytes = (width + 7) >> 3;
    const grey = new Uint8Array(width * height);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) grey[y * width + x] = (image.data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
    return sharp(grey, { raw: { width, height, channels: 1 } });
  }
  const channels = image.kind === 3 ? 4 : 3;
  return sharp(image.data, { raw: { width, height, channels } });
}

interface PdfObjects {
  get(name: string, callback: (data: unknown) => void): unknown;
}

/**
 * An image object of the page once pdf.js has decoded it: the operator list can name an image
 * before its pixels are ready, and the plain `get(name)` throws for those.
 */
function decodedObject(objs: PdfObjects, name: string): Promise<DecodedImage | null> {
  return new Promise((resolve) => {
    objs.get(name, (data) => resolve((data ?? null) as DecodedImage | null));
  });
}

/** The page's picture, or why it needs none. */
export async function pdfPageImage(page: PdfPage): Promise<PdfPageImage> {
  const content = await page.getTextContent();
  if (content.items.some((item) => 'str' in item && item.str.trim() !== '')) return { kind: 'text-layer' };
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const list = await page.getOperatorList();
  let best: DecodedImage | null = null;
  for (let i = 0; i < list.fnArray.length; i += 1) {
    const op = list.fnArray[i];
    let image: DecodedImage | null = null;
    if (op === pdfjs.OPS.paintImageXObject || op === pdfjs.OPS.paintImageXObjectRepeat) {
      const name = (list.argsArray[i] as unknown[])[0] as string;
      image = await decodedObject(name.startsWith('g_') ? page.commonObjs : page.objs, name);
    } else if (op === pdfjs.OPS.paintInlineImageXObject) {
      image = (list.argsArray[i] as unknown[])[0] as DecodedImage;
    }
    if (image?.data === undefined) continue;
    if (best === null || image.width * image.height > best.width * best.height) best = image;
  }
  if (best === null) return { kind: 'no-image' };
  const rotation = ((page.rotate % 360) + 360) % 360;
  return { kind: 'image', page: await prepare(toSharp(best).rotate(rotation)) };
}
