/**
 * Expert sheet, formats 1 and 2 (sheets-and-results.md): the shape of a `*.sheet.json` file.
 *
 * - sheet: one expert's signed work for the meeting: who they are, when they signed, and one
 *   review per alliance they were given.
 * - review: the expert's decisions and overrides for one alliance's package (named by its
 *   digest), or a recusal (回避) with its reason in `comment`.
 * - decision: per criterion id, `{accept, reason?}` (flag), `{accepted, rejected}` (lists) or
 *   `{value}` (judged), each with an optional `note`.
 * - unsigned sheet: a sheet without its `signature` member: what is signed.
 * - format 2 adds `signIn` (the sign-in: time, pledge text and its signing time, the recusals
 *   declared with standard reasons; shared/sheet/sign-in.ts), an optional `dissent` (the
 *   expert's dissenting opinion on the panel's result, 异议) and, per review, optional
 *   `explanations` (criterion id → the expert's explanation of a score). Format 1 has none of
 *   them and stays valid as it was.
 *
 * The schema is strict about shapes (an unknown key is an error: a misspelt `"acept"` must not
 * be read as "undecided") and never transforms a value, so what it accepts is exactly what was
 * signed. Rules across fields (one review per alliance, recusals) are in parse-sheet.ts; rules
 * that need the rubric and the packages are in check-sheet-against-packages.ts.
 */
import { z } from 'zod';

import { multiLineText, singleLineText } from '../format/safe-text-schema.ts';
import type { RecusalReasonCode } from './sign-in.ts';
import { RECUSAL_REASON_CODES } from './sign-in.ts';
import type { Decision, Decisions, Overrides } from '../rubric/types.ts';

export const SHEET_FORMAT = 'alliance-review/sheet' as const;
/** Format 1: the original sheet. Paper sheets are still written in it. */
export const SHEET_FORMAT_VERSION = 1 as const;
/** Format 2: format 1 plus the expert's sign-in, and optional dissent and explanations. */
export const SHEET_FORMAT_VERSION_2 = 2 as const;
export const SHEET_FORMAT_VERSIONS = [SHEET_FORMAT_VERSION, SHEET_FORMAT_VERSION_2] as const;
export const SIGNATURE_ALG = 'Ed25519' as const;

/** Expert ids, like alliance ids: 1–64 characters of `A-Z a-z 0-9 - _`. */
export const EXPERT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ALLIANCE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const RUBRIC_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/**
 * Indicator and criterion ids as rubric files allow them (parse-rubric.ts). Checking the keys
 * also keeps a key like `__proto__` from vanishing silently while the record is copied.
 */
const INDICATOR_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
const CRITERION_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,31}\.[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** The package digest: lowercase hex SHA-256 (package-format.md). */
const DIGEST = /^[0-9a-f]{64}$/;
/**
 * Canonical base64 of exactly 32 and 64 bytes: the unused low bits of the last character must
 * be zero, so one key or signature has exactly one spelling and two spellings cannot pass for
 * two different sheets.
 */
const BASE64_32 = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;
const BASE64_64 = /^[A-Za-z0-9+/]{85}[AQgw]==$/;

/** Free text people type (notes, reasons, comments): line breaks allowed, other control characters not. */
const freeText = () => multiLineText(z.string());
const note = freeText().optional();

export const flagDecisionSchema = z.strictObject({ accept: z.boolean(), reason: freeText().optional(), note });
export const listDecisionSchema = z.strictObject({
  accepted: z.array(singleLineText(z.string().min(1))),
  rejected: z.record(z.string().min(1), freeText()),
  note,
});
export const judgedDecisionSchema = z.strictObject({ value: z.number(), note });

/** Which decision shape a raw decision is trying to be, by its keys; null when none fits. */
export function decisionShapeOf(value: unknown): 0 | 1 | 2 | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  if ('accept' in value || 'reason' in value) return 0;
  if ('accepted' in value || 'rejected' in value) return 1;
  if ('value' in value) return 2;
  return null;
}

export const decisionSchema = z.union([flagDecisionSchema, listDecisionSchema, judgedDecisionSchema]);

export const overrideSchema = z.strictObject({ score: z.number().min(0), reason: freeText() });

export const reviewSchema = z.strictObject({
  allianceId: z.string().regex(ALLIANCE_ID),
  packageDigest: z.string().regex(DIGEST),
  recused: z.boolean(),
  /** Required unless recused; a recused review has none (or an empty object). */
  decisions: z.record(z.string().regex(CRITERION_KEY), decisionSchema).optional(),
  overrides: z.record(z.string().regex(INDICATOR_KEY), overrideSchema).optional(),
  comment: freeText().optional(),
});

/** Criterion id → the expert's explanation of their score on it (format 2 only). */
const explanationsSchema = z.record(z.string().regex(CRITERION_KEY), multiLineText(z.string().trim().min(1).max(2000))).optional();

export const reviewSchemaV2 = reviewSchema.extend({ explanations: explanationsSchema });

export const signInSchema = z.strictObject({
  /** ISO 8601 with seconds and a zone offset. */
  at: z.iso.datetime({ offset: true }),
  pledge: z.strictObject({ text: multiLineText(z.string().min(1).max(5000)), signedAt: z.iso.datetime({ offset: true }) }),
  recusals: z
    .array(
      z.strictObject({
        allianceId: z.string().regex(ALLIANCE_ID),
        reason: z.enum(RECUSAL_REASON_CODES),
        detail: multiLineText(z.string().trim().min(1).max(500)).optional(),
      }),
    )
    .max(1000),
});

export const expertSchema = z.strictObject({
  id: z.string().regex(EXPERT_ID),
  name: singleLineText(
    z
      .string()
      .max(100)
      .refine((value) => value.trim() !== '', { message: '不能为空 (blank)' }),
  ),
  /** PNG data URL, checked by hand-signature.ts. */
  handSignature: z.string().optional(),
});

export const signatureSchema = z.strictObject({
  alg: z.literal(SIGNATURE_ALG),
  publicKey: z.string().regex(BASE64_32),
  value: z.string().regex(BASE64_64),
});

const sheetFields = {
  format: z.literal(SHEET_FORMAT),
  version: z.literal(SHEET_FORMAT_VERSION),
  year: z.int(),
  rubric: z.string().regex(RUBRIC_ID),
  expert: expertSchema,
  /** ISO 8601 with seconds and a zone offset: `2027-01-20T09:30:00+08:00`. */
  signedAt: z.iso.datetime({ offset: true }),
  reviews: z.array(reviewSchema).min(1),
};

/** Format 1 (the names are kept: paper sheets are built from its parts). */
export const unsignedSheetSchema = z.strictObject(sheetFields);
export const sheetSchema = z.strictObject({ ...sheetFields, signature: signatureSchema });

const sheetFieldsV2 = {
  ...sheetFields,
  version: z.literal(SHEET_FORMAT_VERSION_2),
  reviews: z.array(reviewSchemaV2).min(1),
  signIn: signInSchema,
  dissent: multiLineText(z.string().trim().min(1).max(5000)).optional(),
};
export const unsignedSheetSchemaV2 = z.strictObject(sheetFieldsV2);
export const sheetSchemaV2 = z.strictObject({ ...sheetFieldsV2, signature: signatureSchema });

/*
 * The types are written out (rather than inferred) so they are readonly and use the rubric
 * engine's own Decision and Override types: the app builds reviews from those. The checks below
 * make the compiler prove that whatever the schemas accept fits them.
 */

export interface SheetReview {
  readonly allianceId: string;
  readonly packageDigest: string;
  readonly recused: boolean;
  readonly decisions?: Decisions | undefined;
  readonly overrides?: Overrides | undefined;
  readonly comment?: string | undefined;
  /** Format 2: criterion id → the expert's explanation of their score. */
  readonly explanations?: Readonly<Record<string, string>> | undefined;
}

export interface SheetSignIn {
  readonly at: string;
  readonly pledge: { readonly text: string; readonly signedAt: string };
  readonly recusals: readonly { readonly allianceId: string; readonly reason: RecusalReasonCode; readonly detail?: string | undefined }[];
}

export interface SheetExpert {
  readonly id: string;
  readonly name: string;
  readonly handSignature?: string | undefined;
}

export interface SheetSignature {
  readonly alg: typeof SIGNATURE_ALG;
  /** Standard base64 of the raw 32-byte Ed25519 public key. */
  readonly publicKey: string;
  /** Standard base64 of the 64-byte signature. */
  readonly value: string;
}

export interface UnsignedSheet {
  readonly format: typeof SHEET_FORMAT;
  readonly version: (typeof SHEET_FORMAT_VERSIONS)[number];
  readonly year: number;
  readonly rubric: string;
  readonly expert: SheetExpert;
  readonly signedAt: string;
  readonly reviews: readonly SheetReview[];
  /** Format 2 (required there): the expert's sign-in. */
  readonly signIn?: SheetSignIn | undefined;
  /** Format 2: the expert's dissenting opinion on the panel's result (异议). */
  readonly dissent?: string | undefined;
}

export interface Sheet extends UnsignedSheet {
  readonly signature: SheetSignature;
}

type Fits<Parsed, Declared> = Parsed extends Declared ? true : never;
const _unsignedFits: Fits<z.infer<typeof unsignedSheetSchema>, UnsignedSheet> = true;
const _sheetFits: Fits<z.infer<typeof sheetSchema>, Sheet> = true;
const _unsignedV2Fits: Fits<z.infer<typeof unsignedSheetSchemaV2>, UnsignedSheet> = true;
const _sheetV2Fits: Fits<z.infer<typeof sheetSchemaV2>, Sheet> = true;
const _decisionFits: Fits<z.infer<typeof decisionSchema>, Decision> = true;
