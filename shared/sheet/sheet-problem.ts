/**
 * Sheet problems: everything that stops an expert sheet from counting, as data.
 *
 * - sheet problem: one thing wrong with one sheet, with a stable `code`, the `path` inside the
 *   sheet where it is (`reviews[0].decisions.I1.council.reason`, or `(root)`) and a `message`
 *   for the chair or the expert, in Chinese with the English key words of the docs.
 * - source: the file (or other origin) the sheet came from; whoever reads the file adds it, so
 *   the pure checks here never need to know about files.
 *
 * Codes are grouped by who finds them: reading and format checks (parse-sheet.ts), the
 * signature (electron/sheets/), the packages (check-sheet-against-packages.ts).
 */

export const sheetFormatCodes = [
  /** The file could not be read, is larger than any sheet can be, or is not UTF-8 text. */
  'file-unreadable',
  'file-too-large',
  'not-utf8',
  /** The file is not JSON, or a JSON object repeats a key. */
  'not-json',
  'duplicate-key',
  /** Not an expert sheet at all: `format` is missing or names another format. */
  'not-a-sheet',
  /** An expert sheet of a version this program does not read. */
  'sheet-wrong-version',
  'field-missing',
  'field-invalid',
  'field-unknown',
  /** A key or value with a lone UTF-16 surrogate (`"\ud800"`): it cannot be stored, hashed or signed. */
  'field-ill-formed',
  /** A control, bidi or zero-width character in a name or id, or other than a line break in a comment or reason. */
  'field-control-character',
  /** Two reviews of one alliance in one sheet. */
  'review-duplicate',
  /** A recused review with decisions or overrides, or without a reason in `comment`. */
  'recused-with-decisions',
  'recused-without-reason',
  /** A review that is not recused and has no `decisions`. */
  'decisions-missing',
  'hand-signature-invalid',
  'hand-signature-too-large',
  /** Format 2: a recusal declared at sign-in whose alliance is not a recused review. */
  'sign-in-recusal-not-recused',
  /** Format 2: an explanation of a criterion the review does not decide. */
  'explanation-without-decision',
] as const;

export const sheetSignatureCodes = [
  /** `signature.publicKey` is not an Ed25519 public key. */
  'public-key-invalid',
  /** The signature does not verify: a changed byte, another key, or a forged sheet. */
  'signature-invalid',
] as const;

export const sheetPackageCodes = [
  'year-mismatch',
  'rubric-mismatch',
  /** A review of an alliance for which no package was given. */
  'alliance-without-package',
  /** A review whose `packageDigest` is none of the given packages of its alliance. */
  'package-digest-unknown',
  /** Something the package claims is still undecided. */
  'review-incomplete',
  /** A decision or override breaks the rules (unknown item, rejection without reason, …). */
  'review-invalid',
] as const;

export type SheetFormatCode = (typeof sheetFormatCodes)[number];
export type SheetSignatureCode = (typeof sheetSignatureCodes)[number];
export type SheetPackageCode = (typeof sheetPackageCodes)[number];
export type SheetProblemCode = SheetFormatCode | SheetSignatureCode | SheetPackageCode;

export interface SheetProblem {
  readonly code: SheetProblemCode;
  /** Where in the sheet: a JSON path, `(root)` for the whole sheet. */
  readonly path: string;
  readonly message: string;
  /** For `not-json` and `duplicate-key`: 1-based position in the file. */
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

export const ROOT_PATH = '(root)';

export function sheetProblem(code: SheetProblemCode, path: string, message: string): SheetProblem {
  return { code, path, message };
}

/** One line for a person: `<path>: <message>`, or `第 3 行第 5 列: …` for JSON syntax. */
export function describeSheetProblem(problem: SheetProblem): string {
  const where =
    problem.line !== undefined && problem.column !== undefined
      ? `第 ${problem.line} 行第 ${problem.column} 列 (line ${problem.line}, column ${problem.column})`
      : problem.path;
  return `${where}: ${problem.message}`;
}

/**
 * A JSON path as the docs write it: `reviews[0].decisions.I1.council` (criterion ids keep their
 * dot, as package-format.md writes `claims.I4.techContracts.items[2]`).
 */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? ROOT_PATH : text;
}
