/**
 * The cross-check findings a meeting file carries (`cross-check.json`, beside `meeting.json`):
 * what the clerk's laptop found when it exported the meeting (docs/cross-check.md), so that an
 * expert or chair laptop, which holds only this meeting's packages and not the earlier years',
 * still shows the findings against earlier years. Each finding is a hint, never a verdict.
 *
 * - finding: shared/integrity/finding.ts, as the clerk's laptop worded it.
 * - checkedAt: when the clerk's laptop checked (ISO 8601, UTC).
 */
import { z } from 'zod';
import { findingKinds, type Finding } from '../integrity/finding.ts';

export const MEETING_CROSS_CHECK_FORMAT = 'alliance-review/cross-check' as const;
export const MEETING_CROSS_CHECK_VERSION = 1 as const;

/** Most findings one meeting file carries; a real meeting has tens, a few thousand is already noise. */
export const MAX_CARRIED_FINDINGS = 10_000;

const text = (max: number) => z.string().max(max);

const placeSchema = z.strictObject({
  allianceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  year: z.int().min(2000).max(2100),
  criterion: text(200).nullable(),
  itemId: text(200).nullable(),
  file: text(1000).nullable(),
  page: z.int().min(1).max(100_000).nullable(),
});

export const meetingCrossCheckSchema = z.strictObject({
  format: z.literal(MEETING_CROSS_CHECK_FORMAT),
  version: z.literal(MEETING_CROSS_CHECK_VERSION),
  checkedAt: z.iso.datetime({ offset: true }),
  findings: z
    .array(
      z.strictObject({
        kind: z.enum(findingKinds),
        identifier: text(200).nullable(),
        places: z.array(placeSchema).min(1).max(200),
        detail: text(4000),
      }),
    )
    .max(MAX_CARRIED_FINDINGS),
});

export type MeetingCrossCheckFile = z.infer<typeof meetingCrossCheckSchema>;

type Fits<Parsed, Declared> = Parsed extends Declared ? true : never;
const _findingFits: Fits<MeetingCrossCheckFile['findings'][number], Finding> = true;
