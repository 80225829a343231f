/**
 * Result, format 1 (sheets-and-results.md): the merged panel result of a year, as `merge --json`
 * prints it and as `merge --previous` reads last year's.
 *
 * - result file: `{ format, version, year, rubric, method, alliances }`.
 * - alliance result: one alliance's entry (shared/panel/types.ts `AllianceResult`): self-score
 *   total, each expert's total and indicator scores, the panel's indicators, total, grade,
 *   consequence, award and flags.
 * - When every expert recused for an alliance, its `total`, `grade` and `indicators` values are
 *   `null` and a `quorum` flag says why (shared/panel/aggregate-panel.ts).
 *
 * The schema is strict (unknown keys refused) so a file of another format or a hand-edited
 * one is not taken for a result.
 */
import { z } from 'zod';

import type { AllianceResult, PanelAnalysis, PanelMethod } from '../panel/types.ts';
import { PANEL_FLAG_KINDS } from '../panel/types.ts';

export const RESULT_FORMAT = 'alliance-review/result' as const;
export const RESULT_FORMAT_VERSION = 1 as const;

export interface ResultFile {
  readonly format: typeof RESULT_FORMAT;
  readonly version: typeof RESULT_FORMAT_VERSION;
  readonly year: number;
  readonly rubric: string;
  /** The method asked for; `trimmed-not-applied` flags say where it fell back to the mean. */
  readonly method: PanelMethod;
  readonly alliances: readonly AllianceResult[];
  /**
   * The panel's agreement per indicator and each expert's leniency (panel-analysis.ts), advisory
   * only. Absent in results made before it existed, which still parse (`--previous`).
   */
  readonly analysis?: PanelAnalysis | undefined;
}

const score = z.number().min(0);
const grade = z.enum(['excellent', 'pass', 'fail']);

const flagSchema = z.strictObject({
  kind: z.enum(PANEL_FLAG_KINDS),
  // null: the `unstable` flag of the other-method variant, which leaves no expert out.
  expert: z.string().nullable().optional(),
  indicator: z.string().optional(),
  detail: z.string(),
});

const expertSchema = z.strictObject({
  id: z.string().min(1),
  // `paper` for a sheet typed in from paper (no key; a `paper-entered` flag says who typed it).
  fingerprint: z.union([z.string().regex(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/), z.literal('paper')]),
  recused: z.boolean(),
  total: score.nullable(),
  indicators: z.record(z.string(), score).nullable(),
});

const allianceSchema = z.strictObject({
  allianceId: z.string().min(1),
  name: z.string(),
  packageDigest: z.string().regex(/^[0-9a-f]{64}$/),
  selfTotal: score,
  experts: z.array(expertSchema),
  indicators: z.record(z.string(), score.nullable()),
  total: score.nullable(),
  grade: grade.nullable(),
  consequence: z.enum(['award', 'rectify', 'disqualify']).nullable(),
  award: z.int().min(0).nullable(),
  flags: z.array(flagSchema),
});

/** A statistic of the analysis: at most three decimals (agreement may be negative). */
const statistic = z.number().nullable();
const count = z.int().min(0);

const analysisSchema = z.strictObject({
  indicators: z.record(
    z.string(),
    z.strictObject({ icc: statistic, alpha: statistic, alliances: count, experts: count }),
  ),
  experts: z.record(z.string(), z.strictObject({ leniency: statistic, spread: statistic, alliances: count })),
});

export const resultFileSchema = z.strictObject({
  format: z.literal(RESULT_FORMAT),
  version: z.literal(RESULT_FORMAT_VERSION),
  year: z.int(),
  rubric: z.string().min(1),
  method: z.enum(['mean', 'trimmed']),
  alliances: z.array(allianceSchema),
  analysis: analysisSchema.optional(),
});

type Fits<Parsed, Declared> = Parsed extends Declared ? true : never;
const _resultFits: Fits<z.infer<typeof resultFileSchema>, ResultFile> = true;
