/**
 * 补正 requests: the chair asks an alliance for what is missing from its package, by a date.
 * Each request is audit-logged; it is answered when that alliance's next package version is
 * imported (electron/package-store/package-store.ts), which also carries the experts' work over
 * (electron/package-store/carry-over.ts). Asking the same thing of the same alliance again while it is
 * still open records nothing new, so a double click makes one request.
 */
import type { Database } from 'better-sqlite3';
import type { ClarificationList, ClarificationView } from '../../shared/api/clarification-types.ts';
import type { ServiceContext } from '../app/context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError } from '../errors/app-error.ts';
import { assertUnlocked } from '../meeting/lock-state.ts';
import { meetingRow } from '../meeting/meeting-store.ts';

interface Row {
  id: number;
  alliance_id: string;
  missing: string;
  due_on: string;
  requested_at: string;
  requested_by: string;
  answered_version: number | null;
  answered_at: string | null;
}

function alliancesOf(db: Database, year: number): ClarificationList['alliances'] {
  return db
    .prepare<[number], { allianceId: string; allianceName: string; version: number }>(
      `SELECT p.alliance_id AS allianceId, p.alliance_name AS allianceName, p.version FROM package p
       WHERE p.year = ? AND p.version = (SELECT max(version) FROM package n WHERE n.alliance_id = p.alliance_id AND n.year = p.year)
       ORDER BY p.alliance_id`,
    )
    .all(year);
}

export function clarificationList(db: Database, meetingId: number): ClarificationList {
  const meeting = meetingRow(db, meetingId);
  const alliances = alliancesOf(db, meeting.year);
  const names = new Map(alliances.map((a) => [a.allianceId, a.allianceName]));
  const requests = db
    .prepare<[number], Row>(
      `SELECT r.id, r.alliance_id, r.missing, r.due_on, r.requested_at, r.requested_by, p.version AS answered_version, r.answered_at
       FROM clarification_request r LEFT JOIN package p ON p.id = r.answered_package_id
       WHERE r.meeting_id = ? ORDER BY r.id`,
    )
    .all(meetingId)
    .map(
      (r): ClarificationView => ({
        id: r.id,
        allianceId: r.alliance_id,
        allianceName: names.get(r.alliance_id) ?? r.alliance_id,
        missing: r.missing,
        dueOn: r.due_on,
        requestedAt: r.requested_at,
        requestedBy: r.requested_by,
        answeredVersion: r.answered_version,
        answeredAt: r.answered_at,
      }),
    );
  return { requests, alliances };
}

export function requestClarification(
  ctx: ServiceContext,
  request: { meetingId: number; actor: string; allianceId: string; missing: string; dueOn: string },
): ClarificationList {
  const { db } = ctx;
  const meeting = meetingRow(db, request.meetingId);
  const missing = request.missing.trim();
  db.transaction(() => {
    assertUnlocked(db, request.meetingId);
    const alliance = alliancesOf(db, meeting.year).find((a) => a.allianceId === request.allianceId);
    if (alliance === undefined) {
      throw new AppError('alliance-not-in-meeting', `${meeting.year} 年度没有导入编号为 ${request.allianceId} 的联盟材料包，不能要求其补正。请先导入该联盟的材料包。`);
    }
    const same = db
      .prepare<[number, string, string, string], number>(
        'SELECT 1 FROM clarification_request WHERE meeting_id = ? AND alliance_id = ? AND missing = ? AND due_on = ? AND answered_package_id IS NULL',
      )
      .pluck()
      .get(request.meetingId, alliance.allianceId, missing, request.dueOn);
    if (same === 1) return;
    const at = ctx.now().toISOString();
    const auditSeq = appendAudit(db, {
      meetingId: request.meetingId,
      at,
      actor: request.actor,
      action: 'clarification-request',
      detail: { alliance: `${alliance.allianceId} ${alliance.allianceName}`, missing, dueOn: request.dueOn },
    });
    db.prepare(
      `INSERT INTO clarification_request (meeting_id, alliance_id, missing, due_on, requested_at, requested_by, audit_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(request.meetingId, alliance.allianceId, missing, request.dueOn, at, request.actor, auditSeq);
  })();
  return clarificationList(db, request.meetingId);
}
