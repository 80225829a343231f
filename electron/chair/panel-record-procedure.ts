/**
 * The chair's records as the procedure documents take them (export/procedure-documents-input.ts),
 * from the two places they live: the signed panel record file (`merge --panel-record`, read by
 * panel-record-file.ts) and, in the app, the chair's database (panel-record-store.ts). Both give
 * the same fields, so the command line writes from archived files the documents the app wrote.
 *
 * - observer notes: one text, each note on its own line with who wrote it and when (China time).
 * - differences from the record: the record keeps how each ended (`revised` = the experts re-signed
 *   and agree, `recorded` = the panel recorded that it stands) but not each expert's decision,
 *   so those are left to the sheets (empty here).
 * - 补正 requests and reopenings: as the record keeps them; a record of version 1 has no 补正
 *   requests, and the report then says they were not part of it rather than that none was made.
 */
import { chinaDateTime } from '../../shared/meeting/china-time.ts';
import type { DifferenceRecord, ProcedureDocumentsInput } from '../export/procedure-documents-input.ts';
import type { PanelRecordData } from './panel-record-file.ts';

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

function differenceOf(d: PanelRecordData['differences'][number]): DifferenceRecord {
  return {
    allianceId: d.alliance,
    claim: `${d.criterion} ${d.criterionLabel}${d.itemTitle === null ? '' : `「${d.itemTitle}」`}`,
    decisions: '',
    outcome: d.outcome === 'revised' ? 'settled' : 'standing',
    ...(d.reason === null ? {} : { reason: d.reason }),
    ...(d.by === null ? {} : { by: d.by }),
    ...(d.at === null ? {} : { at: d.at }),
  };
}

/** What a verified panel record adds to the documents' input. */
export function procedureFromPanelRecord(data: PanelRecordData): ProcedureDocumentsInput {
  return {
    flagNotes: data.flagNotes.map((f) => ({
      allianceId: f.allianceId,
      flag: { kind: f.kind, ...(f.expert === null ? {} : { expert: f.expert }), ...(f.indicator === null ? {} : { indicator: f.indicator }), detail: f.detail },
      note: f.note,
      by: f.by,
      at: f.at,
    })),
    differences: data.differences.map(differenceOf),
    observerNote: observerNoteText(data.observerNotes),
    panelConclusions: data.conclusions,
    ...(data.clarifications === null
      ? {}
      : {
          clarifications: data.clarifications.map((c) => ({
            allianceId: c.allianceId,
            missing: c.missing,
            dueOn: c.dueOn,
            by: c.requestedBy,
            at: c.requestedAt,
            answer: c.answeredVersion === null || c.answeredAt === null ? null : { version: c.answeredVersion, importedAt: c.answeredAt },
          })),
        }),
    reopenings: data.reopenings.map((r) => ({ reopenedAt: r.reopenedAt, reopenedBy: r.reopenedBy, ground: r.ground, reason: r.reason })),
  };
}
