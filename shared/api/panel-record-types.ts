/**
 * What the panel record channels hand back (panel-record-channels.ts): the panel's conclusion
 * per alliance (专家组结论), the observer's notes (监督意见) and the observer mode (监督查看) of the
 * running program (electron/chair/panel-record-store.ts).
 */

export interface PanelConclusionView {
  readonly allianceId: string;
  readonly allianceName: string;
  readonly text: string;
  readonly by: string;
  readonly at: string;
}

export interface ObserverNoteView {
  /** The observer's name, as entered on entering the mode. */
  readonly name: string;
  readonly text: string;
  readonly at: string;
}

/** The observer mode in force: who observes, since when, on which meeting. */
export interface ObserverSessionView {
  readonly meetingId: number;
  readonly name: string;
  readonly since: string;
}

export interface PanelRecordView {
  readonly conclusions: readonly PanelConclusionView[];
  readonly observerNotes: readonly ObserverNoteView[];
  /** Null when nobody observes. */
  readonly observer: ObserverSessionView | null;
}
