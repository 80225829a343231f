/**
 * Pictures of a word-processor document as image blocks (DocumentImage): the picture's bytes
 * become a `data:` URL the viewer's <img> shows (the CSP allows data: images), with its kind
 * and size read from its own header, never from the name or content type the document claims.
 *
 * Why data: URLs and not files of their own: the preview is one JSON rendition made once per
 * content hash (renditions.ts) and sent in one answer, so a picture needs no URL scheme or
 * second request, and a certificate in a 红头文件 is in the preview the moment it is shown.
 * The cost is size, hence the limits:
 * - one picture over 10 MB is not sent (its block says so);
 * - all pictures of one document together at most 40 MB and 300 pictures; later ones say so.
 * EMF/WMF (Windows drawings), TIFF and PICT cannot be drawn by the viewer: their block names
 * the format instead ("〔图片：EMF 格式，无法显示〕").
 */
import type { DocumentImage } from '../../../shared/api/evidence-preview-types.ts';
import type { DocumentZip } from './document-zip.ts';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_TOTAL_IMAGE_BYTES = 40 * 1024 * 1024;
export const MAX_IMAGES = 300;

export interface PictureInfo {
  /** A MIME type the viewer draws, or null for a format it cannot draw. */
  readonly mime: string | null;
  /** The format's name, for the label of one that is not drawn. */
  readonly format: string;
  readonly width: number | null;
  readonly height: number | null;
}

const u16le = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u16be = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u32be = (b: Uint8Array, at: number): number => u16be(b, at) * 65536 + u16be(b, at + 2);
const i32le = (b: Uint8Array, at: number): number => (u16le(b, at) | (u16le(b, at + 2) << 16)) | 0;

/** The picture's kind and pixel size from its first bytes; null when it is no picture format known here. */
export function pictureInfo(bytes: Uint8Array): PictureInfo | null {
  const b = bytes;
  if (b.length >= 24 && u32be(b, 0) === 0x89504e47 && u32be(b, 4) === 0x0d0a1a0a) {
    return { mime: 'image/png', format: 'PNG', width: u32be(b, 16), height: u32be(b, 20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { mime: 'image/jpeg', format: 'JPEG', ...jpegSize(b) };
  if (b.length >= 10 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) {
    return { mime: 'image/gif', format: 'GIF', width: u16le(b, 6), height: u16le(b, 8) };
  }
  if (b.length >= 26 && ascii(b, 0, 2) === 'BM') {
    const header = i32le(b, 14);
    if (header === 12) return { mime: 'image/bmp', format: 'BMP', width: u16le(b, 18), height: u16le(b, 20) };
    return { mime: 'image/bmp', format: 'BMP', width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
  }
  if (b.length >= 44 && i32le(b, 0) === 1 && ascii(b, 40, 44) === ' EMF') return { mime: null, format: 'EMF', width: null, height: null };
  if (b.length >= 4 && u32be(b, 0) === 0xd7cdc69a) return { mime: null, format: 'WMF', width: null, height: null };
  if (b.length >= 4 && (u32be(b, 0) === 0x01000900 || u32be(b, 0) === 0x02000900)) return { mime: null, format: 'WMF', width: null, height: null };
  if (b.length >= 4 && (u32be(b, 0) === 0x49492a00 || u32be(b, 0) === 0x4d4d002a)) return { mime: null, format: 'TIFF', width: null, height: null };
  return null;
}

function sizeOf(info: PictureInfo | null): Pick<DocumentImage, 'mime' | 'width' | 'height'> {
  return { mime: info?.mime ?? null, width: info?.width ?? null, height: info?.height ?? null };
}

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

/** A JPEG's size from its first start-of-frame marker (bounded walk over the marker segments). */
function jpegSize(b: Uint8Array): { width: number | null; height: number | null } {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return { width: null, height: null };
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, at + 5), width: u16be(b, at + 7) };
    }
    at += 2 + u16be(b, at + 2);
  }
  return { width: null, height: null };
}

/**
 * Makes the image blocks of one document, keeping count of what it has sent so the document's
 * limits hold (one budget per document).
 */
export class ImageBudget {
  private total = 0;
  private count = 0;

  /** A picture the document holds but that is over the one-picture limit (not read at all). */
  oversized(): DocumentImage {
    return { type: 'image', src: null, mime: null, width: null, height: null, label: '〔图片：超过 10 MB，未在预览中显示；请用系统程序打开文件查看〕' };
  }

  /**
   * The picture in a part of a zip-based document (null: the document names none that is
   * there); one over the one-picture limit is judged by its declared size, never inflated.
   */
  async part(zip: DocumentZip, part: string | null | undefined, description: string | null): Promise<DocumentImage> {
    if (part === null || part === undefined) return this.block(null);
    if ((zip.size(part) ?? 0) > MAX_IMAGE_BYTES) return this.oversized();
    return this.block(await zip.bytes(part, MAX_IMAGE_BYTES), description);
  }

  /** `description`: what the document says the picture is (its alt text), if anything. */
  block(bytes: Uint8Array | null, description: string | null = null): DocumentImage {
    const named = description !== null && description.trim() !== '' ? description.trim() : null;
    const none = (label: string, info: PictureInfo | null = null): DocumentImage => ({
      type: 'image',
      src: null,
      mime: info?.mime ?? null,
      width: info?.width ?? null,
      height: info?.height ?? null,
      label,
    });
    if (bytes === null) return none('〔图片：文档中缺少这张图片的数据，无法显示〕');
    if (bytes.length > MAX_IMAGE_BYTES) return { ...this.oversized(), ...sizeOf(pictureInfo(bytes)) };
    const info = pictureInfo(bytes);
    if (info === null) return none('〔图片：格式无法识别，无法显示〕');
    if (info.mime === null) return none(`〔图片：${info.format} 格式，无法显示〕`, info);
    if (this.count >= MAX_IMAGES || this.total + bytes.length > MAX_TOTAL_IMAGE_BYTES) {
      return none('〔图片：文档中的图片过多，这一张未在预览中显示；请用系统程序打开文件查看〕', info);
    }
    this.count += 1;
    this.total += bytes.length;
    return {
      type: 'image',
      src: `data:${info.mime};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`,
      mime: info.mime,
      width: info.width,
      height: info.height,
      label: named ?? '图片',
    };
  }
}
