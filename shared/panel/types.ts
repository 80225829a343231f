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
import type { Grade, Override } from '../rubric/types.ts';

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
  | { readonly expertId: string; readonly fingerprint: string; readonly recused: false; readonly score: ExpertScore };

/**
 * `paper-entered` is not the panel's own: the merge adds it for an expert whose sheet was typed
 * in from paper (shared/result/paper-sheet.ts), so the result says which scores carry no
 * signature.
 */
export type PanelFlagKind = 'deviation' | 'spread' | 'quorum' | 'trimmed-not-applied' | 'override' | 'paper-entered';

export interface PanelFlag {
  readonly kind: PanelFlagKind;
  /** The expert concerned (deviation, override, paper-entered). */
  readonly expert?: string | undefined;
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
