/**
 * Criterion agreement: how far the panel agreed on each criterion of the rubric, the finer
 * grain of the result's per-indicator `analysis` (panel-analysis.ts), so the bureau can see
 * which rubric items are read differently by different experts.
 *
 * - sample: the same as the indicator statistics' (every counted expert, the alliances all of
 *   them scored; `agreementSample`), with the same minimum (3 experts, 5 alliances).
 * - measure of a judged criterion (a value the expert gives): ICC(2,1) of the experts' values.
 * - measure of every other criterion (a flag or a list of items the expert accepts or
 *   rejects): Krippendorff's nominal alpha of the decisions, one unit per alliance and claimed
 *   flag or item, exactly the units the indicator's alpha is made of.
 *
 * Advisory only, and not part of the result file: nothing here changes a score or the bytes
 * `merge --json` prints.
 */
import type { Decimal } from '../decimal/decimal.ts';
import { dec, ZERO } from '../decimal/decimal.ts';
import { toJsonStatistic } from '../decimal/print-score.ts';
import { criteriaOf } from '../rubric/rubric-index.ts';
import type { Criterion, Rubric } from '../rubric/types.ts';
import type { AllianceInput } from './alliance-results.ts';
import { icc21 } from './icc.ts';
import { krippendorffAlphaNominal } from './krippendorff-alpha.ts';
import type { ScoringExpert } from './panel-analysis.ts';
import { agreementSample, criterionDecisionUnits } from './panel-analysis.ts';

export type AgreementStatistic = 'icc' | 'alpha';

/** The panel's agreement on one criterion; `value` at three decimals, null when too few or undefined. */
export interface CriterionAgreement {
  readonly statistic: AgreementStatistic;
  readonly value: number | null;
  readonly alliances: number;
  readonly experts: number;
}

/** Which statistic measures agreement on a criterion of this kind (see the module comment). */
export function criterionStatistic(criterion: Criterion): AgreementStatistic {
  return criterion.kind === 'judged' ? 'icc' : 'alpha';
}

/** Criterion id → agreement, every criterion of the rubric in rubric order. */
export function criterionAgreement(rubric: Rubric, alliances: readonly AllianceInput[]): Record<string, CriterionAgreement> {
  const { expertIds, rows, enough } = agreementSample(alliances);
  const agreements: Record<string, CriterionAgreement> = {};
  for (const criterion of criteriaOf(rubric)) {
    const statistic = criterionStatistic(criterion);
    let value: number | null = null;
    if (enough) {
      const computed =
        statistic === 'icc'
          ? icc21(rows.map(({ experts }) => experts.map((expert) => judgedValue(expert, criterion.id))))
          : krippendorffAlphaNominal(rows.flatMap(({ alliance, experts }) => criterionDecisionUnits(criterion, alliance, experts)));
      value = computed === null ? null : toJsonStatistic(computed);
    }
    agreements[criterion.id] = { statistic, value, alliances: rows.length, experts: expertIds.length };
  }
  return agreements;
}

/** The expert's value of a judged criterion; a complete review always has one, a missing one counts 0 as in scoring. */
function judgedValue(expert: ScoringExpert, criterionId: string): Decimal {
  const decisions = expert.decisions ?? {};
  const decision = Object.prototype.hasOwnProperty.call(decisions, criterionId) ? decisions[criterionId] : undefined;
  const value = (decision as { value?: unknown } | undefined)?.value;
  return typeof value === 'number' ? dec(value) : ZERO;
}
