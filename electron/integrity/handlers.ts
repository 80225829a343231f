/**
 * The cross-check channels: the meeting checked on request (meeting-cross-check.ts), each
 * stored file's features read once and kept (feature-store.ts); the chair's notes on findings
 * (finding-notes.ts), each in the audit log.
 */
import type { integrityChannels } from '../../shared/api/integrity-channels.ts';
import type { CrossCheckView } from '../../shared/api/integrity-types.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import type { ServiceContext } from '../app/context.ts';
import { ocrPageTexts } from '../ocr/ocr-store.ts';
import { notedView, saveFindingNote } from './finding-notes.ts';
import { crossCheckMeeting } from './meeting-cross-check.ts';

// Scanned pages are compared by the text OCR read of them (similar-page, same-identifier).
const checkOptions = (ctx: ServiceContext) => ({ now: ctx.now, pageTexts: (sha256: string) => ocrPageTexts(ctx.db, sha256) });

export const integrityHandlers = {
  'cross-check-findings': async (ctx, request): Promise<CrossCheckView> =>
    notedView(ctx.db, request.meetingId, await crossCheckMeeting(ctx.db, ctx.dataDir, request.meetingId, checkOptions(ctx))),
  'cross-check-note-save': async (ctx, request): Promise<CrossCheckView> => {
    const check = await crossCheckMeeting(ctx.db, ctx.dataDir, request.meetingId, checkOptions(ctx));
    saveFindingNote(ctx.db, request.meetingId, check, { actor: request.actor, key: request.findingKey, note: request.note, at: ctx.now().toISOString() });
    return notedView(ctx.db, request.meetingId, check);
  },
} satisfies HandlerSlice<keyof typeof integrityChannels>;
