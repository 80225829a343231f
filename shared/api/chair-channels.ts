/**
 * The channels of the chair's console: signed and paper sheets, the experts' keys, the panel,
 * notes, last year's result, finalizing and the audit log. Types in chair-types.ts.
 */
import { z } from 'zod';
import type { PaperContent } from '../paper/paper-entries.ts';
import { REOPEN_GROUNDS } from '../panel/reopen-grounds.ts';
import { EXPERT_ID, reviewSchema } from '../sheet/sheet-schema.ts';
import type {
  AgreementHistoryView,
  AuditView,
  DrillDownView,
  FinalizeOutcome,
  PanelView,
  PaperFormFile,
  PaperFormView,
  PaperSheetView,
  PreviousResultView,
  SheetImportReport,
  SheetsView,
} from './chair-types.ts';
import { multiLineText } from '../format/safe-text-schema.ts';
import { channel } from './channel.ts';
import type { ClarificationList } from './clarification-types.ts';
import { fileSourceSchema } from './file-source.ts';
import { actorSchema, folderRequest, meetingId, meetingRequest } from './request-fields.ts';

const sheetImportRequest = z
  .object({ meetingId, actor: actorSchema, sources: z.array(fileSourceSchema).min(1).max(500) })
  .strict();

const keyDecideRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    publicKey: z.string().min(1).max(100),
    decision: z.enum(['confirm', 'reject']),
    /** What the expert read out (or the paper sign-in sheet shows); spaces and case do not matter. */
    readOut: z.string().max(100),
  })
  .strict();

const drillDownRequest = z
  .object({ meetingId, allianceId: z.string().min(1).max(64), indicatorId: z.string().min(1).max(32) })
  .strict();

const flagNoteRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    flagKey: z.string().min(1).max(4000),
    note: z.string().trim().min(1, '说明不能为空').max(2000, '说明不能超过 2000 个字'),
  })
  .strict();

const flagNotesRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    flagKeys: z
      .array(z.string().min(1).max(4000))
      .min(1, '请至少勾选一个标记')
      .max(500, '一次最多对 500 个标记写意见')
      .refine((keys) => new Set(keys).size === keys.length, '同一个标记勾选了两次'),
    note: z.string().trim().min(1, '说明不能为空').max(2000, '说明不能超过 2000 个字'),
  })
  .strict();

const previousImportRequest = z.object({ meetingId, actor: actorSchema, source: fileSourceSchema }).strict();
const finalizeRequest = z.object({ meetingId, actor: actorSchema }).strict();
const reopenRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    /** One of 财政部令第87号 art. 64's four reasons; nothing else reopens a locked result. */
    ground: z.enum(REOPEN_GROUNDS, '请选择重新开启的法定事由（计分汇总错误；分项评分超出评分标准范围；客观评分不一致；经评审委员会认定评分畸高、畸低）'),
    reason: z.string().trim().min(1, '请写明重新开启的理由').max(2000),
  })
  .strict();

const differenceStandingRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    differenceKey: z.string().min(1).max(4000),
    reason: z.string().trim().min(1, '请写明维持分歧的理由').max(2000, '理由不能超过 2000 个字'),
  })
  .strict();

const outlierExplainRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    outlierKey: z.string().min(1).max(1000),
    explanation: z.string().trim().min(1, '请填写专家的书面说明').max(2000, '说明不能超过 2000 个字'),
  })
  .strict();

const clarificationRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    allianceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '请选择要补正材料的联盟'),
    missing: multiLineText(z.string().trim().min(1, '请写明需要补正的材料').max(2000, '补正内容不能超过 2000 个字')),
    dueOn: z.iso.date('补正期限应为 YYYY-MM-DD'),
  })
  .strict();
const pledgeRequest = z
  .object({ meetingId, actor: actorSchema, expertId: z.string().regex(EXPERT_ID), signedOn: z.iso.date('签字日期应为 YYYY-MM-DD') })
  .strict();

const previousNoneRequest = z.object({ meetingId, actor: actorSchema }).strict();

/** What a paper sheet says, as one person typed it: the date on the paper and the reviews. */
const paperContentSchema = z
  .object({
    signedOn: z.iso.date('签字日期应为 YYYY-MM-DD'),
    reviews: z.array(reviewSchema).min(1).max(1000),
  })
  .strict();

const paperEntrySaveRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    expertId: z.string().regex(EXPERT_ID),
    entryNo: z.union([z.literal(1), z.literal(2)]),
    content: paperContentSchema,
  })
  .strict();

const paperEntryGetRequest = z
  .object({ meetingId, expertId: z.string().regex(EXPERT_ID), entryNo: z.union([z.literal(1), z.literal(2)]) })
  .strict();

const paperFormPdfRequest = z
  .object({
    meetingId,
    /** The roster line printed on the form; null: empty name lines. */
    expertId: z.string().regex(EXPERT_ID).nullable(),
    /** Empty: `<data folder>/exports/<year>`. */
    folder: z.string().trim().max(4096),
  })
  .strict();

export const chairChannels = {
  /** Imports signed sheets (files, or folders of `*.sheet.json`); a report per file. */
  'chair-sheet-import': channel<readonly SheetImportReport[]>()(sheetImportRequest),
  'chair-sheet-list': channel<SheetsView>()(meetingRequest),
  /** Confirms a key against the expert's read-out of its fingerprint, or rejects it. */
  'chair-key-decide': channel<SheetsView>()(keyDecideRequest),
  'panel-view': channel<PanelView>()(meetingRequest),
  'panel-drilldown': channel<DrillDownView>()(drillDownRequest),
  /** Each criterion's and indicator's agreement in every year up to the meeting's (agreement-history.ts). */
  'panel-agreement-history': channel<AgreementHistoryView>()(meetingRequest),
  'flag-note-save': channel<PanelView>()(flagNoteRequest),
  /** One note for several flags; each flag is noted and logged on its own, all or none. */
  'flag-notes-save': channel<PanelView>()(flagNotesRequest),
  'previous-result-import': channel<PreviousResultView>()(previousImportRequest),
  /** Locks the result; refused while any blocker stands (`PanelView.blockers`); asked again while locked, answers the lock in force. */
  'panel-finalize': channel<FinalizeOutcome>()(finalizeRequest),
  /** Reopens a locked result for one of art. 64's four grounds, with the chair's words. */
  'panel-reopen': channel<PanelView>()(reopenRequest),
  /** The panel records that an objective difference stands, and why (panel-procedure.ts). */
  'panel-difference-standing': channel<PanelView>()(differenceStandingRequest),
  /** The expert's written explanation of an outlying subjective score, entered by the chair. */
  'panel-outlier-explain': channel<PanelView>()(outlierExplainRequest),
  /** The chair has the expert's signed paper pledge: the sign-in of a paper or format-1 expert. */
  'panel-pledge-record': channel<PanelView>()(pledgeRequest),
  /** The chair confirms there are no results of last year to load. */
  'panel-previous-none': channel<PanelView>()(previousNoneRequest),
  /** The meeting's 补正 requests, open and answered, and the alliances one can be made to. */
  'clarification-list': channel<ClarificationList>()(meetingRequest),
  /** Asks an alliance for what is missing by a date (补正); audit-logged. */
  'clarification-request': channel<ClarificationList>()(clarificationRequest),
  /** Writes the locked `<year>-result.json` and `<year>-公示名单.txt` into the folder. */
  'panel-result-export': channel<{ readonly resultPath: string; readonly publicityPath: string }>()(folderRequest),
  /** The meeting's audit log and the verification of the whole hash chain. */
  'audit-log': channel<AuditView>()(meetingRequest),
  'paper-form': channel<PaperFormView>()(meetingRequest),
  'paper-sheet-list': channel<readonly PaperSheetView[]>()(meetingRequest),
  'paper-entry-save': channel<PaperSheetView>()(paperEntrySaveRequest),
  /** One entry's own content, for the person who typed it to correct it. */
  'paper-entry-get': channel<PaperContent | null>()(paperEntryGetRequest),
  /** Writes the blank paper score form (PDF) for the meeting's packages; printing again replaces it. */
  'paper-form-pdf': channel<PaperFormFile>()(paperFormPdfRequest),
} as const;
