/**
 * Panel results: every alliance's entry of the result file, ready to print as JSON.
 *
 * - alliance input: one alliance's package (id, name, digest, claims) and its experts' scores.
 * - panel result: its entry of the result file (types.ts `AllianceResult`): self-score total,
 *   each expert's scores, the panel indicators, total, grade, consequence, award and flags.
 *
 * Awards depend on how many alliances are excellent, so this works on all alliances of a year
 * at once; the merge command prints what it returns and derives nothing itself.
 */
import type { Decimal } from '../decimal/decimal.ts';
import { toJsonNumber } from '../decimal/print-score.ts';
import { selfScore } from '../rubric/self-score.ts';
import type { Claims, Grade, Rubric } from '../rubric/types.ts';
import type { PanelOptions } from './aggregate-panel.ts';
import { aggregatePanel } from './aggregate-panel.ts';
import { splitAwards } from './award-split.ts';
import { consequenceOf } from './consequence.ts';
import type { AllianceResult, PanelExpert } from './types.ts';

export interface AllianceInput {
  readonly allianceId: string;
  readonly name: string;
  readonly packageDigest: string;
  /** The package's claims, for the self-score total. */
  readonly claims: Claims;
  readonly experts: readonly PanelExpert[];
}

export interface PanelResultOptions extends PanelOptions {
  /** The year's award budget in yuan (`--budget`); absent or null: awards are null. */
  readonly budgetYuan?: number | null | undefined;
  /** Alliance id → last year's grade (`--previous`), for `disqualify`. */
  readonly previousGrades?: Readonly<Record<string, Grade | null>> | undefined;
}

/** The result file's `alliances`, in the order given. */
export function buildAllianceResults(
  rubric: Rubric,
  alliances: readonly AllianceInput[],
  options: PanelResultOptions = {},
): AllianceResult[] {
  const panels = alliances.map((alliance) => aggregatePanel(rubric, alliance.experts, options));
  const excellent = alliances.filter((_, i) => panels[i]?.grade === 'excellent').map((alliance) => alliance.allianceId);
  const budget = options.budgetYuan;
  const awards = budget === undefined || budget === null ? null : splitAwards(budget, excellent, rubric.awardCapYuan);
  const previous = options.previousGrades ?? {};

  return alliances.map((alliance, i): AllianceResult => {
    const panel = panels[i];
    if (panel === undefined) throw new Error('unreachable: one panel per alliance');
    const previousGrade = Object.prototype.hasOwnProperty.call(previous, alliance.allianceId)
      ? (previous[alliance.allianceId] ?? null)
      : null;
    return {
      allianceId: alliance.allianceId,
      name: alliance.name,
      packageDigest: alliance.packageDigest,
      selfTotal: toJsonNumber(selfScore(rubric, alliance.claims).total),
      experts: panel.experts.map((expert) => ({
        id: expert.expertId,
        fingerprint: expert.fingerprint,
        recused: expert.recused,
        total: expert.total === null ? null : toJsonNumber(expert.total),
        indicators: expert.indicators === null ? null : numbers(expert.indicators),
      })),
      indicators: numbersOrNull(panel.indicators),
      total: panel.total === null ? null : toJsonNumber(panel.total),
      grade: panel.grade,
      consequence: consequenceOf(panel.grade, previousGrade),
      award: panel.grade === 'excellent' && awards !== null ? (awards[alliance.allianceId] ?? null) : null,
      flags: panel.flags,
    };
  });
}

function numbers(record: Readonly<Record<string, Decimal>>): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [key, value] of Object.entries(record)) result[key] = toJsonNumber(value);
  return result;
}

function numbersOrNull(record: Readonly<Record<string, Decimal | null>>): Record<string, number | null> {
  const result: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(record)) result[key] = value === null ? null : toJsonNumber(value);
  return result;
}
