/**
 * Evidence target: what opening one of a claim's evidence references shows, its file and page.
 * A reference may name a page of a compilation (`证明材料/合同汇编.pdf#page=3`,
 * shared/package/evidence-reference.ts): two items citing the same compilation at different
 * pages are two tabs, and each opens at its own page.
 *
 * - page: 1-based, or null when the reference names the whole file (the viewer then opens at
 *   page 1, or stays where it is when that file is already open).
 */
import { parseEvidenceReference } from '../../../shared/package/evidence-reference.ts';

export interface EvidenceTarget {
  /** The reference as the manifest writes it (a tab's identity). */
  readonly reference: string;
  readonly path: string;
  readonly page: number | null;
}

export function evidenceTarget(reference: string): EvidenceTarget {
  const parsed = parseEvidenceReference(reference);
  // A page that is not a whole number is refused by the package checks; if one got through,
  // the file is still worth showing, from its first page.
  return { reference, path: parsed.path, page: parsed.ok ? parsed.page : null };
}

/** `合同汇编.pdf 第3页`: a tab's label, the file's name (not its folders) and the page. */
export function targetLabel(target: EvidenceTarget): string {
  const name = target.path.split('/').pop() ?? target.path;
  return target.page === null ? name : `${name} 第${target.page}页`;
}
