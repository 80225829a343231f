/**
 * What the result documents are made from: the locked result and what its details need.
 *
 * - result: the result file of format 1 (`merge --json`), computed by the shared engine. The
 *   documents print its numbers and never compute a score of their own; the few per-criterion
 *   numbers a detail sheet shows that the result does not hold (an expert's criterion scores,
 *   the self-score per criterion) come from the same engine (`scoreReview`, `selfScore`).
 * - result digest: SHA-256 of the result text (`resultText`, the bytes `merge --json` prints),
 *   printed on every page so a paper copy names the exact result it shows.
 * - result package: what the details need of an alliance's package: its claims (items, evidence
 *   paths). The merge's `MergePackage` fits.
 * - result sheet: one expert's verified sheet with the fingerprint of its key (decisions,
 *   reasons, overrides, comments, the handwritten signature). The merge's `VerifiedSheet` fits.
 *   A paper sheet (typed in twice from paper in the chair's console) has no signature and no
 *   key: its fingerprint is `paper` and `paper` says who typed it and who confirmed it.
 * - chair notes: the chair's remarks per alliance, printed on the summary.
 * - procedure: what the procedure documents need beyond the result and the sheets (the roster,
 *   the chair's records), each part optional (procedure-documents-input.ts).
 */
import { createHash } from 'node:crypto';
import type { ResultFile } from '../../shared/result/result-schema.ts';
import { resultText } from '../../shared/result/result-text.ts';
import type { AllianceResult } from '../../shared/panel/types.ts';
import type { Claims, Rubric } from '../../shared/rubric/types.ts';
import type { ProcedureDocumentsInput } from './procedure-documents-input.ts';
import { PAPER_FINGERPRINT } from '../../shared/result/paper-sheet.ts';
import type { SheetReview, SheetSignature, UnsignedSheet } from '../../shared/sheet/sheet-schema.ts';

export interface ResultPackage {
  readonly allianceId: string;
  readonly allianceName: string;
  readonly digest: string;
  readonly claims: Claims;
}

export interface ResultSheet {
  /** A signed sheet carries its `signature`; a paper sheet has none. */
  readonly sheet: UnsignedSheet & { readonly signature?: SheetSignature | undefined };
  /** `3f9a 0c11 7be2 d405`, or `paper` for a sheet typed in from paper. */
  readonly fingerprint: string;
  /** A paper sheet: who typed it in and who confirmed it by blind re-entry, when known. */
  readonly paper?: PaperEntryPeople | null | undefined;
}

export interface PaperEntryPeople {
  readonly enteredBy: string;
  readonly confirmedBy: string;
}

/** Whether an expert's sheet was typed in from paper (no signature, no key). */
export function isPaperSheet(entry: ResultSheet): boolean {
  return (entry.paper !== null && entry.paper !== undefined) || entry.fingerprint === PAPER_FINGERPRINT || entry.sheet.signature === undefined;
}

export interface ResultDocumentsInput {
  readonly result: ResultFile;
  readonly rubric: Rubric;
  /** The meeting's name, on every page: `2026 年度合肥市产业技术创新战略联盟考核评审会`. */
  readonly meetingName: string;
  /** The packages scored (at least the version each alliance's result names). */
  readonly packages: readonly ResultPackage[];
  /** The merged sheets, one per expert. */
  readonly sheets: readonly ResultSheet[];
  /** Alliance id → the chair's note. */
  readonly chairNotes?: Readonly<Record<string, string>> | undefined;
  /** The panel chair (组长), for the signature block; null: a blank line to sign on. */
  readonly chairName?: string | null | undefined;
  /** The meeting's deviation threshold in points (for the 说明 sheet); default 10. */
  readonly deviationThreshold?: number | undefined;
  /** The award budget in yuan, when one was given. */
  readonly budgetYuan?: number | null | undefined;
  /** When the documents are made (the clock is an argument, so tests are repeatable). */
  readonly generatedAt: Date;
  /** The roster and the chair's records for the procedure documents; absent: from the sheets alone. */
  readonly procedure?: ProcedureDocumentsInput | undefined;
}

export function resultDigest(result: ResultFile): string {
  return createHash('sha256').update(resultText(result), 'utf8').digest('hex');
}

/** Finding things in the input by id. */
export interface ResultIndex {
  readonly expertName: (expertId: string) => string;
  readonly sheetOf: (expertId: string) => ResultSheet | undefined;
  readonly reviewOf: (expertId: string, allianceId: string) => SheetReview | undefined;
  readonly packageOf: (alliance: AllianceResult) => ResultPackage | undefined;
  /** Every expert of the result, in id order (merge order). */
  readonly expertIds: readonly string[];
}

export function indexInput(input: ResultDocumentsInput): ResultIndex {
  const sheets = new Map(input.sheets.map((entry) => [entry.sheet.expert.id, entry]));
  const packages = new Map(input.packages.map((entry) => [entry.digest, entry]));
  const ids = new Set<string>();
  for (const alliance of input.result.alliances) for (const expert of alliance.experts) ids.add(expert.id);
  for (const entry of input.sheets) ids.add(entry.sheet.expert.id);
  return {
    expertName: (expertId) => sheets.get(expertId)?.sheet.expert.name ?? expertId,
    sheetOf: (expertId) => sheets.get(expertId),
    reviewOf: (expertId, allianceId) =>
      sheets.get(expertId)?.sheet.reviews.find((review) => review.allianceId === allianceId),
    packageOf: (alliance) => packages.get(alliance.packageDigest),
    expertIds: [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}
