/**
 * Aggregate formula: the Excel formula of the panel's aggregate over a range of expert scores,
 * so an auditor can recompute the result in Excel (rubric.md decision 9).
 *
 * - mean: `ROUND(AVERAGE(range), 2)`.
 * - trimmed: with at least 5 numbers, `TRIMMEAN(range, 2/COUNT(range))` drops exactly one
 *   highest and one lowest; below 5 it falls back to the mean, as the engine does.
 * - Recused experts' cells hold the text 回避, which AVERAGE, COUNT and TRIMMEAN skip.
 *
 * Excel's ROUND rounds half away from zero, which for scores (never negative) is half-up. The
 * cached value is the engine's exact decimal result; Excel's binary arithmetic agrees with it
 * to the printed two decimals.
 */
import type { PanelMethod } from '../../../shared/panel/types.ts';

export function aggregateFormula(method: PanelMethod, range: string): string {
  switch (method) {
    case 'mean':
      return `ROUND(AVERAGE(${range}),2)`;
    case 'trimmed':
      return `IF(COUNT(${range})>=5,ROUND(TRIMMEAN(${range},2/COUNT(${range})),2),ROUND(AVERAGE(${range}),2))`;
  }
}
