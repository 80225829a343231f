/**
 * The meeting and chair channels' shapes (contract.ts lists the channels themselves): request
 * schemas, parsed in main, and the response types the renderer receives.
 *
 * - actor: the name the operator typed at the top of the console. The app has no accounts; the
 *   name is what the audit log records as who acted (docs/meeting-procedure.md).
 * - setup: what the clerk prepares: settings, roster, the package of each alliance.
 * - panel view: everything the chair's console shows of the panel: the result (format 1, the
 *   same object `merge --json` prints), its flags with the chair's notes, what is missing, and
 *   why the year cannot be finalized yet.
 * - drill-down: one alliance and one indicator, every expert's decisions side by side.
 */
import { z } from 'zod';
import type { PanelFlag } from '../panel/types.ts';
import type { PublicityEntry } from '../result/publicity-list.ts';
import type { ResultFile } from '../result/result-schema.ts';
import type { Claims, Rubric } from '../rubric/types.ts';
import { EXPERT_ID, reviewSchema } from '../sheet/sheet-schema.ts';
import type { PackageImportReport, PackageSummary } from './contract.ts';

/* ------------------------------------------------------------------------------------------
 * Requests
 * ---------------------------------------------------------------------------------------- */

export const actorSchema = z.string().trim().min(1, '请先在页面顶部填写操作人姓名').max(100, '操作人姓名不能超过 100 个字');
const meetingId = z.number().int().positive();
/** A non-negative decimal as typed (`10`, `7.5`, `1000000`), kept as text so nothing is rounded. */
export const decimalTextSchema = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, '应为不小于 0 的数字，最多两位小数');

/** A file handed to main: a local path (desktop, or a folder for sheets) or an upload (browser shell). */
export const fileSourceSchema = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z
    .object({
      uploadId: z.string().regex(/^[0-9a-f]{32}$/),
      name: z.string().min(1).max(255),
    })
    .strict(),
]);

export const meetingRequest = z.object({ meetingId }).strict();

export const settingsSaveRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    rubricId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    method: z.enum(['mean', 'trimmed']),
    deviationThreshold: decimalTextSchema,
    budgetYuan: decimalTextSchema.nullable(),
  })
  .strict();

export const rosterSaveRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    experts: z
      .array(
        z
          .object({
            id: z.string().trim().regex(EXPERT_ID, '专家编号只能用字母、数字、- 和 _（1–64 个）'),
            name: z.string().trim().min(1, '专家姓名不能为空').max(100),
          })
          .strict(),
      )
      .max(200),
  })
  .strict();

export const packagesSaveRequest = z
  .object({ meetingId, actor: actorSchema, packageIds: z.array(z.number().int().positive()).max(1000) })
  .strict();

export const folderRequest = z.object({ meetingId, folder: z.string().trim().min(1, '请填写保存到的文件夹').max(4096) }).strict();

export const meetingFileImportRequest = z.object({ actor: actorSchema, source: fileSourceSchema }).strict();
export const jobRequest = z.object({ jobId: z.string().min(1).max(100) }).strict();

export const sheetImportRequest = z
  .object({ meetingId, actor: actorSchema, sources: z.array(fileSourceSchema).min(1).max(500) })
  .strict();

export const keyDecideRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    publicKey: z.string().min(1).max(100),
    decision: z.enum(['confirm', 'reject']),
    /** What the expert read out (or the paper sign-in sheet shows); spaces and case do not matter. */
    readOut: z.string().max(100),
  })
  .strict();

export const drillDownRequest = z
  .object({ meetingId, allianceId: z.string().min(1).max(64), indicatorId: z.string().min(1).max(32) })
  .strict();

export const flagNoteRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    flagKey: z.string().min(1).max(4000),
    note: z.string().trim().min(1, '说明不能为空').max(2000, '说明不能超过 2000 个字'),
  })
  .strict();

export const previousImportRequest = z.object({ meetingId, actor: actorSchema, source: fileSourceSchema }).strict();
export const finalizeRequest = z.object({ meetingId, actor: actorSchema }).strict();
export const reopenRequest = z
  .object({ meetingId, actor: actorSchema, reason: z.string().trim().min(1, '请写明重新开启的理由').max(2000) })
  .strict();

/** What a paper sheet says, as one person typed it: the date on the paper and the reviews. */
export const paperContentSchema = z
  .object({
    signedOn: z.iso.date('签字日期应为 YYYY-MM-DD'),
    reviews: z.array(reviewSchema).min(1).max(1000),
  })
  .strict();

export const paperEntrySaveRequest = z
  .object({
    meetingId,
    actor: actorSchema,
    expertId: z.string().regex(EXPERT_ID),
    entryNo: z.union([z.literal(1), z.literal(2)]),
    content: paperContentSchema,
  })
  .strict();

export const paperEntryGetRequest = z
  .object({ meetingId, expertId: z.string().regex(EXPERT_ID), entryNo: z.union([z.literal(1), z.literal(2)]) })
  .strict();

/* ------------------------------------------------------------------------------------------
 * Responses
 * ---------------------------------------------------------------------------------------- */

export interface MeetingSettingsView {
  readonly method: 'mean' | 'trimmed';
  /** Decimal text as entered (`10`). */
  readonly deviationThreshold: string;
  readonly budgetYuan: string | null;
}

export interface MeetingPackageView {
  readonly allianceId: string;
  readonly allianceName: string;
  readonly digest: string;
  /** Null when the package is not (yet) in this laptop's store. */
  readonly packageId: number | null;
  readonly version: number | null;
}

export interface MeetingFileRecord {
  readonly direction: 'export' | 'import';
  readonly fingerprint: string;
  readonly fileName: string;
  readonly at: string;
}

export interface MeetingSetup {
  readonly meeting: { readonly id: number; readonly name: string; readonly year: number };
  /** False until the clerk first saves settings, roster or packages. */
  readonly prepared: boolean;
  readonly rubricId: string;
  readonly rubricIds: readonly string[];
  readonly settings: MeetingSettingsView;
  readonly experts: readonly { readonly id: string; readonly name: string }[];
  readonly packages: readonly MeetingPackageView[];
  /** The store's packages of the meeting's year, to choose from. */
  readonly candidates: readonly PackageSummary[];
  readonly locked: boolean;
  readonly files: readonly MeetingFileRecord[];
}

export interface MeetingFileExport {
  readonly path: string;
  readonly fingerprint: string;
  readonly contentSha256: string;
  readonly bytes: number;
}

export interface MeetingFileImportOutcome {
  readonly meetingId: number;
  readonly name: string;
  readonly year: number;
  readonly fingerprint: string;
  readonly outcome: 'created' | 'updated' | 'unchanged';
  readonly packages: readonly PackageImportReport[];
}

export interface ProblemView {
  readonly code: string;
  /** The file (sheet, package) concerned, when there is one. */
  readonly source: string | null;
  readonly path: string;
  readonly message: string;
}

export interface SheetImportReport {
  /** The file name the chair chose. */
  readonly source: string;
  readonly outcome: 'counted' | 'supersedes' | 'awaiting-fingerprint' | 'already-imported' | 'refused';
  readonly expertId: string | null;
  readonly expertName: string | null;
  readonly fingerprint: string | null;
  readonly signedAt: string | null;
  readonly problems: readonly ProblemView[];
}

export type SheetStatus = 'current' | 'superseded' | 'awaiting-fingerprint' | 'key-rejected';

export interface SheetRecordView {
  readonly id: number;
  readonly expertId: string;
  readonly expertName: string;
  readonly fingerprint: string;
  readonly publicKey: string;
  readonly signedAt: string;
  readonly sourceName: string;
  readonly importedAt: string;
  readonly importedBy: string;
  readonly status: SheetStatus;
}

export interface ExpertKeyView {
  readonly expertId: string;
  readonly fingerprint: string;
  readonly publicKey: string;
  readonly decision: 'confirmed' | 'rejected';
  readonly decidedBy: string;
  readonly decidedAt: string;
}

export interface PendingKeyView {
  readonly expertId: string;
  readonly expertName: string;
  readonly fingerprint: string;
  readonly publicKey: string;
  readonly sheetCount: number;
}

export interface SheetsView {
  readonly sheets: readonly SheetRecordView[];
  readonly pendingKeys: readonly PendingKeyView[];
  readonly keys: readonly ExpertKeyView[];
  readonly locked: boolean;
}

export interface NoteView {
  readonly text: string;
  readonly by: string;
  readonly at: string;
}

export interface FlagView {
  /** Identifies this exact flag (alliance, kind, expert, indicator, detail) for its note. */
  readonly key: string;
  readonly allianceId: string;
  readonly allianceName: string;
  readonly flag: PanelFlag;
  readonly note: NoteView | null;
  /** Earlier notes of the same flag, newest first. */
  readonly history: readonly NoteView[];
}

export interface PanelExpertView {
  readonly id: string;
  readonly name: string;
  readonly state: 'signed' | 'paper' | 'awaiting-fingerprint' | 'paper-entering' | 'none';
  readonly fingerprint: string | null;
  readonly signedAt: string | null;
  readonly paper: { readonly enteredBy: string; readonly confirmedBy: string } | null;
}

export interface PreviousResultView {
  readonly year: number;
  readonly sourceName: string;
  readonly sha256: string;
  readonly importedAt: string;
  readonly importedBy: string;
  readonly allianceCount: number;
  /** Alliance ids graded 不合格 last year. */
  readonly failed: readonly string[];
}

export interface FindingView {
  readonly allianceId: string;
  readonly flag: PanelFlag;
  readonly note: string;
  readonly by: string;
  readonly at: string;
}

export interface LockView {
  readonly lockedAt: string;
  readonly lockedBy: string;
  readonly resultSha256: string;
  /** The stored text still hashes to `resultSha256`. */
  readonly intact: boolean;
  readonly resultText: string;
  readonly findings: readonly FindingView[];
  readonly publicity: readonly PublicityEntry[];
  /** The audit log head when locked, as written in the lock's entry. */
  readonly auditHead: string | null;
}

export interface ReopeningView {
  readonly lockedAt: string;
  readonly lockedBy: string;
  readonly resultSha256: string;
  readonly reopenedAt: string;
  readonly reopenedBy: string;
  readonly reason: string;
}

export interface PanelView {
  readonly meeting: {
    readonly id: number;
    readonly name: string;
    readonly year: number;
    readonly rubricId: string;
    readonly method: 'mean' | 'trimmed';
    readonly deviationThreshold: number;
    readonly budgetYuan: number | null;
  };
  readonly rubric: Rubric | null;
  readonly experts: readonly PanelExpertView[];
  /** Merged from the sheets that count so far; the locked one when locked; null when none. */
  readonly result: ResultFile | null;
  /** Why there is no result, or what is wrong with the inputs. */
  readonly problems: readonly ProblemView[];
  /** Meeting packages no counted sheet reviews yet (left out of `result`). */
  readonly unreviewed: readonly { readonly allianceId: string; readonly allianceName: string }[];
  readonly flags: readonly FlagView[];
  readonly previous: PreviousResultView | null;
  /** How the award was split, in words; null when no budget was entered. */
  readonly awardRule: string | null;
  /** Alliance id → why its consequence is what it is (限期整改 / 取消市级联盟资格). */
  readonly consequenceReasons: Readonly<Record<string, string>>;
  readonly lock: LockView | null;
  readonly reopenings: readonly ReopeningView[];
  /** Why finalizing is refused now; empty when the chair may lock the result. */
  readonly blockers: readonly string[];
}

export interface EvidenceRef {
  readonly path: string;
  /** Null when the package has no such file (the validator warned). */
  readonly sha256: string | null;
  readonly size: number | null;
  readonly contentType: string | null;
}

export interface DrillItem {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly amountWan: number | null;
  readonly note: string | null;
  readonly evidence: readonly EvidenceRef[];
}

export interface DrillCriterion {
  readonly id: string;
  readonly label: string;
  readonly kind: 'flag' | 'perItem' | 'perPair' | 'band' | 'tier' | 'judged';
  readonly rule: string;
  /** flag: claimed or not; judged: the alliance's own value; lists: the items. */
  readonly claimed: boolean | null;
  readonly selfValue: number | null;
  readonly claimNote: string | null;
  readonly evidence: readonly EvidenceRef[];
  readonly items: readonly DrillItem[];
}

export interface DrillDecision {
  /** flag */
  readonly accept: boolean | null;
  readonly reason: string | null;
  /** lists */
  readonly accepted: readonly string[];
  readonly rejected: Readonly<Record<string, string>>;
  /** judged */
  readonly value: number | null;
  readonly note: string | null;
  /** The criterion's score under this expert's decisions. */
  readonly score: number;
}

export interface DrillExpert {
  readonly id: string;
  readonly name: string;
  readonly recused: boolean;
  readonly paper: boolean;
  readonly comment: string | null;
  /** Null when recused. */
  readonly indicator: {
    readonly computed: number;
    readonly score: number;
    readonly override: { readonly score: number; readonly reason: string } | null;
  } | null;
  readonly decisions: Readonly<Record<string, DrillDecision>>;
}

export interface DrillDownView {
  readonly allianceId: string;
  readonly allianceName: string;
  readonly packageDigest: string;
  /** The package in this laptop's store, for the evidence viewer (`package-detail`). */
  readonly packageId: number | null;
  readonly indicator: { readonly id: string; readonly label: string; readonly cap: number | null; readonly rule: string };
  readonly criteria: readonly DrillCriterion[];
  readonly experts: readonly DrillExpert[];
  /** The panel's score of this indicator, from the result. */
  readonly panelScore: number | null;
  readonly flags: readonly PanelFlag[];
}

export interface AuditEntryView {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly actionLabel: string;
  /** The detail JSON as stored. */
  readonly detail: string;
  readonly hash: string;
}

export interface AuditView {
  readonly entries: readonly AuditEntryView[];
  readonly verification: {
    readonly ok: boolean;
    readonly entryCount: number;
    readonly headFingerprint: string | null;
    readonly problems: readonly { readonly seq: number; readonly kind: string; readonly message: string }[];
    readonly suspect: readonly number[];
  };
}

export interface PaperFormView {
  readonly rubric: Rubric;
  readonly year: number;
  readonly experts: readonly { readonly id: string; readonly name: string }[];
  readonly alliances: readonly {
    readonly allianceId: string;
    readonly allianceName: string;
    readonly digest: string;
    readonly claims: Claims;
  }[];
}

export interface PaperMismatchView {
  /** Where, for a person: `HFA-012 · I4.techContracts · tc-2`. */
  readonly where: string;
  readonly first: string;
  readonly second: string;
}

export interface PaperSheetView {
  readonly expertId: string;
  readonly expertName: string;
  readonly first: { readonly by: string; readonly at: string } | null;
  readonly second: { readonly by: string; readonly at: string } | null;
  readonly agreed: { readonly enteredBy: string; readonly confirmedBy: string; readonly at: string } | null;
  readonly mismatches: readonly PaperMismatchView[];
}
