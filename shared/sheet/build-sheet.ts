/**
 * Building an expert's sheet (sheets-and-results.md) from their work, before it is signed:
 * format 2 when the expert signed in (the sign-in travels in the sheet, with the optional
 * dissent and explanations), format 1 otherwise (a laptop without a meeting's roster).
 *
 * - review input: one alliance's package (by digest) and what the expert did with it: either a
 *   recusal with its reason, or the review (decisions and overrides) and a comment.
 * - A recused review carries no decisions and gives its reason as `comment`. A scored review
 *   leaves out `overrides` when there are none and `comment` when it is blank, so the sheet
 *   says only what the expert said.
 */
import type { Review } from '../rubric/types.ts';
import type { SheetReview, SheetSignIn, UnsignedSheet } from './sheet-schema.ts';
import { SHEET_FORMAT, SHEET_FORMAT_VERSION, SHEET_FORMAT_VERSION_2 } from './sheet-schema.ts';

export interface SheetReviewInput {
  readonly allianceId: string;
  readonly packageDigest: string;
  /** Non-null: the expert recused (回避) with this reason. */
  readonly recusalReason: string | null;
  readonly review: Review;
  readonly comment: string;
  /** Format 2: criterion id → the expert's explanation of their score; blank ones are left out. */
  readonly explanations?: Readonly<Record<string, string>> | undefined;
}

export interface SheetInput {
  readonly year: number;
  readonly rubricId: string;
  readonly expert: { readonly id: string; readonly name: string; readonly handSignature: string | null };
  /** `2027-01-20T09:30:00+08:00` (shared/time/offset-timestamp.ts). */
  readonly signedAt: string;
  readonly reviews: readonly SheetReviewInput[];
  /** The expert's sign-in; given, the sheet is format 2. */
  readonly signIn?: SheetSignIn | null | undefined;
  /** Format 2: the expert's dissent (异议); blank is left out. */
  readonly dissent?: string | undefined;
}

export function buildUnsignedSheet(input: SheetInput): UnsignedSheet {
  const signIn = input.signIn ?? null;
  const dissent = input.dissent?.trim() ?? '';
  if (signIn === null && (dissent !== '' || input.reviews.some((r) => Object.keys(r.explanations ?? {}).length > 0))) {
    // Dissent and explanations exist only in format 2, which needs the sign-in.
    throw new Error('a sheet with dissent or explanations needs the sign-in (format 2)');
  }
  const reviews = [...input.reviews].sort((a, b) => compareIds(a.allianceId, b.allianceId)).map(sheetReview);
  return {
    format: SHEET_FORMAT,
    version: signIn === null ? SHEET_FORMAT_VERSION : SHEET_FORMAT_VERSION_2,
    year: input.year,
    rubric: input.rubricId,
    expert: {
      id: input.expert.id,
      name: input.expert.name,
      ...(input.expert.handSignature === null ? {} : { handSignature: input.expert.handSignature }),
    },
    signedAt: input.signedAt,
    reviews,
    ...(signIn === null ? {} : { signIn }),
    ...(dissent === '' ? {} : { dissent }),
  };
}

function sheetReview(input: SheetReviewInput): SheetReview {
  const base = { allianceId: input.allianceId, packageDigest: input.packageDigest };
  if (input.recusalReason !== null) return { ...base, recused: true, comment: input.recusalReason };
  const overrides = input.review.overrides ?? {};
  const comment = input.comment.trim();
  const explanations = Object.fromEntries(
    Object.entries(input.explanations ?? {})
      .map(([criterionId, text]) => [criterionId, text.trim()] as const)
      .filter(([, text]) => text !== ''),
  );
  return {
    ...base,
    recused: false,
    decisions: input.review.decisions,
    ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
    ...(comment === '' ? {} : { comment }),
    ...(Object.keys(explanations).length > 0 ? { explanations } : {}),
  };
}

/** Alliance ids in code-unit order, the same on every laptop (no locale). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
