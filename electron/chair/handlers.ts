/**
 * Handlers of the chair's console: sheets and keys, paper sheets, the panel view, notes, the
 * procedure's records (differences, outliers, pledges, no last year), last year's result,
 * finalizing and the audit log (the result documents: result-document-handlers.ts).
 */
import { listAudit, verifyAuditChain } from '../audit/audit-log.ts';
import type { chairChannels } from '../../shared/api/chair-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { AppError } from '../errors/app-error.ts';
import { meetingExperts, meetingRow, meetingSettings } from '../meeting/meeting-store.ts';
import { agreementHistory } from './agreement-history.ts';
import { sheetsView } from './chair-sheets.ts';
import { decideKey } from './decide-key.ts';
import { drillDown } from './drill-down.ts';
import { exportLockedResult } from './export-result.ts';
import { resolveFileSource } from '../package-store/file-source.ts';
import { finalizeResult, reopenResult } from './finalize.ts';
import { saveFlagNote, saveFlagNotes } from './flag-notes.ts';
import { importSheets } from './import-sheets.ts';
import { meetingMergePackages, meetingRubric } from './meeting-inputs.ts';
import { panelView } from './panel-state.ts';
import { paperFormAlliances } from '../../shared/paper/paper-form-rows.ts';
import { writePaperForm } from './paper-form-file.ts';
import { paperEntryContent, paperSheetsView, savePaperEntry } from './paper-sheets.ts';
import { importPreviousResult } from './previous-result.ts';
import { clarificationList, requestClarification } from './clarification.ts';
import { confirmNoPrevious, recordDifferenceStanding, recordOutlierExplanation, recordPaperPledge } from './procedure-records.ts';

export const chairHandlers = {
  'chair-sheet-import': (ctx, request) => importSheets(ctx, request.meetingId, request.actor, request.sources),
  'chair-sheet-list': (ctx, request) => {
    meetingRow(ctx.db, request.meetingId);
    return sheetsView(ctx.db, request.meetingId);
  },
  'chair-key-decide': (ctx, request) => {
    decideKey(ctx, request.meetingId, request.actor, request);
    return sheetsView(ctx.db, request.meetingId);
  },
  'panel-view': (ctx, request) => panelView(ctx, request.meetingId),
  'panel-drilldown': (ctx, request) => drillDown(ctx, request.meetingId, request.allianceId, request.indicatorId),
  'panel-agreement-history': (ctx, request) => agreementHistory(ctx, request.meetingId),
  'flag-note-save': async (ctx, request) => {
    await saveFlagNote(ctx, request.meetingId, request.actor, request.flagKey, request.note);
    return panelView(ctx, request.meetingId);
  },
  'flag-notes-save': async (ctx, request) => {
    await saveFlagNotes(ctx, request.meetingId, request.actor, request.flagKeys, request.note);
    return panelView(ctx, request.meetingId);
  },
  'previous-result-import': async (ctx, request) => {
    const file = resolveFileSource(ctx, request.source);
    try {
      return await importPreviousResult(ctx, request.meetingId, request.actor, file);
    } finally {
      file.cleanup();
    }
  },
  'panel-finalize': (ctx, request) => finalizeResult(ctx, request.meetingId, request.actor),
  'panel-reopen': (ctx, request) => {
    reopenResult(ctx, request.meetingId, request.actor, request.ground, request.reason);
    return panelView(ctx, request.meetingId);
  },
  'panel-difference-standing': async (ctx, request) => {
    await recordDifferenceStanding(ctx, request.meetingId, request.actor, request.differenceKey, request.reason);
    return panelView(ctx, request.meetingId);
  },
  'panel-outlier-explain': async (ctx, request) => {
    await recordOutlierExplanation(ctx, request.meetingId, request.actor, request.outlierKey, request.explanation);
    return panelView(ctx, request.meetingId);
  },
  'panel-pledge-record': (ctx, request) => {
    meetingRow(ctx.db, request.meetingId);
    recordPaperPledge(ctx, request.meetingId, request.actor, request.expertId, request.signedOn);
    return panelView(ctx, request.meetingId);
  },
  'panel-previous-none': (ctx, request) => {
    meetingRow(ctx.db, request.meetingId);
    confirmNoPrevious(ctx, request.meetingId, request.actor);
    return panelView(ctx, request.meetingId);
  },
  'clarification-list': (ctx, request) => clarificationList(ctx.db, request.meetingId),
  'clarification-request': (ctx, request) => requestClarification(ctx, request),
  'panel-result-export': (ctx, request) => exportLockedResult(ctx, request.meetingId, request.folder),
  'audit-log': (ctx, request) => {
    meetingRow(ctx.db, request.meetingId);
    return { entries: listAudit(ctx.db, request.meetingId), verification: verifyAuditChain(ctx.db) };
  },
  'paper-form': async (ctx, request) => {
    const meeting = meetingRow(ctx.db, request.meetingId);
    const settings = meetingSettings(ctx.db, request.meetingId);
    if (settings === null) throw new AppError('meeting-not-prepared', '本会议还没有准备好（没有名册和材料包）。');
    const { packages } = meetingMergePackages(ctx.db, request.meetingId);
    return {
      rubric: await meetingRubric(ctx, settings.rubricId),
      year: meeting.year,
      experts: meetingExperts(ctx.db, request.meetingId),
      alliances: paperFormAlliances(packages),
    };
  },
  'paper-sheet-list': (ctx, request) => {
    meetingRow(ctx.db, request.meetingId);
    return paperSheetsView(ctx.db, request.meetingId);
  },
  'paper-entry-save': (ctx, request) => savePaperEntry(ctx, request.meetingId, request.actor, request.expertId, request.entryNo, request.content),
  'paper-entry-get': (ctx, request) => paperEntryContent(ctx.db, request.meetingId, request.expertId, request.entryNo),
  'paper-form-pdf': (ctx, request) => writePaperForm(ctx, request.meetingId, request.expertId, request.folder),
} satisfies HandlerSlice<keyof typeof chairChannels>;
