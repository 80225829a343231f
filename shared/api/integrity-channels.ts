/**
 * The channels of the evidence cross-check (材料核查). Types in integrity-types.ts.
 */
import type { CrossCheckView } from './integrity-types.ts';
import { channel } from './channel.ts';
import { meetingRequest } from './request-fields.ts';

export const integrityChannels = {
  /** Checks the meeting's packages now (files read before are not read again) and lists the findings. */
  'cross-check-findings': channel<CrossCheckView>()(meetingRequest),
} as const;
