import type { jobChannels } from '../../shared/api/job-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';

export const jobHandlers = {
  'job-status': (ctx, request) => ctx.jobs.status(request.jobId),
  'job-cancel': (ctx, request) => ctx.jobs.cancel(request.jobId),
} satisfies HandlerSlice<keyof typeof jobChannels>;
