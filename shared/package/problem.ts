/**
 * Package problems: everything wrong with an alliance package, collected rather than thrown,
 * so the clerk sees every problem of a package at once (package-format.md).
 *
 * - problem: one thing wrong, with a `severity`, a stable `code`, the `path` where it is and a
 *   `message` for the clerk (Chinese, says what is wrong and what to do).
 * - error: the package is refused (not imported).
 * - warning: the package is imported; the clerk and the experts are shown the warning.
 * - path: a zip entry or file name of the package (`证明材料/合同1.pdf`), a manifest JSON path
 *   (`claims.I4.techContracts.items[2].evidence[0]`), or the package itself (its file name).
 *
 * Every code has exactly one severity, fixed in `problemSeverity`: a program can rely on the
 * code alone, and the documentation (docs/package-format.md) lists the same table.
 */

export type Severity = 'error' | 'warning';

/** Problems found while reading the zip or folder (electron/package-reader/). */
export const readerErrorCodes = [
  'package-not-found',
  'package-unreadable',
  'not-a-zip',
  'zip-damaged',
  'entry-damaged',
  'entry-crc-mismatch',
  'entry-size-mismatch',
  'entry-encrypted',
  'entry-unsupported-compression',
  'entry-name-undecodable',
  'entry-name-absolute',
  'entry-name-drive-letter',
  'entry-name-parent',
  'entry-name-nul',
  'entry-name-invalid',
  'entry-name-invisible',
  'entry-name-windows',
  'entry-case-twin',
  'entry-header-mismatch',
  'entry-overlap',
  'entry-link',
  'entry-special-file',
  'entry-duplicate',
  'limit-entry-count',
  'limit-total-size',
  'limit-compression-ratio',
  'limit-package-ratio',
  'limit-manifest-size',
] as const;

/** Problems of manifest.json that refuse the package (shared/package/). */
export const manifestErrorCodes = [
  'manifest-missing',
  'manifest-not-utf8',
  'manifest-not-json',
  'manifest-duplicate-key',
  'field-ill-formed',
  'manifest-not-object',
  'manifest-wrong-format',
  'manifest-wrong-version',
  'field-missing',
  'field-invalid',
  'field-unknown',
  'field-control-character',
  'rubric-unknown',
  'criterion-unknown',
  'claim-wrong-shape',
  'item-id-duplicate',
  'evidence-not-found',
  'evidence-page-out-of-range',
  'self-report-not-found',
] as const;

/** Exactly the warnings package-format.md lists, in its order (the last from the files' bytes, not the manifest). */
export const warningCodes = [
  'criterion-not-for-kind',
  'item-no-evidence',
  'file-not-referenced',
  'item-date-outside-year',
  'indicator-over-cap',
  'file-not-viewable',
] as const;

/**
 * Problems of a self-check workbook (自查表.xlsx) read in place of manifest.json
 * (electron/package-reader/workbook/). Its one warning: a typed value that was ignored.
 */
export const workbookErrorCodes = [
  'workbook-unreadable',
  'workbook-too-large',
  'workbook-range-too-large',
  'workbook-wrong-format',
  'workbook-sheet-missing',
  'workbook-header-missing',
  'workbook-rubric-mismatch',
  'workbook-cell-invalid',
  'workbook-criterion-unknown',
  'workbook-row-orphan',
  'workbook-flag-unanswered',
  'workbook-claim-duplicate',
  'workbook-field-duplicate',
  'workbook-cell-formula',
] as const;

export const workbookWarningCodes = ['workbook-cell-ignored'] as const;

export type ReaderErrorCode = (typeof readerErrorCodes)[number];
export type ManifestErrorCode = (typeof manifestErrorCodes)[number];
export type WarningCode = (typeof warningCodes)[number];
export type WorkbookProblemCode = (typeof workbookErrorCodes)[number] | (typeof workbookWarningCodes)[number];
export type ProblemCode = ReaderErrorCode | ManifestErrorCode | WarningCode | WorkbookProblemCode;

export interface PackageProblem {
  readonly severity: Severity;
  readonly code: ProblemCode;
  readonly path: string;
  readonly message: string;
  /**
   * A warning in the words of the clerk and the experts, who read it at import and beside the
   * claim: no field names, no manifest.json (a workbook package has none). `message`, written for
   * whoever fixes the package, is what `validate` prints; absent when the two are the same.
   */
  readonly forReader?: string | undefined;
  /** 1-based position in manifest.json, when the problem has one. */
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

const warningSet: ReadonlySet<string> = new Set([...warningCodes, ...workbookWarningCodes]);

export function problemSeverity(code: ProblemCode): Severity {
  return warningSet.has(code) ? 'warning' : 'error';
}

export function problem(
  code: ProblemCode,
  path: string,
  message: string,
  position?: { readonly line: number; readonly column: number },
): PackageProblem {
  const base = { severity: problemSeverity(code), code, path, message };
  return position ? { ...base, line: position.line, column: position.column } : base;
}

export function hasErrors(problems: readonly PackageProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}


/**
 * Appends `more` to `problems` one at a time. `push(...more)` passes each problem as an
 * argument, and a manifest of 200 000 items can have more problems than the stack holds
 * arguments ("Maximum call stack size exceeded").
 */
export function appendProblems(problems: PackageProblem[], more: readonly PackageProblem[]): void {
  for (const p of more) problems.push(p);
}
