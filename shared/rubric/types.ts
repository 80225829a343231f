/**
 * Rubric types: the vocabulary every other module of the engine speaks.
 *
 * - rubric: the bureau's scoring rules as data (groups → indicators → criteria), e.g. `hefei-2017`.
 * - group: a part of the rubric whose score is the sum of its indicators (制度建设, 联盟工作任务, 加分项).
 * - indicator: one row of the bureau's table (`I4` 成果转化); its score is the sum of its
 *   criteria, capped at the indicator's `cap` (`null`: no cap, the bonus indicators).
 * - criterion: one scoring rule inside an indicator (`I4.techContracts`), of one `kind`.
 * - claim: what an alliance says it did for one criterion, in its package (package-format.md).
 * - decision: what one expert decided about one claim, in their sheet (sheets-and-results.md).
 * - override: an expert's replacement for the computed score of a whole indicator, with a reason.
 * - review: one expert's decisions and overrides for one alliance.
 *
 * Numbers in these types are plain JSON numbers because they come from and go to JSON files;
 * the engine turns them into exact decimals before it adds anything (shared/decimal/).
 */

/** The kinds of alliance the bureau distinguishes (package-format.md `alliance.kind`). */
export type AllianceKind = 'general' | 'incubator' | 'finance';

export const ALLIANCE_KINDS: readonly AllianceKind[] = ['general', 'incubator', 'finance'];

/** 优秀 / 合格 / 不合格 (rubric.md decision 1). */
export type Grade = 'excellent' | 'pass' | 'fail';

/* ------------------------------------------------------------------------------------------
 * Rubric
 * ---------------------------------------------------------------------------------------- */

export interface Rubric {
  /** Stable id named by packages and sheets (`hefei-2017`). */
  readonly id: string;
  /** Chinese title shown to people. */
  readonly title: string;
  /** Where the rules come from (document name and number). */
  readonly source?: string | undefined;
  /** Grade thresholds; each threshold includes its own number (decision 1). */
  readonly grades: GradeThresholds;
  /** Largest award per excellent alliance, in yuan (decision 12). */
  readonly awardCapYuan: number;
  readonly groups: readonly Group[];
}

export interface GradeThresholds {
  /** total ≥ excellent → `excellent`. */
  readonly excellent: number;
  /** pass ≤ total < excellent → `pass`; below → `fail`. */
  readonly pass: number;
}

export interface Group {
  /** `system`, `tasks`, `bonus`: the keys of `groups` in self-score output. */
  readonly id: string;
  readonly label: string;
  readonly labelEn?: string | undefined;
  /**
   * The most the group can give (22, 78), or `null` for the bonus group. It is a declared
   * maximum that `parseRubric` checks against the indicator caps, never a second cap: a total
   * is always the plain sum of its indicators (decision 9).
   */
  readonly cap: number | null;
  readonly indicators: readonly Indicator[];
}

export interface Indicator {
  /** `I1` … `I11`, `B1`, `B2`. */
  readonly id: string;
  readonly label: string;
  readonly labelEn?: string | undefined;
  /** Indicator cap; `null` for bonus indicators, which have none (decision 7). */
  readonly cap: number | null;
  /** The bureau's 考核指标 text, as published. */
  readonly content?: string | undefined;
  /** The bureau's 评分标准 text for the whole indicator, as published (what experts read). */
  readonly rule: string;
  readonly criteria: readonly Criterion[];
}

/**
 * Objective 客观项: whether a flag or an item is proven is a question of fact, on which experts
 * must end up agreeing or record why not. Subjective 主观项: the expert's score is the score
 * (专家评分即为得分), I10's four parts in hefei-2017 (rubric.md decision 13). Only a judged
 * criterion, whose score the expert gives, can be subjective (parse-rubric.ts).
 */
export type CriterionNature = 'objective' | 'subjective';

interface CriterionBase {
  /** `<indicator id>.<name>`, e.g. `I4.techContracts`. */
  readonly id: string;
  /** Required in the data, so another year's rubric says which of its criteria are which. */
  readonly nature: CriterionNature;
  readonly label: string;
  /** The part of the bureau's rule text that this criterion applies. */
  readonly rule: string;
  /**
   * Alliance kinds the criterion is meant for (I7's incubator and finance criteria). Absent:
   * every kind. Claims by another kind still score; the package validator warns (decision 5).
   */
  readonly forAllianceKinds?: readonly AllianceKind[] | undefined;
}

/** Accepted → `points`, else 0. */
export interface FlagCriterion extends CriterionBase {
  readonly kind: 'flag';
  readonly points: number;
}

/** `points × accepted items`, then the criterion's own `cap` if it has one. */
export interface PerItemCriterion extends CriterionBase {
  readonly kind: 'perItem';
  readonly points: number;
  readonly cap?: number | undefined;
}

/** `points × floor(accepted items / 2)` (decision 4). */
export interface PerPairCriterion extends CriterionBase {
  readonly kind: 'perPair';
  readonly points: number;
}

/** Points of the band the accepted count falls in; a count in no band scores 0. */
export interface BandCriterion extends CriterionBase {
  readonly kind: 'band';
  readonly bands: readonly Band[];
}

/** Counts `from` … `to`, both included; `to: null` means "and more" (11家以上 → from 11). */
export interface Band {
  readonly from: number;
  readonly to: number | null;
  readonly points: number;
}

/** Sum over accepted items of the points of the tier each item's `amountWan` falls in. */
export interface TierCriterion extends CriterionBase {
  readonly kind: 'tier';
  readonly tiers: readonly Tier[];
}

/** Amounts in 万元 with `fromWan ≤ amount < belowWan`; `belowWan: null` means no upper end (decision 2). */
export interface Tier {
  readonly fromWan: number;
  readonly belowWan: number | null;
  readonly points: number;
}

/** The expert's value in [0, max], at most one decimal place (decision 6). */
export interface JudgedCriterion extends CriterionBase {
  readonly kind: 'judged';
  readonly max: number;
}

export type Criterion =
  | FlagCriterion
  | PerItemCriterion
  | PerPairCriterion
  | BandCriterion
  | TierCriterion
  | JudgedCriterion;

export type CriterionKind = Criterion['kind'];

/** Criterion kinds whose claim is a list of items. */
export type ListCriterion = PerItemCriterion | PerPairCriterion | BandCriterion | TierCriterion;

/* ------------------------------------------------------------------------------------------
 * Claims (package-format.md `claims`)
 * ---------------------------------------------------------------------------------------- */

export interface FlagClaim {
  readonly claimed: boolean;
  readonly note?: string | undefined;
  readonly evidence: readonly string[];
}

export interface ClaimItem {
  /** Unique within its criterion; decisions name items by this id. */
  readonly id: string;
  readonly title: string;
  /** `YYYY-MM-DD`. */
  readonly date?: string | undefined;
  readonly note?: string | undefined;
  /** Amount in 万元; tier criteria only, > 0. */
  readonly amountWan?: number | undefined;
  readonly evidence: readonly string[];
}

export interface ListClaim {
  readonly items: readonly ClaimItem[];
}

export interface JudgedClaim {
  /** The alliance's own estimate; it scores only in the self-score (decision 6). */
  readonly value?: number | undefined;
  readonly evidence?: readonly string[] | undefined;
}

export type Claim = FlagClaim | ListClaim | JudgedClaim;

/** Criterion id → claim. A criterion with no key is claimed as nothing. */
export type Claims = Readonly<Record<string, Claim>>;

/* ------------------------------------------------------------------------------------------
 * Decisions (sheets-and-results.md `reviews[].decisions`)
 * ---------------------------------------------------------------------------------------- */

export interface FlagDecision {
  readonly accept: boolean;
  /** Required, non-empty, when `accept` is false. */
  readonly reason?: string | undefined;
  readonly note?: string | undefined;
}

export interface ListDecision {
  /** Ids of accepted items. */
  readonly accepted: readonly string[];
  /** Item id → non-empty reason for rejecting it. */
  readonly rejected: Readonly<Record<string, string>>;
  readonly note?: string | undefined;
}

export interface JudgedDecision {
  readonly value: number;
  readonly note?: string | undefined;
}

export type Decision = FlagDecision | ListDecision | JudgedDecision;

/** Criterion id → decision. */
export type Decisions = Readonly<Record<string, Decision>>;

export interface Override {
  /** Replaces the computed indicator score; in [0, cap] (bonus: ≥ 0) (decision 11). */
  readonly score: number;
  /** Required, non-empty; printed on the result sheets. */
  readonly reason: string;
}

/** Indicator id → override. */
export type Overrides = Readonly<Record<string, Override>>;

/**
 * What the engine needs of one expert's review of one alliance. A sheet's review
 * (`{ allianceId, packageDigest, recused, decisions, overrides, comment }`) fits this shape.
 */
export interface Review {
  readonly decisions: Decisions;
  readonly overrides?: Overrides | undefined;
}
