/**
 * Agreement by year: each indicator's and each criterion's agreement in every year the store
 * holds a meeting of, side by side, so the bureau can see which rubric items experts keep
 * reading differently and rewrite them.
 *
 * - year panel: one year's merged panel (its rubric and alliance inputs, as the merge builds
 *   them from that meeting's counted sheets), with the meeting it comes from.
 * - cell: one indicator's or criterion's agreement in one year, computed by the same code as
 *   the result's `analysis` (panel-analysis.ts) and criterion-agreement.ts, with its reading
 *   (agreement-reading.ts: 一致性好 / 一般 / 差 / 样本太少); null where that year's rubric has
 *   no such indicator or criterion.
 * - rows: the indicators, each followed by its criteria, in the order of the newest year's
 *   rubric; ids only older rubrics have come after, in the order of the newest of them.
 *
 * Pure: the caller chooses the meetings and merges their sheets (electron/chair/agreement-history.ts).
 */
import { indicatorsOf } from '../rubric/rubric-index.ts';
import type { Rubric } from '../rubric/types.ts';
import type { AllianceInput } from './alliance-results.ts';
import type { AgreementReading } from './agreement-reading.ts';
import { agreementReading } from './agreement-reading.ts';
import type { AgreementStatistic } from './criterion-agreement.ts';
import { criterionAgreement } from './criterion-agreement.ts';
import { panelAnalysis } from './panel-analysis.ts';

export interface YearPanel {
  readonly year: number;
  readonly meetingName: string;
  readonly rubric: Rubric;
  readonly alliances: readonly AllianceInput[];
}

export interface AgreementMeasure {
  readonly statistic: AgreementStatistic;
  /** Three decimals; null when too few or undefined (the reading says which). */
  readonly value: number | null;
  readonly reading: AgreementReading;
}

export interface AgreementCell {
  /** Indicator: ICC of the scores, then alpha of the decisions; criterion: its one measure. */
  readonly measures: readonly AgreementMeasure[];
  readonly alliances: number;
  readonly experts: number;
}

export interface AgreementHistoryRow {
  readonly level: 'indicator' | 'criterion';
  readonly id: string;
  readonly label: string;
  /** The indicator a criterion belongs to (an indicator: itself). */
  readonly indicatorId: string;
  /** One per year of `years`, in that order; null where that year's rubric has no such id. */
  readonly cells: readonly (AgreementCell | null)[];
}

export interface AgreementHistory {
  /** Oldest first. */
  readonly years: readonly { readonly year: number; readonly meetingName: string; readonly rubricId: string }[];
  readonly rows: readonly AgreementHistoryRow[];
}

function measure(statistic: AgreementStatistic, value: number | null, alliances: number, experts: number): AgreementMeasure {
  const agreement = { icc: statistic === 'icc' ? value : null, alpha: statistic === 'alpha' ? value : null, alliances, experts };
  return { statistic, value, reading: agreementReading(statistic, agreement) };
}

export function agreementByYear(panels: readonly YearPanel[]): AgreementHistory {
  const years = [...panels].sort((a, b) => a.year - b.year);
  const computed = years.map((panel) => ({
    indicators: panelAnalysis(panel.rubric, panel.alliances).indicators,
    criteria: criterionAgreement(panel.rubric, panel.alliances),
  }));

  // Row order: the newest rubric first, then what only older ones have.
  const order: { level: AgreementHistoryRow['level']; id: string; label: string; indicatorId: string }[] = [];
  const seen = new Set<string>();
  for (const panel of [...years].reverse()) {
    for (const indicator of indicatorsOf(panel.rubric)) {
      const add = (level: AgreementHistoryRow['level'], id: string, label: string): void => {
        const key = `${level}:${id}`;
        if (seen.has(key)) return;
        seen.add(key);
        order.push({ level, id, label, indicatorId: indicator.id });
      };
      add('indicator', indicator.id, indicator.label);
      for (const criterion of indicator.criteria) add('criterion', criterion.id, criterion.label);
    }
  }
  // Keep each criterion under its indicator even when it came from an older rubric.
  const rows = order
    .filter((row) => row.level === 'indicator')
    .flatMap((indicator) => [indicator, ...order.filter((row) => row.level === 'criterion' && row.indicatorId === indicator.id)])
    .map((row): AgreementHistoryRow => ({
      ...row,
      cells: computed.map(({ indicators, criteria }): AgreementCell | null => {
        if (row.level === 'indicator') {
          const agreement = indicators[row.id];
          if (agreement === undefined) return null;
          const { alliances, experts } = agreement;
          return { measures: [measure('icc', agreement.icc, alliances, experts), measure('alpha', agreement.alpha, alliances, experts)], alliances, experts };
        }
        const agreement = criteria[row.id];
        if (agreement === undefined) return null;
        return { measures: [measure(agreement.statistic, agreement.value, agreement.alliances, agreement.experts)], alliances: agreement.alliances, experts: agreement.experts };
      }),
    }));
  return { years: years.map((panel) => ({ year: panel.year, meetingName: panel.meetingName, rubricId: panel.rubric.id })), rows };
}
