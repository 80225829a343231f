/**
 * Score view: a rubric engine score (`ReviewScore`, exact decimals) as the text a screen
 * shows ("87.5", "90"), so the renderer never adds or rounds a score itself.
 */
import { formatScore } from '../decimal/print-score.ts';
import type { IndicatorScoreView, ScoreView } from '../api/expert-work-types.ts';
import type { ReviewScore } from '../rubric/score-review.ts';

export function scoreView(score: ReviewScore): ScoreView {
  const criteria: Record<string, string> = {};
  for (const [id, value] of Object.entries(score.criteria)) criteria[id] = formatScore(value);
  const indicators: Record<string, IndicatorScoreView> = {};
  for (const [id, value] of Object.entries(score.indicators)) {
    indicators[id] = {
      criteriaSum: formatScore(value.criteriaSum),
      computed: formatScore(value.computed),
      score: formatScore(value.score),
      overridden: value.override !== null,
    };
  }
  const groups: Record<string, string> = {};
  for (const [id, value] of Object.entries(score.groups)) groups[id] = formatScore(value);
  return { criteria, indicators, groups, total: formatScore(score.total), grade: score.grade };
}
