/**
 * Merge problems: why the chair's merge refuses to produce a result (sheets-and-results.md:
 * "merge refuses, with exit 1 and a clear message, and writes nothing").
 *
 * - merge problem: one reason, naming the file (`source`) it is about, where in it (`path`)
 *   and what is wrong, in Chinese with the English key words. A sheet's own problems (format,
 *   signature, packages) keep their sheet problem code; problems across sheets and packages
 *   have the codes below.
 */
import type { SheetProblemCode } from '../sheet/sheet-problem.ts';

export const mergeProblemCodes = [
  /** No package given; nothing to merge. */
  'no-packages',
  /** Packages of different years or rubrics in one merge. */
  'packages-mixed',
  /** A package that is not valid (package-format.md errors); its own problems follow. */
  'package-invalid',
  /** Two different sheets (not the same file twice) from one expert id. */
  'expert-two-sheets',
  /** One expert id signed with two different keys. */
  'expert-two-keys',
  /** One key signing sheets of two expert ids. */
  'key-two-experts',
  /** Experts scored different versions (digests) of one alliance's package. */
  'alliance-versions-differ',
  /** A package that no sheet reviews (not even as a recusal). */
  'alliance-not-reviewed',
  /** `--previous` is not a result file of format 1, or not of the year before. */
  'previous-invalid',
] as const;

export type MergeProblemCode = (typeof mergeProblemCodes)[number];

export interface MergeProblem {
  readonly code: MergeProblemCode | SheetProblemCode;
  /** The file (sheet, package, previous result) concerned; null when the merge as a whole is. */
  readonly source: string | null;
  /** Where inside `source`; `(root)` for the whole file. */
  readonly path: string;
  readonly message: string;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

/** One line for a person: `E01.sheet.json: reviews[0].packageDigest: …`. */
export function describeMergeProblem(problem: MergeProblem): string {
  const at =
    problem.line !== undefined && problem.column !== undefined
      ? `第 ${problem.line} 行第 ${problem.column} 列`
      : problem.path;
  const where = [problem.source, at === '(root)' ? null : at].filter((part): part is string => part !== null && part !== '');
  return where.length === 0 ? problem.message : `${where.join(': ')}: ${problem.message}`;
}
