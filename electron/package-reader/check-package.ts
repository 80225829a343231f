/**
 * Package check: a package read (read-package.ts) and its manifest validated against the
 * rubric it names (shared/package/validate-manifest.ts), as one answer: valid or not, every
 * problem, and the validated manifest. What `validate`, `self-score` and the importer use.
 *
 * - valid: no error among all the problems; warnings are allowed.
 */
import { TextDecoder } from 'node:util';
import type { Manifest } from '../../shared/package/manifest.ts';
import { hasErrors, problem, type PackageProblem } from '../../shared/package/problem.ts';
import { utf16Order } from '../../shared/package/utf16.ts';
import { manifestRubricId, parseManifestText, validateParsedManifest } from '../../shared/package/validate-manifest.ts';
import type { Rubric } from '../../shared/rubric/types.ts';
import { defaultRubricDir, knownRubricIds, loadRubric } from '../rubrics/load-rubric.ts';
import { MANIFEST_PATH, readPackage, type PackageReading, type ReadPackageOptions } from './read-package.ts';

/** The rubric the self-check workbook template is built from (`alliance-review template`). */
const WORKBOOK_RUBRIC_ID = 'hefei-2017';

export interface ManifestCheck {
  /**
   * The manifest, when it has no error. The package may still be invalid for the reader's
   * errors (a damaged evidence file): only `PackageCheck.valid` says whether it is.
   */
  readonly manifest: Manifest | null;
  readonly rubric: Rubric | null;
  readonly problems: readonly PackageProblem[];
  /**
   * The declaration as written (manifest.json parsed, or the workbook converted), errors and
   * all; absent when it could not be read. Unchecked: only for naming what a refusal is about
   * (the alliance, an item's title), never for storing.
   */
  readonly declared?: unknown;
}

export interface PackageCheck extends ManifestCheck {
  readonly reading: PackageReading;
  /** Reader problems, then manifest problems. */
  readonly problems: readonly PackageProblem[];
  readonly valid: boolean;
}

export interface CheckOptions {
  /** Where the rubric files are; default `resources/rubrics`. */
  readonly rubricDir?: string | undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Validates the manifest of a package already read; the reader's own problems are not repeated. */
export async function checkReading(reading: PackageReading, options: CheckOptions = {}): Promise<ManifestCheck> {
  const none = (problems: readonly PackageProblem[]): ManifestCheck => ({ manifest: null, rubric: null, problems });
  if (reading.manifest === null && reading.workbook !== null) return checkWorkbook(reading, reading.workbook, options);
  if (reading.manifest === null) return none([]);
  if (utf16Order(reading.manifest) !== null) {
    return none([
      problem(
        'manifest-not-utf8',
        MANIFEST_PATH,
        'manifest.json 是 UTF-16 编码，请另存为 UTF-8：用记事本打开它，“另存为”时把编码选为 UTF-8（不要选“Unicode”），再重新打包。',
      ),
    ]);
  }
  let text: string;
  try {
    text = utf8.decode(reading.manifest);
  } catch {
    return none([
      problem(
        'manifest-not-utf8',
        MANIFEST_PATH,
        'manifest.json 不是 UTF-8 编码（可能保存成了 ANSI/GBK）。请用记事本打开它，“另存为”时把编码选为 UTF-8，再重新打包。',
      ),
    ]);
  }
  const parsed = parseManifestText(text);
  if (!parsed.ok) return none(parsed.problems);
  const dir = options.rubricDir ?? defaultRubricDir;
  const rubricId = manifestRubricId(parsed.parsed);
  const rubric = rubricId === null ? undefined : await loadRubric(rubricId, dir);
  const known = rubric === undefined ? await knownRubricIds(dir) : undefined;
  const validation = validateParsedManifest(parsed.parsed, {
    files: reading.listed,
    rubricFor: (id) => (id === rubricId ? rubric : undefined),
    knownRubricIds: known,
    inspections: reading.inspections,
  });
  return { ...validation, declared: parsed.parsed.value };
}

/**
 * A package whose declaration is a filled self-check workbook: converted to the manifest it
 * stands for, then validated exactly as that manifest would be, with the validator's
 * problems moved onto the workbook's cells where they came from.
 */
async function checkWorkbook(
  reading: PackageReading,
  workbook: { readonly path: string; readonly bytes: Uint8Array },
  options: CheckOptions,
): Promise<ManifestCheck> {
  const dir = options.rubricDir ?? defaultRubricDir;
  // The workbook names its rubric inside; the template is built for the program's rubric.
  const rubric = await loadRubric(WORKBOOK_RUBRIC_ID, dir);
  if (rubric === undefined) throw new Error(`the workbook's rubric ${WORKBOOK_RUBRIC_ID} is not installed in ${dir}`);
  // exceljs runs in a capped worker: a workbook that expands costs a refusal, not the process.
  const { readWorkbook } = await import('./workbook/read-workbook.ts');
  const { relocateProblems } = await import('./workbook/relocate-problems.ts');
  const conversion = await readWorkbook(workbook.bytes, rubric, { fileName: workbook.path });
  const converted: PackageProblem[] = conversion.problems.map((p) => problem(p.code, p.path, p.message));
  if (conversion.manifest === null) return { manifest: null, rubric: null, problems: converted };
  const rubricId = typeof conversion.manifest['rubric'] === 'string' ? conversion.manifest['rubric'] : null;
  const named = rubricId === null ? undefined : await loadRubric(rubricId, dir);
  const validation = validateParsedManifest(
    { value: conversion.manifest, positions: new Map(), duplicateKeys: [] },
    {
      files: reading.listed,
      rubricFor: (id) => (id === rubricId ? named : undefined),
      knownRubricIds: named === undefined ? await knownRubricIds(dir) : undefined,
      declarationFile: workbook.path,
      inspections: reading.inspections,
    },
  );
  return {
    manifest: validation.manifest,
    rubric: validation.rubric,
    problems: [...converted, ...relocateProblems(conversion, validation.problems)],
    declared: conversion.manifest,
  };
}

/** Reads a package (zip or folder) and validates it: every problem at once. */
export async function checkPackage(path: string, options: ReadPackageOptions & CheckOptions = {}): Promise<PackageCheck> {
  const reading = await readPackage(path, options);
  const checked = await checkReading(reading, options);
  const problems = [...reading.problems, ...checked.problems];
  return { reading, manifest: checked.manifest, rubric: checked.rubric, problems, valid: !hasErrors(problems), declared: checked.declared };
}
