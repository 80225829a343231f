/**
 * What the expert's workspace receives from main: the response types of the expert, review,
 * evidence and sheet channels (expert-, review-, evidence- and sheet-channels.ts declare them).
 *
 * - expert profile: one expert on this laptop, with the fingerprint of their signing key.
 * - alliance progress: one alliance's latest package as this expert has scored it so far.
 * - review state: everything the scoring view shows that changes with a decision: the
 *   decisions, overrides, comment, the live score, what is left undecided, and whether the
 *   work is locked by a signed sheet. Scores are exact decimals printed as text ("87.5").
 * - decision key: `criterionId` for a flag or judged criterion, `criterionId#itemId` for an
 *   item of a list criterion (see shared/review/stored-review.ts).
 */
import type { RosterEntry } from '../meeting/roster.ts';
import type { SignIn } from '../sheet/sign-in.ts';
import type { Claims, Grade, Rubric } from '../rubric/types.ts';
import type { PackageFileView, PackageProblemView, PackageSummary } from './package-types.ts';

export type KeyProtection = 'passphrase' | 'passphrase+os';

export interface ExpertProfile {
  /** The row id on this laptop. */
  readonly id: number;
  /** The expert id of the roster (`E01`), written into the sheet as `expert.id`. */
  readonly rosterId: string;
  readonly name: string;
  /** 职称 and 工作单位 copied from the roster entry chosen at creation; '' for a typed profile. */
  readonly title: string;
  readonly employer: string;
  /** `3f9a 0c11 7be2 d405` */
  readonly fingerprint: string;
  readonly protection: KeyProtection;
  /** PNG data URL, or null when none is drawn. */
  readonly handSignature: string | null;
  readonly createdAt: string;
}

/** A meeting on this laptop with a roster, whose entries a new profile is chosen from. */
export interface RosterChoices {
  readonly meetingId: number;
  readonly meetingName: string;
  readonly year: number;
  readonly experts: readonly (RosterEntry & {
    /** The profile already made here for this roster id, if any. */
    readonly profileId: number | null;
  })[];
}

/** An expert's sign-in for a year as the workspace shows it (shared/sheet/sign-in.ts). */
export interface SignInView {
  readonly year: number;
  /** A meeting of the year on this laptop has a roster: scoring waits for the sign-in. */
  readonly required: boolean;
  /** The pledge to read and sign (PLEDGE_TEXT). */
  readonly pledgeText: string;
  /** The stored sign-in, as signed; null before the expert signs in. */
  readonly signIn: SignIn | null;
}

/** 未开始 / 进行中 / 已完成 / 已回避 */
export type ReviewStatus = 'not-started' | 'in-progress' | 'complete' | 'recused';

export interface UndecidedView {
  readonly criterionId: string;
  readonly itemId: string | null;
}

export interface AllianceProgress {
  readonly packageId: number;
  readonly allianceId: string;
  readonly allianceName: string;
  readonly allianceKind: PackageSummary['allianceKind'];
  readonly year: number;
  readonly version: number;
  readonly digest: string;
  readonly selfTotal: string;
  readonly selfGrade: Grade;
  /** Claims decided so far, of `decided + undecided` that need a decision. */
  readonly decided: number;
  readonly undecided: number;
  /** Decisions carried over from the previous package version, not yet confirmed (待确认). */
  readonly carried: number;
  /** The expert's running total (undecided claims count 0) and its grade. */
  readonly total: string;
  readonly grade: Grade;
  readonly status: ReviewStatus;
  readonly recusalReason: string | null;
  /** Decisions or overrides the rules refuse (see review problems); signing needs none. */
  readonly problemCount: number;
  readonly firstUndecided: UndecidedView | null;
}

export interface SignedSheetSummary {
  readonly id: number;
  readonly year: number;
  readonly version: number;
  readonly signedAt: string;
  readonly fingerprint: string;
  readonly fileName: string;
  readonly filePath: string;
  /** The expert chose to revise after it: it no longer locks the work. */
  readonly revisedAt: string | null;
  /** A later version of the same year exists. */
  readonly superseded: boolean;
}

export interface ExpertWorkspace {
  readonly expert: ExpertProfile;
  /** Years with imported packages, newest first. */
  readonly years: readonly number[];
  readonly year: number | null;
  readonly alliances: readonly AllianceProgress[];
  /** The year's work is signed and locked until the expert chooses to revise. */
  readonly locked: boolean;
  /** Signed sheets of the year, newest first. */
  readonly sheets: readonly SignedSheetSummary[];
  /** What still stops signing, one line a person reads each; empty when ready. */
  readonly blockers: readonly string[];
  /** Where the browser shell writes sheets unless told otherwise (`<data>/exports`). */
  readonly defaultExportDir: string;
}

/** Scores as printed text, from the rubric engine. */
export interface ScoreView {
  readonly criteria: Readonly<Record<string, string>>;
  readonly indicators: Readonly<Record<string, IndicatorScoreView>>;
  readonly groups: Readonly<Record<string, string>>;
  readonly total: string;
  readonly grade: Grade;
}

export interface IndicatorScoreView {
  /** Sum of the criteria before the cap. */
  readonly criteriaSum: string;
  /** After the cap. */
  readonly computed: string;
  /** The indicator's score: the override where there is one, else `computed`. */
  readonly score: string;
  readonly overridden: boolean;
}

export type DecisionView =
  | { readonly accept: true }
  | { readonly accept: false; readonly reason: string }
  | { readonly value: string };

export interface OverrideView {
  readonly score: string;
  readonly reason: string;
}

/** The subject of one step of undo or redo, with the state that step's change had set. */
export type StepSubjectView =
  | { readonly kind: 'decision'; readonly criterionId: string; readonly itemId: string | null; readonly decision: DecisionView | null }
  | { readonly kind: 'override'; readonly indicatorId: string; readonly override: OverrideView | null }
  | { readonly kind: 'comment' };

/** One step of undo or redo: one change, or one action over several claims (本指标全部认定). */
export interface StepView {
  readonly subject: StepSubjectView;
  /** How many claims the step changes (1 unless it was one action over several). */
  readonly count: number;
}

export interface ReviewState {
  readonly expertId: number;
  readonly packageId: number;
  /** Decision key → decision. */
  readonly decisions: Readonly<Record<string, DecisionView>>;
  /** Indicator id → override. */
  readonly overrides: Readonly<Record<string, OverrideView>>;
  readonly comment: string;
  /** Criterion id → the expert's written explanation (说明理由) of their score on it. */
  readonly explanations: Readonly<Record<string, string>>;
  /** Decision keys of decisions carried over from the previous package version, not yet confirmed (待确认). */
  readonly carried: readonly string[];
  /** Criteria whose claim changed from the previous package version (材料已补正). */
  readonly amended: readonly string[];
  readonly recusalReason: string | null;
  readonly locked: boolean;
  readonly score: ScoreView;
  readonly undecided: readonly UndecidedView[];
  /** Review problems in words (a rejection without reason, …). */
  readonly problems: readonly string[];
  readonly decided: number;
  readonly status: ReviewStatus;
  readonly canUndo: boolean;
  /** What Ctrl+Z would undo now, to name it; null when nothing. */
  readonly nextUndo: StepView | null;
  /** What Ctrl+Shift+Z / Ctrl+Y would redo now; null when nothing (also after a fresh change). */
  readonly nextRedo: StepView | null;
  /** The last change stored (its sequence number and time), for the "saved" indicator. */
  readonly lastSaved: { readonly seq: number; readonly at: string } | null;
}

export interface ReviewOpen {
  readonly package: PackageSummary;
  readonly selfReport: string;
  readonly rubric: Rubric;
  readonly claims: Claims;
  readonly files: readonly PackageFileView[];
  readonly warnings: readonly PackageProblemView[];
  /** The alliance's self-score, for comparison. */
  readonly self: ScoreView;
  readonly state: ReviewState;
}

/** The printable draft of the expert's sheet, before signing (electron/sheets/draft-sheet-pdf.ts). */
export interface DraftSheetPdf {
  /** Where the PDF was written. */
  readonly path: string;
  readonly pages: number;
}

export interface SheetSignResult {
  readonly sheet: SignedSheetSummary;
  /** Where the file was written. */
  readonly path: string;
  /** The file's text, for the browser shell's download. */
  readonly text: string;
}
