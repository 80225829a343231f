/**
 * Byte ranges (HTTP `Range: bytes=a-b`) of the files both shells serve: the renderer's own
 * files and stored evidence. One range is served. Several ranges in one header get the whole
 * file (200): a server may ignore a Range header (RFC 9110 §14.2), and 416 would claim that
 * satisfiable ranges are not, so we send no multipart body. A header in another unit, or not a
 * byte range at all, is ignored too: the whole file.
 *
 * The PDF viewer reads a big PDF by range (renderer/src/evidence/pdf-document.ts), and
 * Chromium's media and download loaders may ask for ranges too.
 */
export type ByteRange = { readonly start: number; readonly end: number } | 'unsatisfiable' | null;

/** The range a `Range` header asks of a file of `size` bytes (end inclusive), or null for the whole file. */
export function parseByteRange(header: string | null | undefined, size: number): ByteRange {
  if (header === undefined || header === null) return null;
  const value = header.trim();
  if (/^bytes=[^,]*,/.test(value)) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(value);
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    // A suffix: the last N bytes.
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
