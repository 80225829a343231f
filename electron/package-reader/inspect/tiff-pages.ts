/**
 * TIFF pages: a TIFF file's pages are its chain of image file directories (IFDs), each naming
 * the next. Counted by walking the chain inside the bytes, bounded: an offset outside the file,
 * a loop, or more than `maxPages` directories make the file damaged rather than the walk endless.
 * Classic TIFF (`II*\0`, `MM\0*`) and BigTIFF (magic 43, 64-bit offsets) alike.
 */

export type TiffPageCount = { readonly ok: true; readonly pages: number } | { readonly ok: false; readonly detail: string };

const MAX_PAGES = 100_000;

export function tiffPageCount(bytes: Uint8Array, maxPages = MAX_PAGES): TiffPageCount {
  if (bytes.length < 8) return { ok: false, detail: '文件头不完整' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  const big = view.getUint16(2, little) === 43;
  if (big && bytes.length < 16) return { ok: false, detail: '文件头不完整' };
  const countSize = big ? 8 : 2;
  const entrySize = big ? 20 : 12;
  const nextSize = big ? 8 : 4;
  const read = (offset: number, size: number): number =>
    size === 8 ? Number(view.getBigUint64(offset, little)) : size === 4 ? view.getUint32(offset, little) : view.getUint16(offset, little);
  let offset = read(big ? 8 : 4, nextSize);
  const seen = new Set<number>();
  let pages = 0;
  while (offset !== 0) {
    if (seen.has(offset)) return { ok: false, detail: '图像目录循环引用' };
    if (pages >= maxPages) return { ok: false, detail: `图像目录超过 ${maxPages} 个` };
    seen.add(offset);
    if (!Number.isSafeInteger(offset) || offset + countSize > bytes.length) return { ok: false, detail: `第 ${pages + 1} 页的图像目录在文件之外（文件不完整）` };
    const count = read(offset, countSize);
    const next = offset + countSize + count * entrySize;
    if (next + nextSize > bytes.length) return { ok: false, detail: `第 ${pages + 1} 页的图像目录不完整（文件不完整）` };
    pages += 1;
    offset = read(next, nextSize);
  }
  if (pages === 0) return { ok: false, detail: '没有任何图像' };
  return { ok: true, pages };
}
