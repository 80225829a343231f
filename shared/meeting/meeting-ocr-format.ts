/**
 * The OCR results a meeting file carries (`ocr.json`, beside `meeting.json`): what the clerk's
 * laptop read from the scans of the meeting's packages, by the evidence file's SHA-256 and page,
 * so an expert laptop stores them and reads only what is missing (docs/ocr.md).
 *
 * - file: a listed evidence file's SHA-256, its page count (null when not counted yet), why it
 *   could not be read at all (a code, null when it could), and its pages done.
 * - page: how it was done (`ocr`, `text-layer`, `no-image`, `refused`), the text, its lines
 *   with boxes normalised to the page as shown (x0, y0, x1, y1 in 0..1), the engine and model
 *   version, and the refusal code of a refused page.
 */
import { z } from 'zod';

export const MEETING_OCR_FORMAT = 'alliance-review/ocr' as const;
export const MEETING_OCR_VERSION = 1 as const;

const unit = z.number().min(0).max(1);
const code = z.string().regex(/^[a-z0-9-]{1,64}$/);

export const meetingOcrSchema = z.strictObject({
  format: z.literal(MEETING_OCR_FORMAT),
  version: z.literal(MEETING_OCR_VERSION),
  files: z
    .array(
      z.strictObject({
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        pages: z.int().min(0).max(100_000).nullable(),
        refusal: code.nullable(),
        done: z
          .array(
            z.strictObject({
              page: z.int().min(1).max(100_000),
              source: z.enum(['ocr', 'text-layer', 'no-image', 'refused']),
              text: z.string().max(200_000),
              lines: z.array(z.strictObject({ text: z.string().max(10_000), box: z.tuple([unit, unit, unit, unit]) })).max(5_000),
              engine: z.string().min(1).max(200),
              refusal: code.nullable(),
            }),
          )
          .max(100_000),
      }),
    )
    .max(1_000_000),
});

export type MeetingOcr = z.infer<typeof meetingOcrSchema>;
