/**
 * Rubric schema: the shape of a rubric definition file (`resources/rubrics/<id>.json`).
 *
 * - rubric file: JSON `{ format: "alliance-review/rubric", version: 1, id, title, grades,
 *   awardCapYuan, groups }`; groups hold indicators, indicators hold criteria (types.ts).
 *
 * The schema checks shapes only; rules that span fields (unique ids, criterion ids prefixed by
 * their indicator, band and tier ranges, caps adding up) live in parse-rubric.ts, which runs
 * after it. Objects are strict so a misspelt key (`"cpa": 10`) is an error, not a silent default.
 */
import { z } from 'zod';

import type { AllianceKind, CriterionNature, Rubric } from './types.ts';

export const RUBRIC_FORMAT = 'alliance-review/rubric';
export const RUBRIC_FORMAT_VERSION = 1;

const text = z.string().trim().min(1);
const nonNegative = z.number().min(0);

const criterionBase = {
  id: text,
  nature: z.enum(['objective', 'subjective'] satisfies CriterionNature[]),
  label: text,
  rule: text,
  forAllianceKinds: z.array(z.enum(['general', 'incubator', 'finance'] satisfies AllianceKind[])).min(1).optional(),
};

const flagCriterion = z.strictObject({ ...criterionBase, kind: z.literal('flag'), points: nonNegative });
const perItemCriterion = z.strictObject({
  ...criterionBase,
  kind: z.literal('perItem'),
  points: nonNegative,
  cap: nonNegative.optional(),
});
const perPairCriterion = z.strictObject({ ...criterionBase, kind: z.literal('perPair'), points: nonNegative });
const bandCriterion = z.strictObject({
  ...criterionBase,
  kind: z.literal('band'),
  bands: z
    .array(z.strictObject({ from: z.int().min(1), to: z.int().min(1).nullable(), points: nonNegative }))
    .min(1),
});
const tierCriterion = z.strictObject({
  ...criterionBase,
  kind: z.literal('tier'),
  tiers: z
    .array(z.strictObject({ fromWan: nonNegative, belowWan: z.number().positive().nullable(), points: nonNegative }))
    .min(1),
});
const judgedCriterion = z.strictObject({ ...criterionBase, kind: z.literal('judged'), max: z.number().positive() });

const criterion = z.discriminatedUnion('kind', [
  flagCriterion,
  perItemCriterion,
  perPairCriterion,
  bandCriterion,
  tierCriterion,
  judgedCriterion,
]);

const indicator = z.strictObject({
  id: text,
  label: text,
  labelEn: text.optional(),
  cap: nonNegative.nullable(),
  content: text.optional(),
  rule: text,
  criteria: z.array(criterion).min(1),
});

const group = z.strictObject({
  id: text,
  label: text,
  labelEn: text.optional(),
  cap: nonNegative.nullable(),
  indicators: z.array(indicator).min(1),
});

export const rubricFileSchema = z.strictObject({
  format: z.literal(RUBRIC_FORMAT),
  version: z.literal(RUBRIC_FORMAT_VERSION),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  title: text,
  source: text.optional(),
  grades: z.strictObject({ excellent: nonNegative, pass: nonNegative }),
  awardCapYuan: z.int().min(0),
  groups: z.array(group).min(1),
});

export type RubricFile = z.infer<typeof rubricFileSchema>;

/** The typed rubric in a parsed file: the file minus its format header. */
export function rubricOfFile(file: RubricFile): Rubric {
  const { format: _format, version: _version, ...rubric } = file;
  return rubric;
}
