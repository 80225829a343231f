/**
 * Checking a sheet against the packages: does each review score a package we have, and is it
 * complete and valid under the rubric (sheets-and-results.md)?
 *
 * - sheet package: what a check needs of an alliance package: its digest, year, rubric, the
 *   alliance's id and name, and its claims. Several packages of one alliance may be given (an
 *   archive keeps every version); a review must name one of them by its digest.
 * - complete review: decides every flag the package claims as `true`, every claimed item of
 *   every list criterion exactly once, and gives every judged criterion a value; a recused
 *   review is complete by itself. Completeness and validity come from the rubric engine
 *   (`scoreReview`), so the sheet editor, the chair's import and `merge` agree on them.
 *
 * The sheet must already have passed `parseSheet`; its signature is not this module's concern.
 */
import type { ReviewProblem } from '../rubric/review-problem.ts';
import { describeReviewProblem, problemLocation } from '../rubric/review-problem.ts';
import { scoreReview } from '../rubric/score-review.ts';
import type { Claims, Review, Rubric } from '../rubric/types.ts';
import type { SheetProblem } from './sheet-problem.ts';
import { sheetProblem } from './sheet-problem.ts';
import type { UnsignedSheet } from './sheet-schema.ts';

export interface SheetPackage {
  /** The package digest (package-format.md). */
  readonly digest: string;
  readonly year: number;
  readonly rubricId: string;
  readonly allianceId: string;
  readonly allianceName: string;
  readonly claims: Claims;
}

/** Every problem of the sheet's reviews against the packages; none means it can be merged. */
export function checkSheetAgainstPackages(
  sheet: UnsignedSheet,
  packages: readonly SheetPackage[],
  rubric: Rubric,
): SheetProblem[] {
  const problems: SheetProblem[] = [];
  if (sheet.rubric !== rubric.id) {
    problems.push(
      sheetProblem(
        'rubric-mismatch',
        'rubric',
        `评分表按评分细则 ${sheet.rubric} 评分，本次评审使用 ${rubric.id} (rubric mismatch)`,
      ),
    );
  }
  const years = new Set<number>();
  sheet.reviews.forEach((review, i) => {
    const at = `reviews[${i}]`;
    const alliance = `联盟 ${review.allianceId}`;
    const versions = packages.filter((candidate) => candidate.allianceId === review.allianceId);
    if (versions.length === 0) {
      problems.push(
        sheetProblem(
          'alliance-without-package',
          `${at}.allianceId`,
          `${alliance}：没有给出这个联盟的材料包，无法核对此评审 (no package for this alliance)`,
        ),
      );
      return;
    }
    const scored = versions.find((candidate) => candidate.digest === review.packageDigest);
    if (scored === undefined) {
      const known = [...new Set(versions.map((candidate) => shortDigest(candidate.digest)))].join('、');
      problems.push(
        sheetProblem(
          'package-digest-unknown',
          `${at}.packageDigest`,
          `${alliance}：评分表评的是材料包 ${shortDigest(review.packageDigest)}…，与给出的材料包（${known}…）都不一致，可能评的是另一版本 (packageDigest matches no given package)`,
        ),
      );
      return;
    }
    years.add(scored.year);
    if (scored.rubricId !== sheet.rubric) {
      problems.push(
        sheetProblem(
          'rubric-mismatch',
          at,
          `${alliance}：材料包使用评分细则 ${scored.rubricId}，评分表为 ${sheet.rubric} (rubric mismatch)`,
        ),
      );
    }
    if (review.recused) return;
    const score = scoreReview(rubric, scored.claims, reviewOf(review));
    for (const undecided of score.undecided) {
      const item = undecided.itemId === undefined ? '' : `条目 ${undecided.itemId} `;
      problems.push(
        sheetProblem(
          'review-incomplete',
          `${at}.decisions.${undecided.criterionId}`,
          `${alliance}：${item}尚未评定，评审不完整 (incomplete review: undecided)`,
        ),
      );
    }
    for (const problem of score.problems) {
      problems.push(sheetProblem('review-invalid', `${at}.${reviewProblemPath(problem)}`, `${alliance}：${reviewProblemText(problem)}`));
    }
  });
  for (const year of years) {
    if (year !== sheet.year) {
      problems.push(
        sheetProblem('year-mismatch', 'year', `评分表年度为 ${sheet.year}，所评材料包年度为 ${year} (year mismatch)`),
      );
    }
  }
  return problems;
}

/** What the rubric engine needs of a sheet review. A recused review has no decisions. */
export function reviewOf(review: UnsignedSheet['reviews'][number]): Review {
  return { decisions: review.decisions ?? {}, overrides: review.overrides };
}

function reviewProblemPath(problem: ReviewProblem): string {
  return 'indicatorId' in problem ? `overrides.${problem.indicatorId}` : `decisions.${problem.criterionId}`;
}

/** The engine's sentence without its location prefix (the path says where), keeping the item id. */
function reviewProblemText(problem: ReviewProblem): string {
  const location = problemLocation(problem);
  const text = describeReviewProblem(problem).slice(location.length + 2);
  return 'itemId' in problem && problem.itemId !== undefined ? `条目 ${problem.itemId}：${text}` : text;
}

function shortDigest(digest: string): string {
  return digest.slice(0, 12);
}
