/**
 * Manifest validation (package-format.md): manifest.json's text and the list
 * of the package's files in; every error and warning, and the validated manifest when there
 * is no error, out. Pure: the reader (electron/package-reader/) supplies the text and the files, and
 * the caller supplies the rubric the manifest names.
 *
 * Steps: JSON syntax (line and column) and duplicate keys; the format and version (a manifest
 * of another format or version stops here, since every later message would be noise); the
 * header schema; the rubric; each claim against its criterion; evidence paths and `selfReport`
 * against the files; then the warnings.
 */
import { indexRubric } from '../rubric/rubric-index.ts';
import type { AllianceKind, Claim, Claims, Rubric } from '../rubric/types.ts';
import type { EvidenceInspection } from '../evidence/evidence-inspection.ts';
import { evidenceTypeNames, isPagedType } from '../evidence/evidence-type.ts';
import { checkClaims, isPlainObject, type EvidenceReference } from './check-claims.ts';
import { parseEvidenceReference } from './evidence-reference.ts';
import { formatJsonPath, type JsonPathSegment } from './json-path.ts';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, type Manifest } from './manifest.ts';
import { headerSchema } from './manifest-schema.ts';
import { MANIFEST_FILE, manifestWarnings } from './manifest-warnings.ts';
import { indexPackageFiles, lookUpPackageFile } from './package-files.ts';
import { normalizePackagePath } from './package-path.ts';
import { parseJson, type DuplicateKey, type TextPosition } from './parse-json.ts';
import { appendProblems, hasErrors, problem, type PackageProblem } from './problem.ts';
import { illFormedProblem, schemaProblems, showValue } from './schema-problems.ts';

export interface ParsedManifestText {
  readonly value: unknown;
  readonly positions: ReadonlyMap<string, TextPosition>;
  readonly duplicateKeys: readonly DuplicateKey[];
}

export type ManifestTextResult =
  | { readonly ok: true; readonly parsed: ParsedManifestText }
  | { readonly ok: false; readonly problems: readonly PackageProblem[] };

export function parseManifestText(text: string): ManifestTextResult {
  const result = parseJson(text);
  if (!result.ok && result.illFormed !== undefined) {
    const { strings, value } = result.illFormed;
    return {
      ok: false,
      problems: strings.map((s) => illFormedProblem(s.segments, value, s.codePoint, s.position, s.isKey)),
    };
  }
  if (!result.ok) {
    const { line, column } = result.position;
    return {
      ok: false,
      problems: [
        problem(
          'manifest-not-json',
          MANIFEST_FILE,
          `manifest.json 不是有效的 JSON：第 ${line} 行第 ${column} 列，${result.message}。请用文本编辑器（如记事本）改正后重新打包。`,
          result.position,
        ),
      ],
    };
  }
  return { ok: true, parsed: { value: result.value, positions: result.positions, duplicateKeys: result.duplicateKeys } };
}

/** The rubric id a manifest names, if it names one, so the caller can load that rubric. */
export function manifestRubricId(parsed: ParsedManifestText): string | null {
  const value = parsed.value;
  if (!isPlainObject(value)) return null;
  const rubric = value['rubric'];
  return typeof rubric === 'string' ? rubric : null;
}

export interface ManifestContext {
  /** Package paths of every file of the package (NFC, `/`-separated). */
  readonly files: readonly string[];
  /** The rubric with this id, or undefined when the program knows none by it. */
  readonly rubricFor: (id: string) => Rubric | undefined;
  /** Ids of the rubrics the program knows, for the message when one is unknown. */
  readonly knownRubricIds?: readonly string[] | undefined;
  /**
   * The file the declaration was read from when it is not manifest.json (a self-check
   * workbook): it is named by the package itself, never an unreferenced file.
   */
  readonly declarationFile?: string | undefined;
  /**
   * What the inspection of each file's bytes found (electron/package-reader/inspect-evidence.ts),
   * by package path: its pages for `#page=N`, its problem for `file-not-viewable`. A file
   * without an entry (not read, or no inspection given) is not checked for either.
   */
  readonly inspections?: ReadonlyMap<string, Pick<EvidenceInspection, 'type' | 'pages' | 'problem'>> | undefined;
}

export interface ManifestValidation {
  /** The manifest with normalised paths, when there is no error. */
  readonly manifest: Manifest | null;
  /** The rubric the manifest names, when the program knows it. */
  readonly rubric: Rubric | null;
  readonly problems: readonly PackageProblem[];
}

/** Validates manifest.json's text (BOM tolerated). */
export function validateManifest(text: string, context: ManifestContext): ManifestValidation {
  const parsed = parseManifestText(text);
  if (!parsed.ok) return { manifest: null, rubric: null, problems: parsed.problems };
  return validateParsedManifest(parsed.parsed, context);
}

export function validateParsedManifest(parsed: ParsedManifestText, context: ManifestContext): ManifestValidation {
  const root = parsed.value;
  const positionOf = (path: readonly JsonPathSegment[]): TextPosition | undefined => {
    for (let end = path.length; end >= 0; end -= 1) {
      const position = parsed.positions.get(formatJsonPath(path.slice(0, end)));
      if (position !== undefined) return position;
    }
    return undefined;
  };
  const problems: PackageProblem[] = parsed.duplicateKeys.map((duplicate) =>
    problem(
      'manifest-duplicate-key',
      duplicate.path,
      `“${duplicate.key}”在同一层写了两次，只有后一个会被读到，前一个的内容会丢失。请把两处合并成一个。`,
      duplicate.position,
    ),
  );
  const none = (): ManifestValidation => ({ manifest: null, rubric: null, problems });

  if (!isPlainObject(root)) {
    problems.push(
      problem(
        'manifest-not-object',
        MANIFEST_FILE,
        `manifest.json 的最外层应是一个对象 { "format": …, "year": …, … }；现在是 ${showValue(root)}。请按《联盟材料包格式》填写。`,
        positionOf([]),
      ),
    );
    return none();
  }

  const format = root['format'];
  const version = root['version'];
  if (format !== PACKAGE_FORMAT) {
    problems.push(
      problem(
        'manifest-wrong-format',
        'format',
        `format 应为 "${PACKAGE_FORMAT}"，现在${format === undefined ? '没有写' : `是 ${showValue(format)}`}。这可能不是联盟材料包的申报清单；请按《联盟材料包格式》填写 manifest.json。`,
        positionOf(['format']),
      ),
    );
  }
  if (version !== PACKAGE_FORMAT_VERSION) {
    problems.push(
      problem(
        'manifest-wrong-version',
        'version',
        `本程序读取第 ${PACKAGE_FORMAT_VERSION} 版材料包（"version": ${PACKAGE_FORMAT_VERSION}），这个包${version === undefined ? '没有写 version' : `是 ${showValue(version)}`}。请按本程序配套的《联盟材料包格式》重新生成 manifest.json，或使用更新版本的程序。`,
        positionOf(['version']),
      ),
    );
  }
  if (problems.some((p) => p.code === 'manifest-wrong-format' || p.code === 'manifest-wrong-version')) return none();

  const header = headerSchema.safeParse(root);
  if (!header.success) appendProblems(problems, schemaProblems(header.error.issues, [], { root, positionOf }));

  const rubricId = root['rubric'];
  let rubric: Rubric | null = null;
  if (typeof rubricId === 'string' && rubricId.trim() !== '') {
    rubric = context.rubricFor(rubricId) ?? null;
    if (rubric === null) {
      const known = context.knownRubricIds?.length ? `本程序认识的评分细则：${context.knownRubricIds.join('、')}。` : '';
      problems.push(
        problem(
          'rubric-unknown',
          'rubric',
          `本程序不认识评分细则“${rubricId}”。${known}请改正 rubric，或使用包含该评分细则的程序版本。`,
          positionOf(['rubric']),
        ),
      );
    }
  }

  const files = indexPackageFiles(context.files);
  const namedFiles = new Set<string>(context.declarationFile === undefined ? [] : [context.declarationFile]);
  const resolve = (reference: EvidenceReference, code: 'evidence-not-found' | 'self-report-not-found'): string | null => {
    const where = formatJsonPath(reference.path);
    const at = positionOf(reference.path);
    const parsed = parseEvidenceReference(reference.value);
    const found = lookUpPackageFile(parsed.path, files);
    const page = parsed.ok ? parsed.page : null;
    const pageWritten = parsed.ok ? (page === null ? null : `#page=${page}`) : `#page=${parsed.pageText}`;
    if (code === 'self-report-not-found' && pageWritten !== null) {
      problems.push(
        problem(
          'field-invalid',
          where,
          `selfReport 指整份自查报告，不能写页码；现在是“${reference.value}”。请去掉“${pageWritten}”，写成“${parsed.path}”。`,
          at,
        ),
      );
    } else if (!parsed.ok) {
      problems.push(
        problem(
          'field-invalid',
          where,
          `“${where}”的页码写得不对：“${pageWritten ?? ''}”。页码应是从 1 开始的整数（不带前导零），如“${parsed.path}#page=3”；要引用整个文件就去掉“#page=…”。`,
          at,
        ),
      );
    }
    if (!found.ok) {
      const what = code === 'self-report-not-found' ? '自查报告' : '证明材料';
      const named = parsed.path === reference.value ? `“${reference.value}”` : `“${parsed.path}”（${reference.value}）`;
      problems.push(
        problem(
          code,
          where,
          `${what}${named}在包里找不到。${found.hint}请把文件放进包里，或改正路径（相对于包的最上层，用“/”分隔，区分大小写）。`,
          at,
        ),
      );
      return null;
    }
    namedFiles.add(found.path);
    const inspection = context.inspections?.get(found.path);
    if (code === 'evidence-not-found' && page !== null && inspection !== undefined) {
      if (!isPagedType(inspection.type)) {
        problems.push(
          problem(
            'evidence-page-out-of-range',
            where,
            `“${found.path}”是${evidenceTypeNames[inspection.type]}，没有页，不能写“#page=${page}”。只有 PDF、TIFF 和 OFD 文件有页码：请去掉“#page=${page}”，或改为引用有页的文件。`,
            at,
          ),
        );
      } else if (inspection.pages !== null && page > inspection.pages) {
        problems.push(
          problem(
            'evidence-page-out-of-range',
            where,
            `“${found.path}”只有 ${inspection.pages} 页，没有第 ${page} 页。请改正页码（1 至 ${inspection.pages}），或换成证明所在的文件。`,
            at,
          ),
        );
      }
    }
    return found.path;
  };

  const selfReport = root['selfReport'];
  let selfReportPath: string | null = null;
  if (typeof selfReport === 'string' && selfReport.trim() !== '') {
    selfReportPath = resolve({ path: ['selfReport'], value: selfReport }, 'self-report-not-found');
  }

  const claims = root['claims'];
  let validClaims: Readonly<Record<string, Claim>> = {};
  if (rubric !== null && isPlainObject(claims)) {
    const checked = checkClaims(claims, rubric, positionOf, root);
    appendProblems(problems, checked.problems);
    validClaims = checked.validClaims;
    for (const reference of checked.evidence) resolve(reference, 'evidence-not-found');
    const kind = header.success ? header.data.alliance.kind : allianceKindOf(root);
    const year = typeof root['year'] === 'number' && Number.isInteger(root['year']) ? root['year'] : null;
    appendProblems(
      problems,
      manifestWarnings({
        rubric,
        kind,
        year,
        validClaims,
        datedItems: checked.datedItems,
        namedFiles,
        files: context.files,
        positionOf,
      }),
    );
  }

  appendProblems(problems, notViewableWarnings(context));

  if (hasErrors(problems) || !header.success || rubric === null || selfReportPath === null) {
    return { manifest: null, rubric, problems };
  }
  const data = header.data;
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_FORMAT_VERSION,
    year: data.year,
    rubric: data.rubric,
    alliance: data.alliance,
    selfReport: selfReportPath,
    claims: normaliseClaims(validClaims, rubric),
  };
  return { manifest, rubric, problems };
}

/** Files experts will not be able to see as they are; the declaration itself is not evidence. */
function notViewableWarnings(context: ManifestContext): PackageProblem[] {
  const warnings: PackageProblem[] = [];
  for (const file of context.files) {
    if (file === MANIFEST_FILE || file === context.declarationFile) continue;
    const found = context.inspections?.get(file)?.problem;
    if (found !== undefined && found !== null) warnings.push(problem('file-not-viewable', file, found.message));
  }
  return warnings;
}

function allianceKindOf(root: Record<string, unknown>): AllianceKind | null {
  const alliance = root['alliance'];
  const kind = isPlainObject(alliance) ? alliance['kind'] : undefined;
  return kind === 'general' || kind === 'incubator' || kind === 'finance' ? kind : null;
}

/** Claims in rubric order with every evidence path in package-path form. */
function normaliseClaims(claims: Readonly<Record<string, Claim>>, rubric: Rubric): Claims {
  const result: Record<string, Claim> = {};
  for (const id of indexRubric(rubric).criteria.keys()) {
    const claim = Object.prototype.hasOwnProperty.call(claims, id) ? claims[id] : undefined;
    if (claim === undefined) continue;
    result[id] = normaliseEvidence(claim);
  }
  return result;
}

function normaliseEvidence<T extends Claim>(claim: T): T {
  const fix = (list: readonly string[]): string[] => list.map(normalizePackagePath);
  const out: Record<string, unknown> = { ...claim };
  if (Array.isArray(out['evidence'])) out['evidence'] = fix(out['evidence'] as string[]);
  if (Array.isArray(out['items'])) {
    out['items'] = (out['items'] as Record<string, unknown>[]).map((item) => ({
      ...item,
      evidence: fix(item['evidence'] as string[]),
    }));
  }
  return out as T;
}
