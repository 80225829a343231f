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
import type { PanelFlag } from '../../shared/panel/types.ts';

export interface ProcedureMember {
  readonly id: string;
  readonly name: string;
  readonly title?: string | undefined;
  readonly employer?: string | undefined;
  readonly leader?: boolean | undefined;
}

export interface FlagNoteRecord {
  readonly allianceId: string;
  readonly flag: PanelFlag;
  readonly note: string;
  /** Who wrote the note, and when (ISO 8601). */
  readonly by?: string | undefined;
  readonly at?: string | undefined;
}

export interface DifferenceRecord {
  readonly allianceId: string;
  /** The claim, in the chair's words: `I2 年度计划「2026 年工作计划」`. */
  readonly claim: string;
  /** Each scoring expert's decision: `E01 王明 认可、E02 刘䶮 不认可`. */
  readonly decisions: string;
  readonly outcome: 'settled' | 'standing' | 'open';
  /** Why it stands (`standing`). */
  readonly reason?: string | undefined;
  readonly by?: string | undefined;
  readonly at?: string | undefined;
}

export interface OutlierRecord {
  readonly allianceId: string;
  readonly claim: string;
  readonly expertId: string;
  /** Decimal text. */
  readonly score: string;
  readonly othersMean: string;
  readonly outcome: 'revised' | 'explained' | 'open';
  readonly revisedTo?: string | undefined;
  readonly explanation?: string | undefined;
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
  readonly observerNote?: string | undefined;
  /** Alliance id → the panel's conclusion. */
  readonly panelConclusions?: Readonly<Record<string, string>> | undefined;
}

/** Whether two flags are the same flag of the result (the note answers exactly that one). */
export function sameFlag(a: PanelFlag, b: PanelFlag): boolean {
  return a.kind === b.kind && (a.expert ?? null) === (b.expert ?? null) && (a.indicator ?? null) === (b.indicator ?? null) && a.detail === b.detail;
}
