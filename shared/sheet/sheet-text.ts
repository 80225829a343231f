/**
 * Sheet text: how a signed sheet is written to a `*.sheet.json` file.
 *
 * - sheet text: indented JSON (two spaces, UTF-8, no BOM, a final newline) with the members in
 *   the order of the format's description, so a person opening the file on a USB stick can read
 *   it. The layout is not signed (the signature covers the canonical form, signing-text.ts), so
 *   any other layout of the same values verifies just as well.
 */
import type { Sheet, SheetReview } from './sheet-schema.ts';

export function sheetText(sheet: Sheet): string {
  const ordered = {
    format: sheet.format,
    version: sheet.version,
    year: sheet.year,
    rubric: sheet.rubric,
    expert: { id: sheet.expert.id, name: sheet.expert.name, handSignature: sheet.expert.handSignature },
    signedAt: sheet.signedAt,
    reviews: sheet.reviews.map(orderedReview),
    signIn:
      sheet.signIn === undefined
        ? undefined
        : {
            at: sheet.signIn.at,
            pledge: { text: sheet.signIn.pledge.text, signedAt: sheet.signIn.pledge.signedAt },
            recusals: sheet.signIn.recusals.map((r) => ({ allianceId: r.allianceId, reason: r.reason, detail: r.detail })),
          },
    dissent: sheet.dissent,
    signature: { alg: sheet.signature.alg, publicKey: sheet.signature.publicKey, value: sheet.signature.value },
  };
  // JSON.stringify drops the members whose value is undefined (an absent handSignature).
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** A review with its members in the order of the format's description. */
export function orderedReview(review: SheetReview): SheetReview {
  return {
    allianceId: review.allianceId,
    packageDigest: review.packageDigest,
    recused: review.recused,
    decisions: review.decisions,
    overrides: review.overrides,
    comment: review.comment,
    explanations: review.explanations,
  };
}
