/**
 * The chair's records as the procedure documents take them (electron/export/
 * procedure-documents-input.ts): the roster with titles, employers and the 组长 from the
 * meeting's settings, and everything else from the panel record of the locked result
 * (panel-record-export.ts gathers it from this laptop's store, panel-record-procedure.ts turns it
 * into the documents' input). The documents the app writes are thus made from the very record
 * it signs beside them, and `merge --panel-record` with the meeting file prints the same.
 */
import type { Database } from 'better-sqlite3';
import type { UnsignedPanelRecord } from '../../shared/record/panel-record.ts';
import type { Rubric } from '../../shared/rubric/types.ts';
import type { ProcedureDocumentsInput } from '../export/procedure-documents-input.ts';
import { meetingExperts } from '../meeting/meeting-store.ts';
import { procedureFromPanelRecord } from './panel-record-procedure.ts';

export function procedureDocumentsOf(db: Database, meetingId: number, rubric: Rubric, record: UnsignedPanelRecord): ProcedureDocumentsInput {
  return {
    roster: meetingExperts(db, meetingId).map((e) => ({ id: e.id, name: e.name, title: e.title, employer: e.employer, leader: e.leader })),
    ...procedureFromPanelRecord(record, rubric),
  };
}
