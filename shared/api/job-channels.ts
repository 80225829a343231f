/** The job channels: how a background job is doing, and stopping it. */
import { channel } from './channel.ts';
import type { JobStatus } from './job-types.ts';
import { jobRequest } from './request-fields.ts';

export const jobChannels = {
  'job-status': channel<JobStatus>()(jobRequest),
  'job-cancel': channel<JobStatus>()(jobRequest),
} as const;
