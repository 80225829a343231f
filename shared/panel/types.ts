/**
 * Panel types: several experts' scores of one alliance, and what the panel makes of them.
 *
 * - expert score: one expert's review score of one alliance (shared/rubric/score-review.ts);
 *   only the indicator scores, their computed values and overrides matter here.
 * - scoring expert: an expert who did not recuse themself (回避) for that alliance (decision 10).
 * - panel score: the aggregate of the scoring experts' totals, rounded half-up to two decimals,
 *   with its grade and the per-indicator aggregates shown for information (decision 9).
 * - flag: something the chair must see before signing off (sheets-and-results.md).
 * - consequence: what the grade leads to (decision 12); award: the yuan an excellent alliance gets.
 * - panel result: the per-alliance object of the result file, with plain JSON numbers.
 */
import type { Decimal } from '../decimal/decimal.ts';
import type { Decisions, Grade, Override } from '../rubric/types.ts';

export type PanelMethod = 'mean' | 'trimmed';

export const PANEL_METHODS: readonly PanelMethod[] = ['mean', 'trimmed'];

/** The default deviation threshold, in points (sheets-and-results.md). */
export const DEFAULT_DEVIATION_THRESHOLD = 10;

/** What the panel needs of one indicator of an expert's score; `IndicatorScore` fits it. */
export interface ExpertIndicatorScore {
  readonly computed: Decimal;
  readonly override: Override | null;
  readonly score: Decimal;
}

/** What the panel needs of an expert's score; a `ReviewScore` fits it. */
export interface ExpertScore {
  /** Indicator id → score; an indicator missing here counts 0. */
  readonly indicators: Readonly<Record<string, ExpertIndicatorScore>>;
}

export type PanelExpert =
  | { readonly expertId: string; readonly fingerprint: string; readonly recused: true }
  | {
      readonly expertId: string;
      readonly fingerprint: string;
      readonly recused: false;
      readonly score: ExpertScore;
      /** The review's decisions, for the agreement on accept/reject (panel-analysis.ts); absent: none known. */
      readonly decisions?: Decisions | undefined;
    };

/**
 * `paper-entered` is not the panel's own: the merge adds it for an expert whose sheet was typed
 * in from paper (shared/result/paper-sheet.ts), so the result says which scores carry no
 * signature.
 */
export type PanelFlagKind = 'deviation' | 'spread' | 'quorum' | 'trimmed-not-applied' | 'override' | 'paper-entered' | 'unstable';

export const PANEL_FLAG_KINDS: readonly PanelFlagKind[] = [
  'deviation',
  'spread',
  'quorum',
  'trimmed-not-applied',
  'override',
  'paper-entered',
  'unstable',
];

export interface PanelFlag {
  readonly kind: PanelFlagKind;
  /**
   * The expert concerned (deviation, override, paper-entered; unstable: the expert left out).
   * `null` only on the `unstable` flag of the other-method variant, which leaves nobody out.
   */
  readonly expert?: string | null | undefined;
  /** The indicator concerned (spread, override). */
  readonly indicator?: string | undefined;
  /** For the chair, in Chinese: "总分偏离专家组平均 12.5 分". */
  readonly detail: string;
}

export interface PanelExpertScore {
  readonly expertId: string;
  readonly fingerprint: string;
  readonly recused: boolean;
  /** Sum of the expert's indicator scores; null when recused. */
  readonly total: Decimal | null;
  /** Indicator id → the expert's score, every indicator of the rubric; null when recused. */
  readonly indicators: Readonly<Record<string, Decimal>> | null;
}

export interface PanelScore {
  readonly experts: readonly PanelExpertScore[];
  /** How many experts scored (did not recuse). */
  readonly scoringCount: number;
  /** The method asked for. */
  readonly method: PanelMethod;
  /** The method used: `trimmed` falls back to `mean` below 5 scoring experts. */
  readonly methodApplied: PanelMethod;
  /** Indicator id → aggregate rounded to two decimals; null when nobody scored. */
  readonly indicators: Readonly<Record<string, Decimal | null>>;
  /** The official total, rounded half-up to two decimals; null when nobody scored. */
  readonly total: Decimal | null;
  /** Grade of the rounded total; null when nobody scored. */
  readonly grade: Grade | null;
  readonly flags: readonly PanelFlag[];
}

export type Consequence = 'award' | 'rectify' | 'disqualify' | null;

/** One alliance of the result file (sheets-and-results.md, result format 1). */
export interface AllianceResult {
  readonly allianceId: string;
  readonly name: string;
  readonly packageDigest: string;
  readonly selfTotal: number;
  readonly experts: readonly {
    readonly id: string;
    readonly fingerprint: string;
    readonly recused: boolean;
    readonly total: number | null;
    readonly indicators: Readonly<Record<string, number>> | null;
  }[];
  readonly indicators: Readonly<Record<string, number | null>>;
  readonly total: number | null;
  readonly grade: Grade | null;
  readonly consequence: Consequence;
  readonly award: number | null;
  readonly flags: readonly PanelFlag[];
}

/** Agreement of the panel on one indicator (panel-analysis.ts); statistics at three decimals. */
export interface IndicatorAgreement {
  /** ICC(2,1) of the indicator's scores; null when too few or no variance. */
  readonly icc: number | null;
  /** Krippendorff's alpha (nominal) of the accept/reject decisions; null when too few or one category. */
  readonly alpha: number | null;
  /** Alliances used: those every counted expert scored. */
  readonly alliances: number;
  /** Experts used: every expert with a counted sheet. */
  readonly experts: number;
}

/** One expert's leniency (advisory only, never applied to a score). */
export interface ExpertLeniency {
  /** Mean of (the expert's total − the mean of the other scoring experts' totals); null when never compared. */
  readonly leniency: number | null;
  /** Population standard deviation of those differences; null with `leniency`. */
  readonly spread: number | null;
  /** Alliances compared: scored by the expert and at least one other expert. */
  readonly alliances: number;
}

/** The result's `analysis` (sheets-and-results.md): indicators in rubric order, experts in id order. */
export interface PanelAnalysis {
  readonly indicators: Readonly<Record<string, IndicatorAgreement>>;
  readonly experts: Readonly<Record<string, ExpertLeniency>>;
}
