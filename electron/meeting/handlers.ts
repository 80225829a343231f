import type { meetingChannels } from '../../shared/api/meeting-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { createMeeting, listMeetings } from './meeting-store.ts';

export const meetingHandlers = {
  'meeting-create': (ctx, request) => createMeeting(ctx.db, request, ctx.now()),
  'meeting-list': (ctx) => listMeetings(ctx.db),
} satisfies HandlerSlice<keyof typeof meetingChannels>;
