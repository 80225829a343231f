/**
 * The chair's records as the procedure documents take them (electron/export/
 * procedure-documents-input.ts): the roster with titles, employers and the 组长, the note on
 * each flag the lock recorded, the objective differences and outlying scores with how each ended
 * (panel-procedure.ts), the paper pledges the chair registered, the observer's notes and the
 * panel's conclusion per alliance (panel-record-store.ts), the 补正 requests with how each ended
 * (clarification.ts) and the reopenings before this lock. Read-only.
 */
import type { Database } from 'better-sqlite3';
import type { DifferenceView, FindingView, OutlierView } from '../../shared/api/chair-types.ts';
import type { Rubric } from '../../shared/rubric/types.ts';
import type { ClarificationView } from '../../shared/api/clarification-types.ts';
import type { ClarificationRecord, DifferenceRecord, OutlierRecord, ProcedureDocumentsInput } from '../export/procedure-documents-input.ts';
import { meetingExperts } from '../meeting/meeting-store.ts';
import { clarificationList } from './clarification.ts';
import { observerNoteText } from './panel-record-procedure.ts';
import { observerNotes, panelConclusions } from './panel-record-store.ts';
import { panelViewWith } from './panel-state.ts';

const DECISION_WORDS = { accept: '认可', reject: '不认可', none: '未判断' } as const;

function claimOf(view: Pick<DifferenceView, 'indicatorId' | 'criterionLabel' | 'itemTitle'>): string {
  return `${view.indicatorId} ${view.criterionLabel}${view.itemTitle === null ? '' : `「${view.itemTitle}」`}`;
}

function differenceRecord(d: DifferenceView): DifferenceRecord {
  return {
    allianceId: d.allianceId,
    claim: claimOf(d),
    decisions: d.decisions.map((x) => `${x.expertId} ${x.expertName} ${x.decision === 'value' ? `${x.value ?? ''} 分` : DECISION_WORDS[x.decision]}`).join('、'),
    outcome: d.status,
    ...(d.standing === null ? {} : { reason: d.standing.reason, by: d.standing.by, at: d.standing.at }),
  };
}

function outlierRecord(o: OutlierView): OutlierRecord {
  return {
    allianceId: o.allianceId,
    claim: claimOf({ ...o, itemTitle: null }),
    expertId: o.expertId,
    score: o.score,
    othersMean: o.othersMean,
    outcome: o.status,
    ...(o.revisedTo === null ? {} : { revisedTo: o.revisedTo }),
    ...(o.explanation === null ? {} : { explanation: o.explanation.text, by: o.explanation.by, at: o.explanation.at }),
  };
}

export function clarificationRecord(c: ClarificationView): ClarificationRecord {
  return {
    allianceId: c.allianceId,
    missing: c.missing,
    dueOn: c.dueOn,
    by: c.requestedBy,
    at: c.requestedAt,
    answer: c.answeredVersion === null || c.answeredAt === null ? null : { version: c.answeredVersion, importedAt: c.answeredAt },
  };
}

/** `findings`: what the lock recorded of the flags and their notes. */
export function procedureDocumentsOf(db: Database, meetingId: number, rubric: Rubric, findings: readonly FindingView[]): ProcedureDocumentsInput {
  const { view } = panelViewWith(db, meetingId, rubric);
  const procedure = view.procedure;
  return {
    roster: meetingExperts(db, meetingId).map((e) => ({ id: e.id, name: e.name, title: e.title, employer: e.employer, leader: e.leader })),
    flagNotes: findings.map((f) => ({ allianceId: f.allianceId, flag: f.flag, note: f.note, by: f.by, at: f.at })),
    observerNote: observerNoteText(observerNotes(db, meetingId)),
    panelConclusions: Object.fromEntries(panelConclusions(db, meetingId).map((c) => [c.allianceId, c.text])),
    clarifications: clarificationList(db, meetingId).requests.map(clarificationRecord),
    reopenings: view.reopenings.map((r) => ({ reopenedAt: r.reopenedAt, reopenedBy: r.reopenedBy, ground: r.ground, reason: r.reason })),
    ...(procedure === null
      ? {}
      : {
          differences: procedure.differences.map(differenceRecord),
          outliers: procedure.outliers.map(outlierRecord),
          paperPledges: procedure.pledges.map((p) => ({ expertId: p.expertId, signedOn: p.signedOn, recordedBy: p.by })),
        }),
  };
}
