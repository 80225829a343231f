/**
 * Handlers of the panel's conclusions, the observer mode and the observer's notes
 * (panel-record-store.ts); the signed panel record itself is written with the result documents.
 */
import type { PanelRecordView } from '../../shared/api/panel-record-types.ts';
import type { panelRecordChannels } from '../../shared/api/panel-record-channels.ts';
import type { ServiceContext } from '../app/context.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { meetingRow } from '../meeting/meeting-store.ts';
import { addObserverNote, endObserver, observerNotes, observerSession, panelConclusions, saveConclusion, startObserver } from './panel-record-store.ts';

function recordView(ctx: ServiceContext, meetingId: number): PanelRecordView {
  meetingRow(ctx.db, meetingId);
  return { conclusions: panelConclusions(ctx.db, meetingId), observerNotes: observerNotes(ctx.db, meetingId), observer: observerSession(ctx) };
}

export const panelRecordHandlers = {
  'panel-record-view': (ctx, request) => recordView(ctx, request.meetingId),
  'panel-conclusion-save': (ctx, request) => {
    saveConclusion(ctx, request.meetingId, request.actor, request.allianceId, request.text);
    return recordView(ctx, request.meetingId);
  },
  'observer-start': (ctx, request) => {
    startObserver(ctx, request.meetingId, request.name);
    return recordView(ctx, request.meetingId);
  },
  'observer-session': (ctx) => observerSession(ctx),
  'observer-note-add': (ctx, request) => {
    addObserverNote(ctx, request.meetingId, request.text);
    return recordView(ctx, request.meetingId);
  },
  'observer-end': (ctx, request) => {
    endObserver(ctx);
    return recordView(ctx, request.meetingId);
  },
} satisfies HandlerSlice<keyof typeof panelRecordChannels>;
