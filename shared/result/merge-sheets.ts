/**
 * Merging sheets: the chair's verified sheets and the packages made into the result of the
 * year (sheets-and-results.md, rubric.md decisions 9–12). The CLI's `merge` and the app's
 * chair console both call this, so they compute the identical result.
 *
 * - verified sheet: a sheet whose signature the caller has verified (electron/sheets/), with
 *   the fingerprint of its key and where it came from (`source`, a file name for messages).
 * - same sheet: two inputs whose whole sheet, signature included, is the same JSON value (the
 *   same file given twice, or copied); it counts once. Ed25519 signatures are deterministic, so
 *   the same content signed again with the same key is also the same sheet.
 * - superseded sheet: an expert who signed again. Choosing the current sheet of each expert is
 *   the caller's work (the chair's import keeps the history); given two different sheets of one
 *   expert id, the merge refuses rather than guess.
 * - paper sheet (`options.paperSheets`): an unsigned sheet typed in twice from paper
 *   (paper-sheet.ts), from the console or from an archived `*.paper.json` (`merge --paper`). It is checked like any sheet, has no key, shows
 *   `fingerprint: "paper"` and adds a `paper-entered` flag to each alliance it reviews.
 *
 * Refusals (every one is returned, and no result): a sheet that does not fit the packages
 * (check-sheet-against-packages.ts: wrong year or rubric, an alliance with no package, a digest
 * matching none of that alliance's packages, an incomplete or invalid review); two different
 * sheets of one expert id; one expert id with two keys; one key for two expert ids; experts
 * scoring different versions of one alliance's package; a package nobody reviewed; packages of
 * different years or rubrics; a previous result that is not of the year before.
 */
import type { Grade, Rubric } from '../rubric/types.ts';
import type { AllianceResult, PanelExpert, PanelFlag, PanelMethod } from '../panel/types.ts';
import type { AllianceInput } from '../panel/alliance-results.ts';
import { buildAllianceResults } from '../panel/alliance-results.ts';
import { unstableFlags } from '../panel/outcome-stability.ts';
import { panelAnalysis } from '../panel/panel-analysis.ts';
import { scoreReview } from '../rubric/score-review.ts';
import type { SheetPackage } from '../sheet/check-sheet-against-packages.ts';
import { checkSheetAgainstPackages, reviewOf } from '../sheet/check-sheet-against-packages.ts';
import type { Sheet, UnsignedSheet } from '../sheet/sheet-schema.ts';
import { canonicalJson } from '../format/canonical-json.ts';
import type { MergeProblem } from './merge-problem.ts';
import type { PaperSheet } from './paper-sheet.ts';
import type { PreviousGrades } from './previous-grades.ts';
import { PAPER_FINGERPRINT, paperEnteredFlag } from './paper-sheet.ts';
import { compareIds } from './result-order.ts';
import type { ResultFile } from './result-schema.ts';
import { RESULT_FORMAT, RESULT_FORMAT_VERSION } from './result-schema.ts';

export interface VerifiedSheet {
  /** Where the sheet came from, for messages (a file path). */
  readonly source: string;
  /** A sheet whose signature has been verified. */
  readonly sheet: Sheet;
  /** Fingerprint of `sheet.signature.publicKey` (`3f9a 0c11 7be2 d405`). */
  readonly fingerprint: string;
}

export interface MergePackage extends SheetPackage {
  /** Where the package came from, for messages. */
  readonly source: string;
}

export interface MergeOptions {
  /** Default `mean`. */
  readonly method?: PanelMethod | undefined;
  /** Points before a `deviation` flag; default 10. */
  readonly deviationThreshold?: number | undefined;
  /** The year's award budget in yuan; absent or null: `award` is null everywhere. */
  readonly budgetYuan?: number | null | undefined;
  /**
   * Last year's grades, for `disqualify` (previous-grades.ts): from a result file, which must be
   * of the year before, or from the bureau's list (`year: null`), taken as the year before.
   */
  readonly previous?: PreviousGrades | null | undefined;
  /** Sheets typed in from paper (no signature): the console's agreed ones, or `merge --paper` files. */
  readonly paperSheets?: readonly PaperSheet[] | undefined;
}

/** A sheet as the checks and the panel see it: signed (with its key) or typed in from paper. */
interface MergeInput {
  readonly source: string;
  readonly sheet: UnsignedSheet;
  readonly fingerprint: string;
  /** The signing key; null for a paper sheet. */
  readonly publicKey: string | null;
}

export interface DuplicateSheet {
  /** The source left out... */
  readonly source: string;
  /** ...because it is the same sheet as this one. */
  readonly sameAs: string;
}

export type MergeOutcome =
  | {
      readonly ok: true;
      readonly result: ResultFile;
      /** The sheets merged, one per expert, in expert id order (for detail sheets and PDFs). */
      readonly sheets: readonly VerifiedSheet[];
      /** The paper sheets merged, in expert id order. */
      readonly paperSheets: readonly PaperSheet[];
      /** Inputs left out because they were the same sheet as another. */
      readonly duplicates: readonly DuplicateSheet[];
      /** The panel's inputs, alliance id order: for analyses beyond the result (agreement by year). */
      readonly alliances: readonly AllianceInput[];
    }
  | { readonly ok: false; readonly problems: readonly MergeProblem[] };

export function mergeSheets(
  rubric: Rubric,
  packageInputs: readonly MergePackage[],
  sheetInputs: readonly VerifiedSheet[],
  options: MergeOptions = {},
): MergeOutcome {
  const problems: MergeProblem[] = [];
  const packages = uniquePackages(packageInputs);
  const year = checkPackages(rubric, packages, problems);

  const { sheets, duplicates } = uniqueSheets(sheetInputs);
  const paperSheets = [...(options.paperSheets ?? [])].sort((a, b) => compareIds(a.sheet.expert.id, b.sheet.expert.id));
  const inputs: MergeInput[] = [
    ...sheets.map((input) => ({ ...input, publicKey: input.sheet.signature.publicKey })),
    ...paperSheets.map((paper) => ({ source: paper.source, sheet: paper.sheet, fingerprint: PAPER_FINGERPRINT, publicKey: null })),
  ];
  for (const input of inputs) {
    for (const problem of checkSheetAgainstPackages(input.sheet, packages, rubric)) {
      problems.push({ ...problem, source: input.source });
    }
  }
  checkExpertsAndKeys(inputs, problems);
  const alliances = allianceInputs(rubric, packages, inputs, problems);
  const previousGrades = previousGradesOf(options.previous, year, problems);

  if (problems.length > 0 || year === null) return { ok: false, problems };

  const method = options.method ?? 'mean';
  const panelOptions = { method, deviationThreshold: options.deviationThreshold, budgetYuan: options.budgetYuan, previousGrades };
  const built = buildAllianceResults(rubric, alliances, panelOptions);
  const result: ResultFile = {
    format: RESULT_FORMAT,
    version: RESULT_FORMAT_VERSION,
    year,
    rubric: rubric.id,
    method,
    alliances: withUnstableFlags(withPaperFlags(built, paperSheets), unstableFlags(rubric, alliances, built, panelOptions)),
    analysis: panelAnalysis(rubric, alliances),
  };
  const merged = [...sheets].sort((a, b) => compareIds(a.sheet.expert.id, b.sheet.expert.id));
  return { ok: true, result, sheets: merged, paperSheets, duplicates, alliances };
}

/** A `paper-entered` flag on every alliance a paper sheet reviews, after the panel's own flags, in expert order. */
function withPaperFlags(alliances: AllianceResult[], paperSheets: readonly PaperSheet[]): AllianceResult[] {
  if (paperSheets.length === 0) return alliances;
  const byExpert = new Map(paperSheets.map((paper) => [paper.sheet.expert.id, paper]));
  return alliances.map((alliance) => {
    const flags = alliance.experts.flatMap((expert) => {
      const paper = byExpert.get(expert.id);
      return paper === undefined ? [] : [paperEnteredFlag(paper)];
    });
    return flags.length === 0 ? alliance : { ...alliance, flags: [...alliance.flags, ...flags] };
  });
}

/** The `unstable` flags after every other flag of their alliance (outcome-stability.ts). */
function withUnstableFlags(alliances: AllianceResult[], unstable: Readonly<Record<string, readonly PanelFlag[]>>): AllianceResult[] {
  return alliances.map((alliance) => {
    const flags = Object.prototype.hasOwnProperty.call(unstable, alliance.allianceId) ? unstable[alliance.allianceId] : undefined;
    return flags === undefined ? alliance : { ...alliance, flags: [...alliance.flags, ...flags] };
  });
}

/** Packages by digest: the same package given twice (a zip and its folder) counts once. */
function uniquePackages(inputs: readonly MergePackage[]): MergePackage[] {
  const byDigest = new Map<string, MergePackage>();
  for (const input of inputs) if (!byDigest.has(input.digest)) byDigest.set(input.digest, input);
  return [...byDigest.values()];
}

/** The year of the packages, or null (with a problem) when there is none or several. */
function checkPackages(rubric: Rubric, packages: readonly MergePackage[], problems: MergeProblem[]): number | null {
  if (packages.length === 0) {
    problems.push({ code: 'no-packages', source: null, path: '(root)', message: '没有给出任何材料包 (no packages)' });
    return null;
  }
  const years = [...new Set(packages.map((input) => input.year))].sort((a, b) => a - b);
  if (years.length > 1) {
    for (const input of packages) {
      problems.push({
        code: 'packages-mixed',
        source: input.source,
        path: 'year',
        message: `材料包年度为 ${input.year}，一次汇总只能包含同一年度（给出的有 ${years.join('、')}）(packages of different years)`,
      });
    }
  }
  for (const input of packages) {
    if (input.rubricId !== rubric.id) {
      problems.push({
        code: 'packages-mixed',
        source: input.source,
        path: 'rubric',
        message: `材料包使用评分细则 ${input.rubricId}，本次汇总使用 ${rubric.id} (packages of different rubrics)`,
      });
    }
  }
  return years.length === 1 ? (years[0] ?? null) : null;
}

/** Sheets with the same whole JSON value (signature included) count once; the first is kept. */
function uniqueSheets(inputs: readonly VerifiedSheet[]): { sheets: VerifiedSheet[]; duplicates: DuplicateSheet[] } {
  const seen = new Map<string, VerifiedSheet>();
  const duplicates: DuplicateSheet[] = [];
  for (const input of inputs) {
    const key = canonicalJson(input.sheet);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, input);
    else duplicates.push({ source: input.source, sameAs: first.source });
  }
  return { sheets: [...seen.values()], duplicates };
}

function checkExpertsAndKeys(sheets: readonly MergeInput[], problems: MergeProblem[]): void {
  const byExpert = groupBy(sheets, (input) => input.sheet.expert.id);
  for (const [expertId, group] of byExpert) {
    if (group.length < 2) continue;
    const keys = new Set(group.flatMap((input) => (input.publicKey === null ? [] : [input.publicKey])));
    const files = group.map((input) => input.source).join('、');
    for (const input of group) {
      if (keys.size > 1) {
        problems.push({
          code: 'expert-two-keys',
          source: input.source,
          path: 'signature.publicKey',
          message: `专家 ${expertId} 的评分表用了 ${keys.size} 把不同的密钥签名（本表指纹 ${input.fingerprint}；涉及 ${files}）。同一专家只能有一把密钥，请向专家核实指纹 (one expert id signed with two different keys)`,
        });
      } else {
        problems.push({
          code: 'expert-two-sheets',
          source: input.source,
          path: 'expert.id',
          message: `专家 ${expertId} 有 ${group.length} 份不同的评分表（${files}），只能给出其最新的一份 (two different sheets from one expert id)`,
        });
      }
    }
  }
  const byKey = groupBy(
    sheets.filter((input) => input.publicKey !== null),
    (input) => input.publicKey ?? '',
  );
  for (const group of byKey.values()) {
    const experts = [...new Set(group.map((input) => input.sheet.expert.id))].sort(compareIds);
    if (experts.length < 2) continue;
    for (const input of group) {
      problems.push({
        code: 'key-two-experts',
        source: input.source,
        path: 'signature.publicKey',
        message: `同一把密钥（指纹 ${input.fingerprint}）签了 ${experts.join('、')} 多位专家的评分表；每位专家应在自己的电脑上用自己的密钥签名 (one key signed sheets of two expert ids)`,
      });
    }
  }
}

function allianceInputs(
  rubric: Rubric,
  packages: readonly MergePackage[],
  sheets: readonly MergeInput[],
  problems: MergeProblem[],
): AllianceInput[] {
  const byAlliance = groupBy(packages, (input) => input.allianceId);
  const allianceIds = [...byAlliance.keys()].sort(compareIds);
  const expertOrder = [...sheets].sort((a, b) => compareIds(a.sheet.expert.id, b.sheet.expert.id));
  const alliances: AllianceInput[] = [];
  for (const allianceId of allianceIds) {
    const versions = byAlliance.get(allianceId) ?? [];
    const reviews = expertOrder.flatMap((input) =>
      input.sheet.reviews.filter((review) => review.allianceId === allianceId).map((review) => ({ input, review })),
    );
    if (reviews.length === 0) {
      for (const version of versions) {
        problems.push({
          code: 'alliance-not-reviewed',
          source: version.source,
          path: '(root)',
          message: `联盟 ${allianceId} ${version.allianceName} 没有任何评分表评审（也无人声明回避）；请补交评分表，或不把此材料包列入汇总 (no sheet reviews this alliance)`,
        });
      }
      continue;
    }
    // A review naming no given version is already a sheet problem (package-digest-unknown);
    // only the versions given can differ.
    const given = new Set(versions.map((version) => version.digest));
    const digests = [...new Set(reviews.map(({ review }) => review.packageDigest))].filter((digest) => given.has(digest));
    const scored = versions.find((version) => version.digest === digests[0]);
    if (digests.length > 1) {
      const who = reviews.map(({ input, review }) => `${input.sheet.expert.id}→${review.packageDigest.slice(0, 12)}…`).join('、');
      problems.push({
        code: 'alliance-versions-differ',
        source: null,
        path: '(root)',
        message: `联盟 ${allianceId} 的专家评的不是同一版本的材料包（${who}），不能合并 (experts scored different package versions)`,
      });
      continue;
    }
    // Nothing to build when a review names no given version: the merge is refused for it.
    if (scored === undefined || reviews.some(({ review }) => !given.has(review.packageDigest))) continue;
    const experts: PanelExpert[] = reviews.map(({ input, review }) =>
      review.recused
        ? { expertId: input.sheet.expert.id, fingerprint: input.fingerprint, recused: true }
        : {
            expertId: input.sheet.expert.id,
            fingerprint: input.fingerprint,
            recused: false,
            score: scoreReview(rubric, scored.claims, reviewOf(review)),
            decisions: reviewOf(review).decisions,
          },
    );
    alliances.push({
      allianceId,
      name: scored.allianceName,
      packageDigest: scored.digest,
      claims: scored.claims,
      experts,
    });
  }
  return alliances;
}

function previousGradesOf(
  previous: MergeOptions['previous'],
  year: number | null,
  problems: MergeProblem[],
): Record<string, Grade | null> {
  if (previous === null || previous === undefined) return {};
  if (year !== null && previous.year !== null && previous.year !== year - 1) {
    problems.push({
      code: 'previous-invalid',
      source: previous.source,
      path: 'year',
      message: `上一年度结果应为 ${year - 1} 年度，此文件为 ${previous.year} 年度 (previous result is not of the year before)`,
    });
  }
  return { ...previous.grades };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
