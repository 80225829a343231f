/**
 * The panel record of the locked result (shared/record/panel-record.ts), gathered from this
 * laptop's store: the flag notes as the lock kept them, the objective differences settled by
 * re-signing or recorded as standing with each expert's decision, the outlying scores revised or
 * explained, the paper pledges, the observer's notes, the panel's conclusions, the reopenings
 * before this lock and the 补正 requests with how each ended. Signed and written beside the
 * result documents (export-documents.ts), and the one source of the chair's records in the
 * documents the app writes (procedure-documents-records.ts), so that `merge --panel-record`
 * prints from the file exactly what the app printed.
 */
import type { FindingView } from '../../shared/api/chair-types.ts';
import type { PanelRecordDifference, PanelRecordOutlier, UnsignedPanelRecord } from '../../shared/record/panel-record.ts';
import { PANEL_RECORD_FORMAT, PANEL_RECORD_VERSION } from '../../shared/record/panel-record.ts';
import type { Rubric } from '../../shared/rubric/types.ts';
import type { ServiceContext } from '../app/context.ts';
import { AppError } from '../errors/app-error.ts';
import { currentLock } from '../meeting/lock-state.ts';
import { meetingRow } from '../meeting/meeting-store.ts';
import { clarificationList } from './clarification.ts';
import { observerNotes, panelConclusions } from './panel-record-store.ts';
import { panelViewWith } from './panel-state.ts';

function findingsOf(text: string): FindingView[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? (value as FindingView[]) : [];
  } catch {
    return [];
  }
}

/** The unsigned record of the meeting's locked result, as of `exportedAt`. */
export function lockedPanelRecord(ctx: ServiceContext, meetingId: number, rubric: Rubric, exportedAt: Date): UnsignedPanelRecord {
  const { db } = ctx;
  const meeting = meetingRow(db, meetingId);
  const lock = currentLock(db, meetingId);
  if (lock === null) throw new AppError('not-locked', '本年度结果尚未定稿，不能导出专家组记录。请先在“定稿”页锁定结果。');
  const { view } = panelViewWith(db, meetingId, rubric);
  const names = new Map((view.result?.alliances ?? []).map((a) => [a.allianceId, a.name]));
  const differences: PanelRecordDifference[] = (view.procedure?.differences ?? []).flatMap((d): PanelRecordDifference[] => {
    const base = {
      allianceId: d.allianceId,
      allianceName: d.allianceName,
      criterionId: d.criterionId,
      criterionLabel: d.criterionLabel,
      itemId: d.itemId,
      itemTitle: d.itemTitle,
      decisions: d.decisions.map((x) => ({ expertId: x.expertId, expertName: x.expertName, decision: x.decision, value: x.value, reason: x.reason })),
    };
    switch (d.status) {
      case 'settled':
        return [{ ...base, outcome: 'revised', reason: null, by: null, at: null }];
      case 'standing':
        return [{ ...base, outcome: 'recorded', reason: d.standing?.reason ?? '', by: d.standing?.by ?? null, at: d.standing?.at ?? null }];
      case 'open':
        // A locked result has no open difference (it blocks the lock); one seen here would mean
        // the inputs changed, which the documents' own check refuses first.
        return [];
    }
  });
  const outliers: PanelRecordOutlier[] = (view.procedure?.outliers ?? []).flatMap((o): PanelRecordOutlier[] => {
    const base = {
      allianceId: o.allianceId,
      allianceName: o.allianceName,
      criterionId: o.criterionId,
      criterionLabel: o.criterionLabel,
      expertId: o.expertId,
      expertName: o.expertName,
      score: o.score,
      othersMean: o.othersMean,
    };
    switch (o.status) {
      case 'revised':
        return [{ ...base, outcome: 'revised', revisedTo: o.revisedTo, explanation: null }];
      case 'explained':
        return o.explanation === null
          ? []
          : [{ ...base, outcome: 'explained', revisedTo: null, explanation: { text: o.explanation.text, by: o.explanation.by, at: o.explanation.at, source: o.explanation.source } }];
      case 'open':
        // As an open difference: it blocks the lock.
        return [];
    }
  });
  return {
    format: PANEL_RECORD_FORMAT,
    version: PANEL_RECORD_VERSION,
    year: meeting.year,
    meeting: meeting.name,
    result: { sha256: lock.resultSha256, lockedAt: lock.lockedAt, lockedBy: lock.lockedBy },
    exportedAt: exportedAt.toISOString(),
    flagNotes: findingsOf(lock.findingsJson)
      .filter((f) => f.note.trim() !== '')
      .map((f) => ({
        allianceId: f.allianceId,
        allianceName: names.get(f.allianceId) ?? f.allianceId,
        kind: f.flag.kind,
        expert: f.flag.expert ?? null,
        indicator: f.flag.indicator ?? null,
        detail: f.flag.detail,
        note: f.note,
        by: f.by,
        at: f.at,
      })),
    differences,
    outliers,
    paperPledges: (view.procedure?.pledges ?? []).map((p) => ({ expertId: p.expertId, signedOn: p.signedOn, recordedBy: p.by, recordedAt: p.at })),
    observerNotes: observerNotes(db, meetingId),
    conclusions: Object.fromEntries(panelConclusions(db, meetingId).map((c) => [c.allianceId, { allianceName: c.allianceName, text: c.text, by: c.by, at: c.at }])),
    reopenings: view.reopenings.map((r) => ({
      lockedAt: r.lockedAt,
      lockedBy: r.lockedBy,
      resultSha256: r.resultSha256,
      reopenedAt: r.reopenedAt,
      reopenedBy: r.reopenedBy,
      ground: r.ground,
      reason: r.reason,
    })),
    clarifications: clarificationList(db, meetingId).requests.map((c) => ({
      allianceId: c.allianceId,
      allianceName: c.allianceName,
      missing: c.missing,
      dueOn: c.dueOn,
      requestedBy: c.requestedBy,
      requestedAt: c.requestedAt,
      answeredVersion: c.answeredVersion,
      answeredAt: c.answeredAt,
    })),
  };
}
