/**
 * Building an expert's sheet (format 1, sheets-and-results.md) from their work, before it is
 * signed.
 *
 * - review input: one alliance's package (by digest) and what the expert did with it: either a
 *   recusal with its reason, or the review (decisions and overrides) and a comment.
 * - A recused review carries no decisions and gives its reason as `comment`. A scored review
 *   leaves out `overrides` when there are none and `comment` when it is blank, so the sheet
 *   says only what the expert said.
 */
import type { Review } from '../rubric/types.ts';
import type { SheetReview, UnsignedSheet } from './sheet-schema.ts';
import { SHEET_FORMAT, SHEET_FORMAT_VERSION } from './sheet-schema.ts';

export interface SheetReviewInput {
  readonly allianceId: string;
  readonly packageDigest: string;
  /** Non-null: the expert recused (回避) with this reason. */
  readonly recusalReason: string | null;
  readonly review: Review;
  readonly comment: string;
}

export interface SheetInput {
  readonly year: number;
  readonly rubricId: string;
  readonly expert: { readonly id: string; readonly name: string; readonly handSignature: string | null };
  /** `2027-01-20T09:30:00+08:00` (shared/time/offset-timestamp.ts). */
  readonly signedAt: string;
  readonly reviews: readonly SheetReviewInput[];
}

export function buildUnsignedSheet(input: SheetInput): UnsignedSheet {
  return {
    format: SHEET_FORMAT,
    version: SHEET_FORMAT_VERSION,
    year: input.year,
    rubric: input.rubricId,
    expert: {
      id: input.expert.id,
      name: input.expert.name,
      ...(input.expert.handSignature === null ? {} : { handSignature: input.expert.handSignature }),
    },
    signedAt: input.signedAt,
    reviews: [...input.reviews].sort((a, b) => compareIds(a.allianceId, b.allianceId)).map(sheetReview),
  };
}

function sheetReview(input: SheetReviewInput): SheetReview {
  const base = { allianceId: input.allianceId, packageDigest: input.packageDigest };
  if (input.recusalReason !== null) return { ...base, recused: true, comment: input.recusalReason };
  const overrides = input.review.overrides ?? {};
  const comment = input.comment.trim();
  return {
    ...base,
    recused: false,
    decisions: input.review.decisions,
    ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
    ...(comment === '' ? {} : { comment }),
  };
}

/** Alliance ids in code-unit order, the same on every laptop (no locale). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
