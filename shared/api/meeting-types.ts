/** A meeting as created and listed on the home screen (its preparation: meeting-setup-types.ts). */
export interface Meeting {
  readonly id: number;
  readonly name: string;
  readonly year: number;
  readonly createdAt: string;
}

/** The sample meeting after 载入示例会议: made now, or found from an earlier click. */
export interface SampleMeetingOutcome {
  readonly meetingId: number;
  readonly name: string;
  readonly year: number;
  readonly outcome: 'created' | 'already-loaded';
}
