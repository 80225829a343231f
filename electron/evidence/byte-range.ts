/**
 * Byte ranges of stored evidence (HTTP `Range: bytes=a-b`), so the PDF viewer reads a 300-page
 * scan page by page instead of fetching all of it before the first page shows. Only a single
 * range is served; anything else gets the whole file, as HTTP allows.
 */
export type ByteRange = { readonly start: number; readonly end: number } | 'unsatisfiable' | null;

/** The range a `Range` header asks of a file of `size` bytes (end inclusive), or null for the whole file. */
export function parseByteRange(header: string | undefined, size: number): ByteRange {
  if (header === undefined) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
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
