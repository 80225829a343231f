/**
 * Workbook problems: what is wrong with a filled self-check workbook, found while turning it
 * into a manifest, each named by the cell where it is (`联盟工作任务!H12`) so the alliance can
 * find it in Excel.
 *
 * - workbook problem: like a package problem (shared/package/problem.ts), with a `code` of its
 *   own; `field` names the manifest path the problem is about, when the converter left that
 *   field out of the manifest because of it (so the manifest validator's "missing field" for
 *   the same thing can be dropped, see relocate-problems.ts).
 * - error: the package cannot be imported until the workbook is fixed.
 * - warning: a typed value was ignored; the package imports as the manifest says.
 *
 * The converter reports only what is particular to the workbook (a cell it cannot read, a row
 * it cannot place). Everything a manifest.json could get wrong too (a missing name, an evidence
 * file not in the package) is left to the manifest validator, whose problems the reader moves
 * onto cells with `relocateProblems`.
 */

import { workbookWarningCodes, type WorkbookProblemCode } from '../../../shared/package/problem.ts';

export { workbookErrorCodes, workbookWarningCodes, type WorkbookProblemCode } from '../../../shared/package/problem.ts';

export interface WorkbookProblem {
  readonly severity: 'error' | 'warning';
  readonly code: WorkbookProblemCode;
  /** `sheet!cell` (`联盟工作任务!H12`), a sheet name, or the workbook's file name. */
  readonly path: string;
  /** Chinese, for the clerk and the alliance: what is wrong and what to do. */
  readonly message: string;
  /** The manifest path left out because of this problem (`claims.I4.techContracts.items[0].date`). */
  readonly field?: string | undefined;
}

const warnings: ReadonlySet<string> = new Set(workbookWarningCodes);

export function workbookProblem(code: WorkbookProblemCode, path: string, message: string, field?: string): WorkbookProblem {
  const severity = warnings.has(code) ? 'warning' : 'error';
  return field === undefined ? { severity, code, path, message } : { severity, code, path, message, field };
}
