/**
 * Paper sheet file, format 1 (sheets-and-results.md): the shape of a `*.paper.json` file, so a
 * sheet typed in from paper can be archived and merged again by anyone with the CLI, like a
 * signed sheet (`alliance-review merge --paper`).
 *
 * - paper sheet file: the expert (id, name), year and rubric, the date on the paper
 *   (`signedOn`), the agreed reviews in exactly the shape of a signed sheet's reviews, who typed
 *   it in (`enteredBy`, `enteredAt`) and who confirmed it by blind re-entry (`confirmedBy`,
 *   `confirmedAt`, when the two entries agreed).
 * - No signature: the file is a transcription of the expert's signed paper original, which is
 *   archived on paper; its trust rests on the two people and the original, not on a key.
 *
 * The schema is strict like the sheet's and reuses its parts (reviews, expert id, rubric id),
 * so a review that is valid in a signed sheet is valid here and nowhere else differs. Reading
 * and the rules across fields are in parse-paper-sheet.ts.
 */
import { z } from 'zod';
import { singleLineText } from '../format/safe-text-schema.ts';

import type { PaperSheet } from '../result/paper-sheet.ts';
import type { SheetReview, UnsignedSheet } from '../sheet/sheet-schema.ts';
import { expertSchema, SHEET_FORMAT, SHEET_FORMAT_VERSION, unsignedSheetSchema } from '../sheet/sheet-schema.ts';
import { orderedReview } from '../sheet/sheet-text.ts';

export const PAPER_SHEET_FORMAT = 'alliance-review/paper-sheet' as const;
export const PAPER_SHEET_FORMAT_VERSION = 1 as const;

/** The time of day and zone a paper sheet counts as signed at: midnight China time of `signedOn`. */
const SIGNED_AT_SUFFIX = 'T00:00:00+08:00';

const personName = singleLineText(
  z
    .string()
    .max(100)
    .refine((value) => value.trim() !== '', { message: '不能为空 (blank)' }),
);

export const paperSheetFileSchema = z.strictObject({
  format: z.literal(PAPER_SHEET_FORMAT),
  version: z.literal(PAPER_SHEET_FORMAT_VERSION),
  year: unsignedSheetSchema.shape.year,
  rubric: unsignedSheetSchema.shape.rubric,
  /** No handwritten signature: that is on the paper. */
  expert: z.strictObject({ id: expertSchema.shape.id, name: expertSchema.shape.name }),
  /** `YYYY-MM-DD`, the date the expert signed the paper. */
  signedOn: z.iso.date(),
  reviews: unsignedSheetSchema.shape.reviews,
  enteredBy: personName,
  enteredAt: z.iso.datetime({ offset: true }),
  confirmedBy: personName,
  confirmedAt: z.iso.datetime({ offset: true }),
});

export interface PaperSheetFile {
  readonly format: typeof PAPER_SHEET_FORMAT;
  readonly version: typeof PAPER_SHEET_FORMAT_VERSION;
  readonly year: number;
  readonly rubric: string;
  readonly expert: { readonly id: string; readonly name: string };
  readonly signedOn: string;
  readonly reviews: readonly SheetReview[];
  readonly enteredBy: string;
  readonly enteredAt: string;
  readonly confirmedBy: string;
  readonly confirmedAt: string;
}

type Fits<Parsed, Declared> = Parsed extends Declared ? true : never;
const _fileFits: Fits<z.infer<typeof paperSheetFileSchema>, PaperSheetFile> = true;

/** The sheet a paper sheet file stands for, as the merge takes it (the same as the console's). */
export function unsignedSheetOfPaperFile(file: PaperSheetFile): UnsignedSheet {
  return {
    format: SHEET_FORMAT,
    version: SHEET_FORMAT_VERSION,
    year: file.year,
    rubric: file.rubric,
    expert: { id: file.expert.id, name: file.expert.name },
    signedAt: `${file.signedOn}${SIGNED_AT_SUFFIX}`,
    reviews: file.reviews,
  };
}

export function paperSheetOfFile(file: PaperSheetFile, source: string): PaperSheet {
  return { source, sheet: unsignedSheetOfPaperFile(file), enteredBy: file.enteredBy, confirmedBy: file.confirmedBy };
}

/** The file for an agreed paper sheet (shared/paper/paper-entries.ts `paperSheetOf`). */
export function paperFileOfSheet(paper: PaperSheet, times: { readonly enteredAt: string; readonly confirmedAt: string }): PaperSheetFile {
  const { sheet } = paper;
  if (!sheet.signedAt.endsWith(SIGNED_AT_SUFFIX)) throw new Error(`paper sheet signedAt ${sheet.signedAt} is not midnight China time`);
  return {
    format: PAPER_SHEET_FORMAT,
    version: PAPER_SHEET_FORMAT_VERSION,
    year: sheet.year,
    rubric: sheet.rubric,
    expert: { id: sheet.expert.id, name: sheet.expert.name },
    signedOn: sheet.signedAt.slice(0, sheet.signedAt.length - SIGNED_AT_SUFFIX.length),
    reviews: sheet.reviews,
    enteredBy: paper.enteredBy,
    enteredAt: times.enteredAt,
    confirmedBy: paper.confirmedBy,
    confirmedAt: times.confirmedAt,
  };
}

/** Indented JSON (two spaces, UTF-8, a final newline), members in the order above. */
export function paperSheetText(file: PaperSheetFile): string {
  const ordered = {
    format: file.format,
    version: file.version,
    year: file.year,
    rubric: file.rubric,
    expert: { id: file.expert.id, name: file.expert.name },
    signedOn: file.signedOn,
    reviews: file.reviews.map(orderedReview),
    enteredBy: file.enteredBy,
    enteredAt: file.enteredAt,
    confirmedBy: file.confirmedBy,
    confirmedAt: file.confirmedAt,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** The file name the console writes: `E04.paper.json`. */
export function paperSheetFileName(expertId: string): string {
  return `${expertId}.paper.json`;
}
