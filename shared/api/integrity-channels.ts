/**
 * The channels of the evidence cross-check (材料核查). Types in integrity-types.ts.
 */
import { z } from 'zod';
import type { ClaimHints, CrossCheckView, PackageCrossCheck } from './integrity-types.ts';
import { channel } from './channel.ts';
import { actorSchema, expertId, meetingId, meetingRequest, packageId } from './request-fields.ts';

const findingNoteRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    findingKey: z.string().regex(/^[0-9a-f]{64}$/, '提示的编号不对'),
    note: z.string().trim().min(1, '批注不能为空').max(2000, '批注不能超过 2000 个字'),
  })
  .strict();

export const integrityChannels = {
  /** Checks the meeting's packages now (files read before are not read again) and lists the findings. */
  'cross-check-findings': channel<CrossCheckView>()(meetingRequest),
  /** The chair's note on one finding, written to the audit log; answers the findings again. */
  'cross-check-note-save': channel<CrossCheckView>()(findingNoteRequest),
  /** The hints beside each claim of one package, for one expert (recused alliances' files never offered). */
  'claim-hints': channel<ClaimHints>()(z.object({ expertId, packageId }).strict()),
  /** The findings involving one imported package, its year's packages checked (the import report). */
  'package-cross-check': channel<PackageCrossCheck>()(z.object({ packageId }).strict()),
} as const;
