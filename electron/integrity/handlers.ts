/**
 * The cross-check channels: the meeting checked on request, with the clerk's findings a meeting
 * file brought (meeting-findings.ts), each stored file's features read once and kept
 * (feature-store.ts); the chair's notes on findings (finding-notes.ts), each in the audit log.
 */
import type { integrityChannels } from '../../shared/api/integrity-channels.ts';
import type { CrossCheckView } from '../../shared/api/integrity-types.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { claimHints } from './claim-hints.ts';
import { notedView, saveFindingNote } from './finding-notes.ts';
import { meetingFindings, packageCrossCheck } from './meeting-findings.ts';

export const integrityHandlers = {
  'cross-check-findings': async (ctx, request): Promise<CrossCheckView> => notedView(ctx.db, request.meetingId, await meetingFindings(ctx, request.meetingId)),
  'cross-check-note-save': async (ctx, request): Promise<CrossCheckView> => {
    const check = await meetingFindings(ctx, request.meetingId);
    saveFindingNote(ctx.db, request.meetingId, check, { actor: request.actor, key: request.findingKey, note: request.note, at: ctx.now().toISOString() });
    return notedView(ctx.db, request.meetingId, check);
  },
  'claim-hints': (ctx, request) => claimHints(ctx, request.expertId, request.packageId),
  'package-cross-check': (ctx, request) => packageCrossCheck(ctx, request.packageId),
} satisfies HandlerSlice<keyof typeof integrityChannels>;
