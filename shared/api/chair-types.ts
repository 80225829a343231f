/**
 * What the chair's console receives from main: the response types of the chair channels
 * (chair-channels.ts declares the channels).
 *
 * - panel view: everything the chair's console shows of the panel: the result (format 1, the
 *   same object `merge --json` prints), its flags with the chair's notes, what is missing, and
 *   why the year cannot be finalized yet.
 * - drill-down: one alliance and one indicator, every expert's decisions side by side.
 */
import type { AgreementHistory } from '../panel/agreement-by-year.ts';
import type { ReopenGround } from '../panel/reopen-grounds.ts';
import type { PanelFlag } from '../panel/types.ts';
import type { PublicityEntry } from '../result/publicity-list.ts';
import type { ResultFile } from '../result/result-schema.ts';
import type { Claims, Rubric } from '../rubric/types.ts';

export interface ProblemView {
  readonly code: string;
  /** The file (sheet, package) concerned, when there is one. */
  readonly source: string | null;
  readonly path: string;
  /** For the person reading the report, in their words. */
  readonly message: string;
  /** The check's own text, with the field it is about, for whoever looks into the file later; not shown. */
  readonly detail?: string | undefined;
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
  /** Last year's result file (any format version), or the bureau's own list (.xlsx / .csv). */
  readonly kind: 'result' | 'list';
  /** For a list, what it was read as and which year it is taken as, for the chair to read; null for a result file. */
  readonly reading: string | null;
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

/** The answer to 定稿: the lock in force, and whether it was already in force (a repeated 定稿 writes nothing). */
export interface FinalizeOutcome extends LockView {
  readonly alreadyLocked: boolean;
}

export interface ReopeningView {
  readonly lockedAt: string;
  readonly lockedBy: string;
  readonly resultSha256: string;
  readonly reopenedAt: string;
  readonly reopenedBy: string;
  /** Which of art. 64's four reasons; null for a reopening recorded before grounds were asked. */
  readonly ground: ReopenGround | null;
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
  /** Objective differences, subjective outliers, pledges and the lock conditions; null before the meeting is prepared. */
  readonly procedure: ProcedureView | null;
  /** Why finalizing is refused now; empty when the chair may lock the result. */
  readonly blockers: readonly string[];
}

/** Who recorded something, and when. */
export interface RecordedBy {
  readonly by: string;
  readonly at: string;
}

/** One scoring expert's decision on a claim an objective difference is about. */
export interface DifferenceDecisionView {
  readonly expertId: string;
  readonly expertName: string;
  readonly decision: 'accept' | 'reject' | 'value' | 'none';
  /** A judged criterion's value, as decimal text. */
  readonly value: string | null;
  readonly reason: string | null;
}

/**
 * 客观分歧: one objective claim (flag, item or objective judged value) the scoring experts
 * decided differently. `open` until the experts' current sheets agree (`settled`: found in
 * the experts' first counted sheets, gone from the current ones) or the panel records that it
 * stands, and why (`standing`).
 */
export interface DifferenceView {
  /** Identifies this difference with these exact decisions, for the panel's record. */
  readonly key: string;
  readonly allianceId: string;
  readonly allianceName: string;
  readonly criterionId: string;
  readonly criterionLabel: string;
  readonly indicatorId: string;
  readonly itemId: string | null;
  readonly itemTitle: string | null;
  readonly decisions: readonly DifferenceDecisionView[];
  readonly status: 'open' | 'settled' | 'standing';
  readonly standing: (RecordedBy & { readonly reason: string }) | null;
}

/**
 * 畸高畸低: a subjective score further than share × cap from the other scoring experts' mean.
 * `open` until the expert revises it (`revised`: the expert re-signed with another score) or
 * explains it in writing (`explained`). `source` says where the explanation came from: the chair
 * entered it from the expert (`chair`); an expert's own signed explanation arrives later.
 */
export interface OutlierView {
  readonly key: string;
  readonly allianceId: string;
  readonly allianceName: string;
  readonly criterionId: string;
  readonly criterionLabel: string;
  readonly indicatorId: string;
  readonly expertId: string;
  readonly expertName: string;
  /** Decimal text. */
  readonly score: string;
  readonly othersMean: string;
  readonly distance: string;
  readonly limit: string;
  readonly direction: 'high' | 'low';
  readonly status: 'open' | 'revised' | 'explained';
  /** The score in the expert's current sheet, when revised. */
  readonly revisedTo: string | null;
  readonly explanation: (RecordedBy & { readonly text: string; readonly source: 'chair' | 'sheet' }) | null;
}

export interface PledgeView extends RecordedBy {
  readonly expertId: string;
  /** The date on the signed paper pledge. */
  readonly signedOn: string;
}

export type LockConditionId = 'signed' | 'signed-in' | 'differences' | 'outliers' | 'flags' | 'previous';

export interface LockConditionView {
  readonly id: LockConditionId;
  readonly label: string;
  readonly met: boolean;
  /** What is still missing, in words for the chair; empty when met. */
  readonly missing: readonly string[];
}

export interface ProcedureView {
  /** The meeting's outlier share (decimal text, `0.3`). */
  readonly outlierShare: string;
  readonly differences: readonly DifferenceView[];
  readonly outliers: readonly OutlierView[];
  readonly pledges: readonly PledgeView[];
  /** Experts who signed in on their own laptop: their counted sheet (format 2) carries the signed sign-in and pledge. */
  readonly sheetSignIns: readonly { readonly expertId: string; readonly at: string }[];
  /** The chair's confirmation that there are no results of last year; null when not given. */
  readonly previousNone: RecordedBy | null;
  readonly conditions: readonly LockConditionView[];
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

/** The blank paper score form, written (paper-form-file.ts). */
export interface PaperFormFile {
  readonly path: string;
  readonly pages: number;
  readonly alliances: number;
}

export interface PaperMismatchView {
  /** Where, by ids: `HFA-012 · I4.techContracts · tc-2` (the screen names it from `at`). */
  readonly where: string;
  readonly at: {
    readonly allianceId: string | null;
    readonly criterionId: string | null;
    readonly itemId: string | null;
    readonly indicatorId: string | null;
    readonly field: string | null;
  };
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

/**
 * Agreement by year (一致性逐年对比): each indicator's and criterion's agreement in every year
 * the store holds a meeting of, up to the meeting's own (shared/panel/agreement-by-year.ts);
 * `left` lists the years that have a meeting whose sheets cannot be merged (yet), with why.
 */
export interface AgreementHistoryView extends AgreementHistory {
  readonly left: readonly { readonly year: number; readonly meetingName: string; readonly reason: string }[];
}
