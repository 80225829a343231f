/**
 * Relocating problems: the manifest validator names a problem by its manifest path
 * (`claims.I4.techContracts.items[2].evidence[0]`); for a package that came as a workbook, the
 * alliance needs the cell (`联盟工作任务!K16`). The conversion's `cells` map gives it.
 *
 * - located path: the cell of the longest prefix of the path the converter filled (a missing
 *   `title` of an item is shown at that item's row).
 * - covered problem: a validator problem about a field the converter already reported and left
 *   out (an unreadable date), dropped so the alliance reads about it once.
 */
import type { WorkbookConversion } from './workbook-to-manifest.ts';

/** The cell a manifest path came from, or undefined when it came from no cell. */
export function cellOfPath(cells: Readonly<Record<string, string>>, path: string): string | undefined {
  let prefix = path;
  while (prefix !== '') {
    const cell = cells[prefix];
    if (cell !== undefined) return cell;
    const cut = Math.max(prefix.lastIndexOf('['), prefix.lastIndexOf('.'));
    if (cut <= 0) return undefined;
    prefix = prefix.slice(0, cut);
  }
  return undefined;
}

/**
 * The validator's problems with their paths moved onto cells (`联盟工作任务!K16（claims.…）`),
 * without those the conversion already reported. Problems whose path is not a manifest path
 * (a file of the package) are returned unchanged.
 */
export function relocateProblems<P extends { readonly path: string }>(conversion: WorkbookConversion, problems: readonly P[]): P[] {
  const covered = conversion.problems.flatMap((problem) => (problem.field === undefined ? [] : [problem.field]));
  return problems
    .filter((problem) => !covered.some((field) => problem.path === field || problem.path.startsWith(`${field}.`) || problem.path.startsWith(`${field}[`)))
    .map((problem) => {
      const cell = cellOfPath(conversion.cells, problem.path);
      return cell === undefined ? problem : { ...problem, path: `${cell}（${problem.path}）` };
    });
}
