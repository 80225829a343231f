/**
 * Panel record (专家组记录): what only the chair's laptop knows of a meeting, written beside the
 * locked result as one signed file, `<year>-专家组记录.panel.json` (docs/sheets-and-results.md,
 * “专家组记录”).
 *
 * - flag note: the chair's written answer to one flag of the locked result, as the lock kept it.
 * - difference: an objective difference (客观分歧) of the panel, with its outcome: `revised` when
 *   the experts re-signed and now agree, `recorded` when the panel recorded that it stands and
 *   why (the reason; null for a revised one), and each scoring expert's decision on the claim
 *   as the difference was found (for a revised one, from sheets the merge no longer counts).
 * - outlier: a subjective score far from the others' (畸高畸低) and how it ended: `revised` (the
 *   expert re-signed with another score, `revisedTo`) or `explained` (the expert's explanation,
 *   signed in their sheet or entered by the chair).
 * - paper pledge: the chair's record that an expert signed the pledge (承诺书) on paper, the
 *   sign-in of an expert whose sheet carries none.
 * - observer note: what the observer (监督) wrote on the chair's laptop, with their name and time.
 * - conclusion: the panel's conclusion (专家组结论) on one alliance, the chair's latest text.
 * - reopening: a reopening of an earlier lock, with its art. 64 ground and reason.
 * - clarification: a 补正 request the chair made of an alliance (what was missing, by when, who
 *   asked and when) and the package version that answered it with its import time, or null.
 *   New in version 2; a record of version 1 has none and still verifies and reads.
 * - versions: 1 (no 补正 requests), 2 (no decisions on differences, no outliers, no paper
 *   pledges), 3 (written now). Each earlier version still verifies and reads; what it lacks the
 *   documents state as not part of the record rather than as "none".
 * - result: the year and the SHA-256 of the locked result text (the bytes `merge --json`
 *   prints): a record belongs to exactly one result.
 * - signature: over the UTF-8 bytes of the RFC 8785 text of the record without `signature`, as a
 *   sheet's (shared/sheet/signing-text.ts), by the certificate's key that signs the result PDFs
 *   (the bureau's, or this computer's own); the certificate travels in the file (DER, base64).
 *
 * This module fixes the format and its schema; signing and verifying need node:crypto
 * (electron/chair/panel-record-file.ts).
 */
import { z } from 'zod';
import { REOPEN_GROUNDS } from '../panel/reopen-grounds.ts';
import type { PanelFlagKind } from '../panel/types.ts';
import { PANEL_FLAG_KINDS } from '../panel/types.ts';
import { canonicalJson } from '../format/canonical-json.ts';

export const PANEL_RECORD_FORMAT = 'alliance-review/panel-record';
/** The version written; versions 1 (no `clarifications`) and 2 (no decisions, outliers or paper pledges) are still read. */
export const PANEL_RECORD_VERSION = 3;
export const PANEL_RECORD_SIGNATURE_ALG = 'X509-SHA256';

const text = z.string().max(20000);
const when = z.string().min(1).max(64);
const who = z.string().max(200);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const flagNoteSchema = z
  .object({
    allianceId: z.string().min(1).max(64),
    allianceName: text,
    kind: z.enum(PANEL_FLAG_KINDS as readonly [PanelFlagKind, ...PanelFlagKind[]]),
    expert: z.string().max(64).nullable(),
    indicator: z.string().max(64).nullable(),
    detail: text,
    note: text,
    by: who,
    at: z.string().max(64),
  })
  .strict();

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);

const differenceV2Schema = z
  .object({
    allianceId: z.string().min(1).max(64),
    allianceName: text,
    criterionId: z.string().min(1).max(64),
    criterionLabel: text,
    itemId: z.string().max(200).nullable(),
    itemTitle: text.nullable(),
    outcome: z.enum(['revised', 'recorded']),
    reason: text.nullable(),
    by: who.nullable(),
    at: when.nullable(),
  })
  .strict();

const decisionSchema = z
  .object({
    expertId: z.string().min(1).max(64),
    expertName: who,
    decision: z.enum(['accept', 'reject', 'value', 'none']),
    /** A judged criterion's value, decimal text; null for a flag or an item. */
    value: decimal.nullable(),
    reason: text.nullable(),
  })
  .strict();

const differenceSchema = differenceV2Schema.extend({ decisions: z.array(decisionSchema).max(100) }).strict();

const outlierSchema = z
  .object({
    allianceId: z.string().min(1).max(64),
    allianceName: text,
    criterionId: z.string().min(1).max(64),
    criterionLabel: text,
    expertId: z.string().min(1).max(64),
    expertName: who,
    score: decimal,
    othersMean: decimal,
    outcome: z.enum(['revised', 'explained']),
    /** The score of the expert's re-signed sheet (`revised`); null otherwise. */
    revisedTo: decimal.nullable(),
    /** `sheet`: signed by the expert in their sheet; `chair`: entered by the chair. Null when revised. */
    explanation: z.object({ text: text.min(1), by: who, at: when, source: z.enum(['sheet', 'chair']) }).strict().nullable(),
  })
  .strict();

const paperPledgeSchema = z
  .object({
    expertId: z.string().min(1).max(64),
    signedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    recordedBy: who,
    recordedAt: when,
  })
  .strict();

const observerNoteSchema = z.object({ name: who.min(1), text: text.min(1), at: when }).strict();

const conclusionSchema = z.object({ allianceName: text, text: text.min(1), by: who, at: when }).strict();

const reopeningSchema = z
  .object({
    lockedAt: when,
    lockedBy: who,
    resultSha256: sha256,
    reopenedAt: when,
    reopenedBy: who,
    ground: z.enum(REOPEN_GROUNDS).nullable(),
    reason: text,
  })
  .strict();

const clarificationSchema = z
  .object({
    allianceId: z.string().min(1).max(64),
    allianceName: text,
    missing: text.min(1),
    dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    requestedBy: who,
    requestedAt: when,
    answeredVersion: z.number().int().min(1).nullable(),
    answeredAt: when.nullable(),
  })
  .strict();

export const panelRecordSignatureSchema = z
  .object({
    alg: z.literal(PANEL_RECORD_SIGNATURE_ALG),
    /** DER of the signing certificate, base64. */
    certificate: z.base64().min(1).max(20000),
    value: z.base64().min(1).max(4000),
  })
  .strict();

const recordFields = {
  format: z.literal(PANEL_RECORD_FORMAT),
  year: z.number().int().min(2000).max(2100),
  meeting: text,
  result: z.object({ sha256, lockedAt: when, lockedBy: who }).strict(),
  exportedAt: when,
  flagNotes: z.array(flagNoteSchema).max(10000),
  observerNotes: z.array(observerNoteSchema).max(10000),
  /** Alliance id → the panel's conclusion. */
  conclusions: z.record(z.string().min(1).max(64), conclusionSchema),
  reopenings: z.array(reopeningSchema).max(1000),
};

const clarifications = z.array(clarificationSchema).max(10000);

/** The record as this version writes it. */
export const unsignedPanelRecordSchema = z
  .object({
    ...recordFields,
    version: z.literal(PANEL_RECORD_VERSION),
    differences: z.array(differenceSchema).max(10000),
    outliers: z.array(outlierSchema).max(10000),
    paperPledges: z.array(paperPledgeSchema).max(1000),
    clarifications,
  })
  .strict();

export const panelRecordSchema = unsignedPanelRecordSchema.extend({ signature: panelRecordSignatureSchema }).strict();

/** A record of version 2: differences without the experts' decisions, no outliers, no paper pledges. */
export const panelRecordV2Schema = z
  .object({ ...recordFields, version: z.literal(2), differences: z.array(differenceV2Schema).max(10000), clarifications, signature: panelRecordSignatureSchema })
  .strict();

/** A record of version 1, written before 补正 requests were kept in it. */
export const panelRecordV1Schema = z
  .object({ ...recordFields, version: z.literal(1), differences: z.array(differenceV2Schema).max(10000), signature: panelRecordSignatureSchema })
  .strict();

/** What a reader accepts: any version, told apart by `version`. */
export const readablePanelRecordSchema = z.discriminatedUnion('version', [panelRecordSchema, panelRecordV2Schema, panelRecordV1Schema]);

export type UnsignedPanelRecord = z.infer<typeof unsignedPanelRecordSchema>;
export type PanelRecord = z.infer<typeof panelRecordSchema>;
export type ReadablePanelRecord = z.infer<typeof readablePanelRecordSchema>;
export type PanelRecordFlagNote = UnsignedPanelRecord['flagNotes'][number];
export type PanelRecordDifference = UnsignedPanelRecord['differences'][number];
/** A difference as every version holds it (version 3 adds `decisions`). */
export type PanelRecordDifferenceOfAnyVersion = ReadablePanelRecord['differences'][number];
export type PanelRecordOutlier = UnsignedPanelRecord['outliers'][number];
export type PanelRecordPaperPledge = UnsignedPanelRecord['paperPledges'][number];
export type PanelRecordObserverNote = UnsignedPanelRecord['observerNotes'][number];
export type PanelRecordReopening = UnsignedPanelRecord['reopenings'][number];
export type PanelRecordClarification = UnsignedPanelRecord['clarifications'][number];

/** The file's name beside the year's result documents. */
export function panelRecordFileName(year: number): string {
  return `${year}-专家组记录.panel.json`;
}

/** What the key signs: the JCS text of the record without `signature`. */
export function panelRecordSigningText(record: object): string {
  const { signature: _signature, ...signed } = record as Record<string, unknown>;
  return canonicalJson(signed);
}

/**
 * The file's text: indented JSON and a final newline, for an auditor to read. As with a sheet,
 * the layout is not signed (the signature covers the canonical form), so it may be re-indented.
 */
export function panelRecordText(record: PanelRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
