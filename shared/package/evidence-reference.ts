/**
 * Evidence reference: one string of a claim's `evidence` list. It names a file of the package
 * (a package path, package-path.ts) and, for a paged file (PDF, TIFF, OFD), may name the page
 * where the item's proof is: `证明材料/合同汇编.pdf#page=3` (package-format.md, "evidence path").
 * The 自查表 workbook may also write the page as `证明材料/合同汇编.pdf 第3页`; the workbook reader
 * turns that into the `#page=N` form, so everything after it sees one form.
 *
 * - target: the file's path and its page (1-based), or null when the reference names no page.
 */

export interface EvidenceTarget {
  /** The package path as written (not yet normalised, see normalizePackagePath). */
  readonly path: string;
  /** 1-based page, or null: the reference names the whole file. */
  readonly page: number | null;
}

export type EvidenceReferenceParse =
  | ({ readonly ok: true } & EvidenceTarget)
  /** `#page=` followed by something that is not a whole number ≥ 1; `path` is the part before it. */
  | { readonly ok: false; readonly path: string; readonly pageText: string };

const PAGE_SUFFIX = /#page=([^#/]*)$/;

/** Splits `a.pdf#page=3` into its path and page. A reference without `#page=` names the whole file. */
export function parseEvidenceReference(value: string): EvidenceReferenceParse {
  const match = PAGE_SUFFIX.exec(value);
  if (match === null) return { ok: true, path: value, page: null };
  const path = value.slice(0, match.index);
  const pageText = match[1] ?? '';
  if (!/^[1-9][0-9]*$/.test(pageText) || !Number.isSafeInteger(Number(pageText))) {
    return { ok: false, path, pageText };
  }
  return { ok: true, path, page: Number(pageText) };
}

/** The reference for a file and page, in the manifest's form. */
export function formatEvidenceReference(target: EvidenceTarget): string {
  return target.page === null ? target.path : `${target.path}#page=${target.page}`;
}

const WORKBOOK_PAGE = /^(.*?)\s+第\s*([0-9]+)\s*页$/u;

/**
 * A workbook cell's reference in the manifest's form: `a.pdf 第3页` → `a.pdf#page=3`; anything
 * else unchanged (so `a.pdf#page=3` stays, and a bad page is reported by the manifest's check).
 */
export function workbookEvidenceReference(cell: string): string {
  const match = WORKBOOK_PAGE.exec(cell.trim());
  if (match === null) return cell;
  return `${match[1] ?? ''}#page=${String(Number(match[2]))}`;
}
