/**
 * The cross-check channel: the meeting checked on request (meeting-cross-check.ts), each
 * stored file's features read once and kept (feature-store.ts).
 */
import type { integrityChannels } from '../../shared/api/integrity-channels.ts';
import type { CrossCheckView } from '../../shared/api/integrity-types.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { crossCheckMeeting } from './meeting-cross-check.ts';

export const integrityHandlers = {
  'cross-check-findings': async (ctx, request): Promise<CrossCheckView> => crossCheckMeeting(ctx.db, ctx.dataDir, request.meetingId, { now: ctx.now }),
} satisfies HandlerSlice<keyof typeof integrityChannels>;
