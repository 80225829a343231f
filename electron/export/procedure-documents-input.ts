/**
 * What the meeting's procedure documents are made from, beyond the result and the sheets
 * (ResultDocumentsInput): the parts only the meeting file or the chair's laptop knows.
 *
 * - procedure documents: 专家签到表, the experts' 承诺书, the 评审报告 and one 专家组意见 per
 *   alliance (pdf/sign-in-document.ts, pledge-document.ts, review-report-document.ts,
 *   panel-opinion-document.ts). They show the bureau that the meeting followed the procedure.
 * - member: one line of the roster (专家名册): id, name, title (职称), employer (工作单位), and
 *   whether they are the panel's leader (组长). From the meeting file or the chair's database;
 *   without a roster the members are the experts of the sheets, with their names only.
 * - flag note: the chair's note on one flag of the result, matched to the result's flag by
 *   alliance and the flag itself (its kind, expert, indicator and detail).
 * - difference record: an objective difference (客观分歧) and how it ended: `settled` (the
 *   experts re-signed and agree), `standing` (the panel recorded that it stands, and why) or
 *   `open`. Outlier record: a subjective score far from the others' (畸高畸低) and how it ended:
 *   `revised`, `explained` or `open`.
 * - clarification record: a 补正 request the chair made of an alliance (what was missing, by when)
 *   and how it ended: answered by the alliance's package version N imported at a time, or not.
 * - reopening record: a reopening of an earlier lock of this result, with its art. 64 ground.
 * - paper pledge: the chair's record that an expert signed the pledge on paper (an expert whose
 *   sheet is of format 1 or typed in from paper has no sign-in of their own).
 * - observer note: what the meeting's observer (监督员) wrote, printed in the report.
 * - panel conclusion: the panel's conclusion on one alliance, printed in its 专家组意见; without
 *   one the conclusion is stated from the result (score, grade, consequence).
 *
 * Every field is optional and plain data (strings, numbers, the result's own flag objects), so
 * the same structure can be filled from the chair's database in the app and read from a file
 * by the command line. What is absent is printed as absent, never guessed.
 */
import type { ReopenGround } from '../../shared/panel/reopen-grounds.ts';
import type { PanelFlag } from '../../shared/panel/types.ts';

export interface ProcedureMember {
  readonly id: string;
  readonly name: string;
  readonly title?: string | undefined;
  readonly employer?: string | undefined;
  readonly leader?: boolean | undefined;
}

/**
 * What every record of the chair's about one alliance holds: the alliance, and who recorded what
 * it says and when (ISO 8601), when known. The report prints them alike.
 */
export interface AllianceRecord {
  readonly allianceId: string;
  readonly by?: string | undefined;
  readonly at?: string | undefined;
}

export interface FlagNoteRecord extends AllianceRecord {
  readonly flag: PanelFlag;
  readonly note: string;
}

export interface DifferenceRecord extends AllianceRecord {
  /** The claim, in the chair's words: `I2 年度计划「2026 年工作计划」`. */
  readonly claim: string;
  /** Each scoring expert's decision: `E01 王明 认可、E02 刘䶮 不认可`. */
  readonly decisions: string;
  readonly outcome: 'settled' | 'standing' | 'open';
  /** Why it stands (`standing`). */
  readonly reason?: string | undefined;
}

/** `by`/`at`: who wrote the explanation and when (`explained`). */
export interface OutlierRecord extends AllianceRecord {
  readonly claim: string;
  readonly expertId: string;
  /** Decimal text. */
  readonly score: string;
  readonly othersMean: string;
  readonly outcome: 'revised' | 'explained' | 'open';
  readonly revisedTo?: string | undefined;
  readonly explanation?: string | undefined;
}

/** `by`/`at`: who asked and when. */
export interface ClarificationRecord extends AllianceRecord {
  /** What was missing, as the chair wrote it. */
  readonly missing: string;
  /** The date it was due, `2027-01-22`. */
  readonly dueOn: string;
  /** The package version that answered it and when it was imported; null: not answered. */
  readonly answer: { readonly version: number; readonly importedAt: string } | null;
}

export interface ReopeningRecord {
  readonly reopenedAt: string;
  readonly reopenedBy: string;
  /** One of art. 64's four reasons; null for a reopening recorded before grounds were asked. */
  readonly ground: ReopenGround | null;
  readonly reason: string;
}

export interface PaperPledgeRecord {
  readonly expertId: string;
  /** The date on the paper pledge, `2027-01-20`. */
  readonly signedOn: string;
  readonly recordedBy?: string | undefined;
}

export interface ProcedureDocumentsInput {
  /** The roster; absent: the experts of the sheets, names only. */
  readonly roster?: readonly ProcedureMember[] | undefined;
  /** Absent: the flags are printed without notes, saying none was given to this export. */
  readonly flagNotes?: readonly FlagNoteRecord[] | undefined;
  /** Absent: the report says the chair's records were not part of this export. */
  readonly differences?: readonly DifferenceRecord[] | undefined;
  readonly outliers?: readonly OutlierRecord[] | undefined;
  readonly paperPledges?: readonly PaperPledgeRecord[] | undefined;
  /** Absent: the report says the 补正 requests were not part of this export (a record of format 1). */
  readonly clarifications?: readonly ClarificationRecord[] | undefined;
  /** The reopenings before the lock these documents show; absent: not part of this export. */
  readonly reopenings?: readonly ReopeningRecord[] | undefined;
  readonly observerNote?: string | undefined;
  /** Alliance id → the panel's conclusion. */
  readonly panelConclusions?: Readonly<Record<string, string>> | undefined;
}

/** Whether two flags are the same flag of the result (the note answers exactly that one). */
export function sameFlag(a: PanelFlag, b: PanelFlag): boolean {
  return a.kind === b.kind && (a.expert ?? null) === (b.expert ?? null) && (a.indicator ?? null) === (b.indicator ?? null) && a.detail === b.detail;
}
