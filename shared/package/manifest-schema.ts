/**
 * Manifest schema: the shapes of manifest.json (package-format.md, table "manifest.json").
 *
 * - header: every field but the claims: format, version, year, rubric, alliance, selfReport,
 *   and `claims` as an object whose values are checked one by one.
 * - claim schema: the shape of one claim, chosen by its criterion's kind (flag, list, judged).
 *
 * Objects are strict: a misspelt key (`"evidance"`, `"data"` for `"date"`) is an error rather
 * than a silently lost piece of evidence or date. Rules a schema cannot express (evidence
 * files exist, item ids unique, dates real, the rubric known) live in validate-manifest.ts.
 */
import { z } from 'zod';
import { decimalPlacesOf } from '../decimal/decimal.ts';
import { multiLineText, singleLineText } from '../format/safe-text-schema.ts';
import { assertNever } from '../rubric/assert-never.ts';
import type { Criterion, JudgedCriterion } from '../rubric/types.ts';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION } from './manifest.ts';

export const ALLIANCE_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const nonBlank = z.string().refine((s) => s.trim() !== '', { params: { blank: true } });
/** Names, ids and titles: no control, bidi or zero-width character (text-safety.ts). */
const name = singleLineText(nonBlank);
const optionalName = singleLineText(z.string()).optional();
const note = multiLineText(z.string()).optional();
const evidence = z.array(z.string());

export const allianceSchema = z.strictObject({
  id: z.string().regex(ALLIANCE_ID),
  name,
  kind: z.enum(['general', 'incubator', 'finance']),
  leadOrganization: optionalName,
  contact: z.strictObject({ name: optionalName, phone: optionalName }).optional(),
});

export const headerSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_FORMAT_VERSION),
  year: z.int(),
  rubric: nonBlank,
  alliance: allianceSchema,
  selfReport: nonBlank,
  claims: z.record(z.string(), z.unknown()),
});

export const flagClaimSchema = z.strictObject({
  claimed: z.boolean(),
  note,
  evidence,
});

const itemBase = {
  id: name,
  title: name,
  date: z.string().regex(ISO_DATE).optional(),
  note,
  evidence,
};

/** Items of perItem, perPair and band criteria: no amount. */
export const listClaimSchema = z.strictObject({ items: z.array(z.strictObject(itemBase)) });

/** Items of tier criteria carry the amount their tier is found by; without one they cannot score. */
export const tierClaimSchema = z.strictObject({
  items: z.array(z.strictObject({ ...itemBase, amountWan: z.number().positive() })),
});

export function judgedClaimSchema(criterion: JudgedCriterion) {
  return z.strictObject({
    value: z
      .number()
      .min(0)
      .max(criterion.max)
      .refine((value) => decimalPlacesOf(value) <= 1, { params: { tooPrecise: true } })
      .optional(),
    evidence: evidence.optional(),
  });
}

export function claimSchema(criterion: Criterion): z.ZodType {
  switch (criterion.kind) {
    case 'flag':
      return flagClaimSchema;
    case 'perItem':
    case 'perPair':
    case 'band':
      return listClaimSchema;
    case 'tier':
      return tierClaimSchema;
    case 'judged':
      return judgedClaimSchema(criterion);
    default:
      return assertNever(criterion);
  }
}
