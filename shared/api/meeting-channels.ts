/** The meeting channels of the home screen: create a meeting, list them. */
import { z } from 'zod';
import { singleLineText } from '../format/safe-text-schema.ts';
import { channel } from './channel.ts';
import type { Meeting, SampleMeetingOutcome } from './meeting-types.ts';
import { emptyRequest } from './request-fields.ts';

export const meetingChannels = {
  'meeting-create': channel<Meeting>()(
    z
      .object({
        name: singleLineText(z.string().trim().min(1, '会议名称不能为空').max(200, '会议名称不能超过 200 个字')),
        year: z.number().int().min(2000).max(2100),
      })
      .strict(),
  ),
  'meeting-list': channel<readonly Meeting[]>()(emptyRequest),
  /**
   * After the sample packages' import job: the sample meeting with its settings, roster and
   * packages; a second call finds it and changes nothing.
   */
  'sample-meeting-load': channel<SampleMeetingOutcome>()(emptyRequest),
} as const;
