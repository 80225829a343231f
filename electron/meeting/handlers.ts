import type { meetingChannels } from '../../shared/api/meeting-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { createMeeting, listMeetings } from './meeting-store.ts';
import { loadSampleMeeting } from './sample-meeting.ts';

export const meetingHandlers = {
  'meeting-create': (ctx, request) => createMeeting(ctx.db, request, ctx.now()),
  'meeting-list': (ctx) => listMeetings(ctx.db),
  'sample-meeting-load': (ctx) => loadSampleMeeting(ctx),
} satisfies HandlerSlice<keyof typeof meetingChannels>;
