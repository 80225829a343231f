/**
 * The channels of what the signed panel record gathers beyond the procedure: the panel's
 * conclusion per alliance, the observer mode and the observer's notes. Types in
 * panel-record-types.ts.
 */
import { z } from 'zod';
import { multiLineText, singleLineText } from '../format/safe-text-schema.ts';
import { channel } from './channel.ts';
import type { ObserverSessionView, PanelRecordView } from './panel-record-types.ts';
import { actorSchema, emptyRequest, meetingId, meetingRequest } from './request-fields.ts';

const conclusionRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    allianceId: z.string().min(1).max(64),
    text: multiLineText(z.string().trim().min(1, '专家组结论不能为空').max(2000, '专家组结论不能超过 2000 个字')),
  })
  .strict();

const observerStartRequest = z
  .object({ meetingId, name: singleLineText(z.string().trim().min(1, '请填写监督人姓名').max(100, '监督人姓名不能超过 100 个字')) })
  .strict();

const observerNoteRequest = z
  .object({ meetingId, text: multiLineText(z.string().trim().min(1, '监督意见不能为空').max(2000, '监督意见不能超过 2000 个字')) })
  .strict();

export const panelRecordChannels = {
  'panel-record-view': channel<PanelRecordView>()(meetingRequest),
  /** The panel's conclusion on one alliance (专家组结论); refused once locked. */
  'panel-conclusion-save': channel<PanelRecordView>()(conclusionRequest),
  /** Enters 监督查看: from now on this program refuses every change until `observer-end`. */
  'observer-start': channel<PanelRecordView>()(observerStartRequest),
  'observer-note-add': channel<PanelRecordView>()(observerNoteRequest),
  /** Whether 监督查看 is on in this running program, whatever the meeting: every screen asks it to disable its controls. */
  'observer-session': channel<ObserverSessionView | null>()(emptyRequest),
  /** Leaves 监督查看 (a deliberate action: the renderer asks to confirm). */
  'observer-end': channel<PanelRecordView>()(meetingRequest),
} as const;
