/**
 * Review problems and undecided claims: what stops a review from counting, as data.
 *
 * - undecided: a claim the expert has not decided yet (a flag claimed `true`, a claimed item,
 *   a judged criterion without a value). A review with none is complete.
 * - review problem: a decision or override that breaks the rules of the sheet format (a value
 *   out of range, a rejection without reason, a decision naming an unknown item, …). A review
 *   with none is valid. The engine still returns a provisional score for a review with
 *   problems (so an editor can show one while the expert works); `merge` refuses it.
 */
import { assertNever } from './assert-never.ts';

export interface Undecided {
  readonly criterionId: string;
  /** Set for a claimed item of a list criterion. */
  readonly itemId?: string | undefined;
}

export type ReviewProblem =
  /** A decision for a criterion id the rubric does not have. */
  | { readonly kind: 'unknown-criterion'; readonly criterionId: string }
  /** An override for an indicator id the rubric does not have. */
  | { readonly kind: 'unknown-indicator'; readonly indicatorId: string }
  /** The claim does not have the shape of its criterion's kind; it counts as nothing claimed. */
  | { readonly kind: 'claim-wrong-shape'; readonly criterionId: string }
  /** Two claimed items share an id; the first one counts. */
  | { readonly kind: 'duplicate-claim-item'; readonly criterionId: string; readonly itemId: string }
  /** The decision does not have the shape of its criterion's kind; it counts as undecided. */
  | { readonly kind: 'decision-wrong-shape'; readonly criterionId: string }
  /** A decision names an item the package does not claim. */
  | { readonly kind: 'unknown-item'; readonly criterionId: string; readonly itemId: string }
  /** An item is both accepted and rejected, or accepted twice. */
  | { readonly kind: 'item-decided-twice'; readonly criterionId: string; readonly itemId: string }
  /** A rejection (of a flag, or of an item) with no reason, or only blanks. */
  | { readonly kind: 'rejection-without-reason'; readonly criterionId: string; readonly itemId?: string | undefined }
  /** A flag accepted that the package does not claim (`claimed` absent or false). */
  | { readonly kind: 'flag-not-claimed'; readonly criterionId: string }
  /** An accepted item of a tier criterion without a positive `amountWan`; it scores 0. */
  | { readonly kind: 'item-without-amount'; readonly criterionId: string; readonly itemId: string }
  /** A judged value outside [0, max], or not a finite number; it scores 0. */
  | { readonly kind: 'value-out-of-range'; readonly criterionId: string; readonly value: number; readonly max: number }
  /** A judged value with more than one decimal place; it scores 0. */
  | { readonly kind: 'value-too-precise'; readonly criterionId: string; readonly value: number }
  /** An override outside [0, cap] (bonus: below 0); the computed score stands. */
  | {
      readonly kind: 'override-out-of-range';
      readonly indicatorId: string;
      readonly score: number;
      readonly cap: number | null;
    }
  /** An override with more than two decimals, which no result could print; the computed score stands. */
  | { readonly kind: 'override-too-precise'; readonly indicatorId: string; readonly score: number }
  /** An override without a reason; the computed score stands. */
  | { readonly kind: 'override-without-reason'; readonly indicatorId: string };

export type ReviewProblemKind = ReviewProblem['kind'];

/** Where: `I4.techContracts`, `I4.techContracts[tc-2]`, or an indicator id. */
export function problemLocation(problem: ReviewProblem): string {
  if ('indicatorId' in problem) return problem.indicatorId;
  if ('itemId' in problem && problem.itemId !== undefined) return `${problem.criterionId}[${problem.itemId}]`;
  return problem.criterionId;
}

/** One line for a person, Chinese with the English key word: `I10.status: 评分 3 超出 [0, 2.5] (value-out-of-range)`. */
export function describeReviewProblem(problem: ReviewProblem): string {
  return `${problemLocation(problem)}: ${chineseFor(problem)} (${problem.kind})`;
}

function chineseFor(problem: ReviewProblem): string {
  switch (problem.kind) {
    case 'unknown-criterion':
      return '评分细则中没有这个评分项';
    case 'unknown-indicator':
      return '评分细则中没有这个指标，不能改判';
    case 'claim-wrong-shape':
      return '材料包中的申报格式与评分项类型不符，按未申报处理';
    case 'duplicate-claim-item':
      return '材料包中有重复的条目编号，只计第一条';
    case 'decision-wrong-shape':
      return '评审意见的格式与评分项类型不符';
    case 'unknown-item':
      return '材料包没有申报这个条目';
    case 'item-decided-twice':
      return '同一条目被重复认定（既认定又不认定，或认定两次）';
    case 'rejection-without-reason':
      return '不予认定必须填写理由';
    case 'flag-not-claimed':
      return '材料包没有申报此项，不能认定';
    case 'item-without-amount':
      return '条目没有金额（万元），不能计分';
    case 'value-out-of-range':
      return `评分 ${String(problem.value)} 超出 [0, ${String(problem.max)}]`;
    case 'value-too-precise':
      return `评分 ${String(problem.value)} 最多保留一位小数`;
    case 'override-out-of-range':
      return problem.cap === null
        ? `改判分数 ${String(problem.score)} 不能小于 0`
        : `改判分数 ${String(problem.score)} 超出 [0, ${String(problem.cap)}]`;
    case 'override-too-precise':
      return `改判分数 ${String(problem.score)} 最多保留两位小数`;
    case 'override-without-reason':
      return '改判必须填写理由';
    default:
      return assertNever(problem);
  }
}

/** One line for a person: `I4.techContracts[tc-2]: 尚未认定 (undecided)`. */
export function describeUndecided(undecided: Undecided): string {
  const where = undecided.itemId === undefined ? undecided.criterionId : `${undecided.criterionId}[${undecided.itemId}]`;
  return `${where}: 尚未评定 (undecided)`;
}
