/**
 * Merging files: what `merge` does with the paths it is given, before and around the pure
 * merge (shared/result/merge-sheets.ts): read and check every package (electron/package-reader/),
 * read and verify every sheet, read every paper sheet file (shared/paper/paper-sheet-file.ts),
 * read last year's grades (a result file of any version, or the bureau's .xlsx / .csv list:
 * electron/previous-year/read-previous-file.ts), then merge.
 *
 * - source: a path as the caller gave it, used in every message; files are read at the path
 *   resolved against `cwd`.
 * - file problems: a package that is not valid, a sheet that does not verify, a previous result
 *   that is not one. When there are any, the merge does not run (a missing sheet would make
 *   alliances look unreviewed), but each verified sheet is still checked against the packages,
 *   so the chair sees every problem of every file in one run.
 *
 * Nothing is written anywhere; the caller prints the outcome.
 */
import { resolve } from 'node:path';
import type { PanelMethod } from '../../shared/panel/types.ts';
import type { MergeProblem } from '../../shared/result/merge-problem.ts';
import type { MergeOutcome, MergePackage, VerifiedSheet } from '../../shared/result/merge-sheets.ts';
import { mergeSheets } from '../../shared/result/merge-sheets.ts';
import type { PreviousGrades } from '../../shared/result/previous-grades.ts';
import type { Rubric } from '../../shared/rubric/types.ts';
import { checkSheetAgainstPackages } from '../../shared/sheet/check-sheet-against-packages.ts';
import { checkPackage } from '../package-reader/check-package.ts';
import type { PreviousFileKind } from '../previous-year/read-previous-file.ts';
import { readPreviousFile } from '../previous-year/read-previous-file.ts';
import type { PaperSheet } from '../../shared/result/paper-sheet.ts';
import { readPaperSheetFile, readSheetFile } from './read-sheet-file.ts';

export interface MergeFilesRequest {
  readonly cwd: string;
  readonly packages: readonly string[];
  readonly sheets: readonly string[];
  /** Paper sheet files (`*.paper.json`), typed in from paper; none when absent. */
  readonly paper?: readonly string[] | undefined;
  readonly previous?: string | null | undefined;
  readonly method?: PanelMethod | undefined;
  readonly deviationThreshold?: number | undefined;
  readonly budgetYuan?: number | null | undefined;
}

export type MergeFilesOutcome =
  | (MergeOutcome & {
      readonly ok: true;
      readonly rubric: Rubric;
      /** The packages read, for the result documents' details (claims, evidence). */
      readonly packages: readonly MergePackage[];
      /** What `--previous` was read as; `year` the year its grades were taken as. Null without `--previous`. */
      readonly previous: { readonly source: string; readonly kind: PreviousFileKind; readonly year: number } | null;
    })
  | {
  readonly ok: false;
  readonly problems: readonly MergeProblem[];
};

export async function mergeFiles(request: MergeFilesRequest): Promise<MergeFilesOutcome> {
  const problems: MergeProblem[] = [];
  const at = (path: string): string => resolve(request.cwd, path);

  const packages: MergePackage[] = [];
  let rubric: Rubric | null = null;
  // Reading a package waits on the disk most of the time: a few at once keep the CPU busy,
  // and the results are used in the order given, so the output does not depend on timing.
  const checks = await mapInOrder(request.packages, 4, (source) => checkPackage(at(source)));
  for (const [index, source] of request.packages.entries()) {
    const check = checks[index]!;
    const errors = check.problems.filter((problem) => problem.severity === 'error');
    if (!check.valid || check.manifest === null || check.rubric === null || check.reading.digest === null) {
      for (const error of errors) {
        problems.push({
          code: 'package-invalid',
          source,
          path: error.path === '' ? '(root)' : error.path,
          message: `材料包无效 [${error.code}]：${error.message}`,
          line: error.line,
          column: error.column,
        });
      }
      if (errors.length === 0) {
        problems.push({ code: 'package-invalid', source, path: '(root)', message: '材料包无效 (invalid package)' });
      }
      continue;
    }
    rubric ??= check.rubric;
    const manifest = check.manifest;
    packages.push({
      source,
      digest: check.reading.digest,
      year: manifest.year,
      rubricId: manifest.rubric,
      allianceId: manifest.alliance.id,
      allianceName: manifest.alliance.name,
      claims: manifest.claims,
    });
  }

  const sheets: VerifiedSheet[] = [];
  const sheetReads = await mapInOrder(request.sheets, 4, (source) => readSheetFile(at(source)));
  for (const [index, source] of request.sheets.entries()) {
    const { verification } = sheetReads[index]!;
    if (verification.ok && verification.sheet !== null && verification.fingerprint !== null) {
      sheets.push({ source, sheet: verification.sheet, fingerprint: verification.fingerprint });
    } else {
      for (const problem of verification.problems) problems.push({ ...problem, source });
    }
  }

  const paperSheets: PaperSheet[] = [];
  const paperReads = await mapInOrder(request.paper ?? [], 4, (source) => readPaperSheetFile(at(source), source));
  for (const [index, source] of (request.paper ?? []).entries()) {
    const read = paperReads[index]!;
    if (read.ok) paperSheets.push(read.paper);
    else for (const problem of read.problems) problems.push({ ...problem, source });
  }

  let previous: { grades: PreviousGrades; kind: PreviousFileKind } | null = null;
  if (request.previous !== undefined && request.previous !== null) {
    const read = await readPreviousFile(at(request.previous), request.previous);
    if (!read.ok) problems.push(...read.problems);
    else previous = { grades: read.previous, kind: read.kind };
  }

  if (problems.length > 0 || rubric === null) {
    if (rubric !== null) {
      for (const input of [...sheets, ...paperSheets]) {
        for (const problem of checkSheetAgainstPackages(input.sheet, packages, rubric)) {
          problems.push({ ...problem, source: input.source });
        }
      }
    }
    if (problems.length === 0) {
      problems.push({ code: 'no-packages', source: null, path: '(root)', message: '没有给出任何材料包 (no packages)' });
    }
    return { ok: false, problems };
  }

  const outcome = mergeSheets(rubric, packages, sheets, {
    method: request.method,
    deviationThreshold: request.deviationThreshold,
    budgetYuan: request.budgetYuan,
    previous: previous?.grades ?? null,
    paperSheets,
  });
  if (!outcome.ok) return outcome;
  const taken = previous === null ? null : { source: previous.grades.source, kind: previous.kind, year: previous.grades.year ?? outcome.result.year - 1 };
  return { ...outcome, rubric, packages, previous: taken };
}

/** `work` over every item with at most `limit` running at once; results in the items' order. */
async function mapInOrder<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
