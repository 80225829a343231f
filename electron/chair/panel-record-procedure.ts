/**
 * The chair's records as the procedure documents take them (export/procedure-documents-input.ts),
 * from the panel record (shared/record/panel-record.ts): the app gathers it from the chair's
 * database at the export (panel-record-export.ts) and prints from it (procedure-documents-records.ts);
 * `merge --panel-record` reads the same record from the signed file (panel-record-file.ts) and
 * prints from it through the same functions here, so the command line writes from archived files
 * the documents the app wrote.
 *
 * - claim: how a difference or an outlier names what it is about, `I4 吸纳技术合同登记「……」`,
 *   the indicator taken from the rubric (the record keeps the criterion).
 * - decisions: each scoring expert's decision, `E01 王明 不认可、E02 李华 认可`.
 * - chair's notes (组长意见, on the summary and each 专家组意见): per alliance, one note when all its
 *   flags share it, else each with its flag.
 * - observer notes: one text, each note on its own line with who wrote it and when (China time).
 * - what a record of an earlier version lacks is left absent, and the report then says it was not
 *   part of the record rather than that there was none: the 补正 requests (version 1), the
 *   experts' decisions on a difference, the outliers and the paper pledges (versions 1 and 2).
 */
import { chinaDateTime } from '../../shared/meeting/china-time.ts';
import type { PanelRecordClarification, PanelRecordDifferenceOfAnyVersion, PanelRecordFlagNote, PanelRecordOutlier, ReadablePanelRecord, UnsignedPanelRecord } from '../../shared/record/panel-record.ts';
import { FLAG_LABELS } from '../export/result-labels.ts';
import { indexRubric } from '../../shared/rubric/rubric-index.ts';
import type { Rubric } from '../../shared/rubric/types.ts';
import type { ClarificationRecord, DifferenceRecord, OutlierRecord, ProcedureDocumentsInput } from '../export/procedure-documents-input.ts';

export interface ObserverNoteLine {
  readonly name: string;
  readonly text: string;
  readonly at: string;
}

/** `监督 李华（2027-01-20 10:05）：……`, one line a note; undefined when there is none. */
export function observerNoteText(notes: readonly ObserverNoteLine[]): string | undefined {
  if (notes.length === 0) return undefined;
  return notes.map((n) => `${n.name}（${chinaDateTime(n.at)}）：${n.text}`).join('\n');
}

/** The chair's notes of each alliance: one note when all its flags share it, else each with its flag. */
export function chairNotesOf(flagNotes: readonly Pick<PanelRecordFlagNote, 'allianceId' | 'kind' | 'expert' | 'note'>[]): Record<string, string> {
  const byAlliance = new Map<string, (typeof flagNotes)[number][]>();
  for (const finding of flagNotes) {
    if (finding.note.trim() === '') continue;
    byAlliance.set(finding.allianceId, [...(byAlliance.get(finding.allianceId) ?? []), finding]);
  }
  const notes: Record<string, string> = {};
  for (const [allianceId, list] of byAlliance) {
    const distinct = [...new Set(list.map((finding) => finding.note.trim()))];
    notes[allianceId] =
      distinct.length === 1
        ? (distinct[0] ?? '')
        : list.map((finding) => `${FLAG_LABELS[finding.kind]}${finding.expert === null ? '' : ` ${finding.expert}`}：${finding.note.trim()}`).join('；');
  }
  return notes;
}

const DECISION_WORDS = { accept: '认可', reject: '不认可', none: '未判断' } as const;

type Claim = Pick<PanelRecordDifferenceOfAnyVersion, 'criterionId' | 'criterionLabel'> & { readonly itemTitle: string | null };

function claimText(rubric: Rubric, claim: Claim): string {
  const indicator = indexRubric(rubric).criteria.get(claim.criterionId)?.indicator.id ?? claim.criterionId;
  return `${indicator} ${claim.criterionLabel}${claim.itemTitle === null ? '' : `「${claim.itemTitle}」`}`;
}

function differenceRecord(rubric: Rubric, d: PanelRecordDifferenceOfAnyVersion): DifferenceRecord {
  return {
    allianceId: d.allianceId,
    claim: claimText(rubric, d),
    decisions:
      'decisions' in d
        ? d.decisions.map((x) => `${x.expertId} ${x.expertName} ${x.decision === 'value' ? `${x.value ?? ''} 分` : DECISION_WORDS[x.decision]}`).join('、')
        : '',
    outcome: d.outcome === 'revised' ? 'settled' : 'standing',
    ...(d.reason === null ? {} : { reason: d.reason }),
    ...(d.by === null ? {} : { by: d.by }),
    ...(d.at === null ? {} : { at: d.at }),
  };
}

function outlierRecord(rubric: Rubric, o: PanelRecordOutlier): OutlierRecord {
  return {
    allianceId: o.allianceId,
    claim: claimText(rubric, { ...o, itemTitle: null }),
    expertId: o.expertId,
    score: o.score,
    othersMean: o.othersMean,
    outcome: o.outcome,
    ...(o.revisedTo === null ? {} : { revisedTo: o.revisedTo }),
    ...(o.explanation === null ? {} : { explanation: o.explanation.text, by: o.explanation.by, at: o.explanation.at }),
  };
}

export function clarificationRecord(c: PanelRecordClarification): ClarificationRecord {
  return {
    allianceId: c.allianceId,
    missing: c.missing,
    dueOn: c.dueOn,
    by: c.requestedBy,
    at: c.requestedAt,
    answer: c.answeredVersion === null || c.answeredAt === null ? null : { version: c.answeredVersion, importedAt: c.answeredAt },
  };
}

/** What a panel record (as verified from a file, or as the app gathered it) adds to the documents' input. */
export function procedureFromPanelRecord(record: ReadablePanelRecord | UnsignedPanelRecord, rubric: Rubric): ProcedureDocumentsInput {
  return {
    flagNotes: record.flagNotes.map((f) => ({
      allianceId: f.allianceId,
      flag: { kind: f.kind, ...(f.expert === null ? {} : { expert: f.expert }), ...(f.indicator === null ? {} : { indicator: f.indicator }), detail: f.detail },
      note: f.note,
      by: f.by,
      at: f.at,
    })),
    differences: record.differences.map((d) => differenceRecord(rubric, d)),
    ...(record.version === 3
      ? {
          outliers: record.outliers.map((o) => outlierRecord(rubric, o)),
          paperPledges: record.paperPledges.map((p) => ({ expertId: p.expertId, signedOn: p.signedOn, recordedBy: p.recordedBy })),
        }
      : {}),
    observerNote: observerNoteText(record.observerNotes),
    panelConclusions: Object.fromEntries(Object.entries(record.conclusions).map(([id, c]) => [id, c.text])),
    ...(record.version === 1 ? {} : { clarifications: record.clarifications.map(clarificationRecord) }),
    reopenings: record.reopenings.map((r) => ({ reopenedAt: r.reopenedAt, reopenedBy: r.reopenedBy, ground: r.ground, reason: r.reason })),
  };
}
