/**
 * Outcome stability: would the alliance's grade, consequence or award have been different with
 * one expert fewer, or with the other method? Such an alliance gets an `unstable` flag for each
 * variant that flips something, so the chair sees which disagreements decide an outcome.
 *
 * - variant: the alliance's panel recomputed (aggregate-panel.ts, the meeting's options) either
 *   leaving out one scoring expert, or with the other method (mean ↔ trimmed). A variant that
 *   would leave fewer than 3 scoring experts is not tried; nor is the other method below 5
 *   scoring experts, where `trimmed` falls back to the mean and so equals it.
 * - one alliance at a time: a variant changes that alliance only; every other alliance keeps its
 *   real grade. The variant's award is split as the real one (award-split.ts) among the real
 *   excellent alliances with this alliance counted by its variant grade: in them if the variant
 *   is excellent, out of them if not. Its consequence uses the same previous grade as the real one.
 * - flips: the grade differs, or the consequence, or the award goes between none (null or 0 yuan)
 *   and some. A change of amount alone is not a flip: with the other alliances fixed it can only
 *   come with a grade change anyway.
 * - flag: `{ kind: 'unstable', expert, detail }`, expert the one left out, null for the method
 *   variant; in the alliance's expert order (the result's id order), the method variant last.
 */
import type { Decimal } from '../decimal/decimal.ts';
import { formatScore } from '../decimal/print-score.ts';
import { GRADE_LABELS } from '../rubric/grade.ts';
import type { Grade, Rubric } from '../rubric/types.ts';
import type { PanelOptions } from './aggregate-panel.ts';
import { aggregatePanel, QUORUM, TRIMMED_MINIMUM } from './aggregate-panel.ts';
import type { AllianceInput, PanelResultOptions } from './alliance-results.ts';
import { splitAwards } from './award-split.ts';
import { CONSEQUENCE_LABELS, consequenceOf } from './consequence.ts';
import type { AllianceResult, Consequence, PanelExpert, PanelFlag, PanelMethod } from './types.ts';

interface Outcome {
  readonly total: Decimal | null;
  readonly grade: Grade | null;
  readonly consequence: Consequence;
  readonly award: number | null;
}

/** Alliance id → its `unstable` flags (absent when nothing flips). `results`: the real results, same order as `alliances`. */
export function unstableFlags(
  rubric: Rubric,
  alliances: readonly AllianceInput[],
  results: readonly AllianceResult[],
  options: PanelResultOptions = {},
): Record<string, PanelFlag[]> {
  const method = options.method ?? 'mean';
  const excellent = new Set(results.filter((result) => result.grade === 'excellent').map((result) => result.allianceId));
  const previous = options.previousGrades ?? {};
  const flags: Record<string, PanelFlag[]> = {};

  alliances.forEach((alliance, i) => {
    const real = results[i];
    if (real === undefined || real.allianceId !== alliance.allianceId) throw new Error('unreachable: one result per alliance, in order');
    const previousGrade = Object.prototype.hasOwnProperty.call(previous, alliance.allianceId) ? (previous[alliance.allianceId] ?? null) : null;
    const outcomeOf = (experts: readonly PanelExpert[], panelOptions: PanelOptions): Outcome => {
      const panel = aggregatePanel(rubric, experts, panelOptions);
      const others = [...excellent].filter((id) => id !== alliance.allianceId);
      const counted = panel.grade === 'excellent' ? [...others, alliance.allianceId] : others;
      const budget = options.budgetYuan;
      const awards = budget === undefined || budget === null ? null : splitAwards(budget, counted, rubric.awardCapYuan);
      return {
        total: panel.total,
        grade: panel.grade,
        consequence: consequenceOf(panel.grade, previousGrade),
        award: panel.grade === 'excellent' && awards !== null ? (awards[alliance.allianceId] ?? null) : null,
      };
    };
    const realOutcome: Outcome = { total: null, grade: real.grade, consequence: real.consequence, award: real.award };
    const panelOptions: PanelOptions = { method, deviationThreshold: options.deviationThreshold };
    const scoring = alliance.experts.filter((expert) => !expert.recused);
    const found: PanelFlag[] = [];

    if (scoring.length - 1 >= QUORUM) {
      for (const left of scoring) {
        const variant = outcomeOf(
          alliance.experts.filter((expert) => expert !== left),
          panelOptions,
        );
        const detail = flipText(`去掉 ${left.expertId} 后`, realOutcome, variant);
        if (detail !== null) found.push({ kind: 'unstable', expert: left.expertId, detail });
      }
    }
    if (scoring.length >= Math.max(QUORUM, TRIMMED_MINIMUM)) {
      const other: PanelMethod = method === 'mean' ? 'trimmed' : 'mean';
      const variant = outcomeOf(alliance.experts, { ...panelOptions, method: other });
      const detail = flipText(other === 'trimmed' ? '改用去掉最高最低分后' : '改用平均分后', realOutcome, variant);
      if (detail !== null) found.push({ kind: 'unstable', expert: null, detail });
    }
    if (found.length > 0) flags[alliance.allianceId] = found;
  });
  return flags;
}

/** "去掉 E03 后总分 88.75，等级由优秀变为合格，处理由给予资金奖励变为无，奖励由 200000 元变为无", or null when nothing flips. */
function flipText(variantText: string, real: Outcome, variant: Outcome): string | null {
  const changes: string[] = [];
  if (real.grade !== variant.grade) changes.push(`等级由${gradeText(real.grade)}变为${gradeText(variant.grade)}`);
  if (real.consequence !== variant.consequence) {
    changes.push(`处理由${consequenceText(real.consequence)}变为${consequenceText(variant.consequence)}`);
  }
  if (hasAward(real.award) !== hasAward(variant.award)) changes.push(`奖励由${awardText(real.award)}变为${awardText(variant.award)}`);
  if (changes.length === 0) return null;
  const total = variant.total === null ? '无总分' : `总分 ${formatScore(variant.total)}`;
  return `${variantText}${total}，${changes.join('，')}`;
}

function hasAward(award: number | null): boolean {
  return award !== null && award > 0;
}

function gradeText(grade: Grade | null): string {
  return grade === null ? '无等级' : GRADE_LABELS[grade];
}

function consequenceText(consequence: Consequence): string {
  return consequence === null ? '无' : `“${CONSEQUENCE_LABELS[consequence]}”`;
}

function awardText(award: number | null): string {
  return hasAward(award) ? ` ${String(award)} 元` : '无';
}
