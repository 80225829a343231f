/**
 * Finding the workbook: which file of a package is its self-check workbook, for a package
 * that has no manifest.json at its root.
 *
 * - workbook file: a root-level file named `自查表.xlsx`; failing that, the one root-level file
 *   whose name ends in `自查表.xlsx` (alliances prefix their name: `智能语音联盟自查表.xlsx`).
 *   Excel's lock files (`~$自查表.xlsx`, left beside a workbook that is open) are never it.
 *
 * Paths are package paths (NFC, `/`-separated, after the top-level-folder rule).
 */
import { WORKBOOK_FILE_NAME } from './workbook-layout.ts';

export type WorkbookSearch =
  | { readonly kind: 'found'; readonly path: string }
  | { readonly kind: 'none' }
  /** Several candidates and none named exactly `自查表.xlsx`: the clerk must ask which one. */
  | { readonly kind: 'ambiguous'; readonly paths: readonly string[] };

export function findWorkbook(paths: Iterable<string>): WorkbookSearch {
  const candidates: string[] = [];
  for (const path of paths) {
    if (path.includes('/') || path.startsWith('~$')) continue;
    if (path === WORKBOOK_FILE_NAME) return { kind: 'found', path };
    if (path.toLowerCase().endsWith(WORKBOOK_FILE_NAME)) candidates.push(path);
  }
  const [only, ...others] = candidates;
  if (only === undefined) return { kind: 'none' };
  return others.length === 0 ? { kind: 'found', path: only } : { kind: 'ambiguous', paths: candidates.sort() };
}
