/**
 * The page a PDF opens at: the page its evidence reference names, or page 1. A reference past
 * the file's last page (the package checks refuse it, but a file can be replaced) opens the
 * last page, and the expert is told which page was meant.
 */
export interface StartPage {
  readonly page: number;
  /** The page the reference named when the file has fewer pages, else null. */
  readonly beyond: number | null;
}

export function startPage(requested: number | null, pageCount: number): StartPage {
  const last = Math.max(1, pageCount);
  if (requested === null || !Number.isSafeInteger(requested) || requested < 1) return { page: 1, beyond: null };
  if (requested > last) return { page: last, beyond: requested };
  return { page: requested, beyond: null };
}
