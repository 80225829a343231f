/**
 * Binding an expert's profile to the roster (专家名册) of a meeting on this laptop.
 *
 * - laptop roster: the roster of any meeting on this laptop (one the clerk prepared here, or
 *   one a meeting file brought). A laptop with one makes profiles only by choosing an entry of
 *   it, so the profile's roster id is the roster's, character for character: an `e01` typed
 *   for `E01` cannot happen. A laptop with none (no meeting file yet) types id and name.
 * - signing check: when the expert signs a year's sheet, the profile's id and name are checked
 *   again against the rosters of that year's meetings here, since a roster can change after
 *   the profile was made (a new meeting file) and the chair refuses a sheet not on it.
 */
import type { Database } from 'better-sqlite3';
import type { RosterChoices } from '../../shared/api/expert-work-types.ts';
import type { RosterEntry } from '../../shared/meeting/roster.ts';
import { AppError } from '../errors/app-error.ts';

/**
 * A meeting's roster, read here rather than through meeting/meeting-store.ts: meeting/ reaches
 * experts/ through evidence/, so importing it back would make a folder cycle. The same columns,
 * the same order (code units, as meetingExperts).
 */
function meetingExperts(db: Database, meetingId: number): RosterEntry[] {
  return db
    .prepare<[number], { id: string; name: string; title: string; specialty: string; employer: string; leader: number }>(
      'SELECT expert_id AS id, name, title, specialty, employer, leader FROM meeting_expert WHERE meeting_id = ?',
    )
    .all(meetingId)
    .map((row) => ({ id: row.id, name: row.name, title: row.title, specialty: row.specialty, employer: row.employer, leader: row.leader === 1 }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Meetings on this laptop with a non-empty roster, newest year first, each entry with its profile here. */
export function rosterChoices(db: Database): RosterChoices[] {
  const meetings = db
    .prepare<[], { id: number; name: string; year: number }>(
      'SELECT id, name, year FROM meeting WHERE id IN (SELECT meeting_id FROM meeting_expert) ORDER BY year DESC, id DESC',
    )
    .all();
  const profiles = new Map(
    db
      .prepare<[], { id: number; roster_id: string }>('SELECT id, roster_id FROM expert')
      .all()
      .map((row) => [row.roster_id, row.id]),
  );
  return meetings.map((meeting) => ({
    meetingId: meeting.id,
    meetingName: meeting.name,
    year: meeting.year,
    experts: meetingExperts(db, meeting.id).map((entry) => ({ ...entry, profileId: profiles.get(entry.id) ?? null })),
  }));
}

export function laptopHasRoster(db: Database): boolean {
  return db.prepare('SELECT 1 FROM meeting_expert LIMIT 1').get() !== undefined;
}

/** The roster entry a new profile is made from: exactly this id in this meeting's roster. */
export function chosenRosterEntry(db: Database, meetingId: number, rosterId: string): RosterEntry {
  const meeting = db.prepare<[number], { name: string }>('SELECT name FROM meeting WHERE id = ?').get(meetingId);
  if (meeting === undefined) throw new AppError('meeting-not-found', '没有找到所选的评审会议，请刷新后重新选择名册中的条目。');
  const entry = meetingExperts(db, meetingId).find((candidate) => candidate.id === rosterId);
  if (entry === undefined) {
    throw new AppError('expert-not-in-roster', `“${meeting.name}”的专家名册中没有编号 ${rosterId}。请从名册列表中选择您自己的条目；名册有误请告诉会务人员。`);
  }
  return entry;
}

/**
 * Refuses to sign when a roster of the year's meetings here does not list this profile exactly
 * (id and name), saying what the roster holds; passes when no meeting of the year has a roster
 * (a laptop without a meeting file signs as before).
 */
export function assertProfileOnRoster(db: Database, profile: { readonly rosterId: string; readonly name: string }, year: number): void {
  const meetings = db
    .prepare<[number], { id: number; name: string }>(
      'SELECT id, name FROM meeting WHERE year = ? AND id IN (SELECT meeting_id FROM meeting_expert) ORDER BY id',
    )
    .all(year);
  if (meetings.length === 0) return;
  for (const meeting of meetings) {
    const entry = meetingExperts(db, meeting.id).find((candidate) => candidate.id === profile.rosterId);
    if (entry !== undefined && entry.name === profile.name) return;
  }
  const meeting = meetings[meetings.length - 1]!;
  const roster = meetingExperts(db, meeting.id);
  const similar = roster.find((entry) => entry.id.toUpperCase() === profile.rosterId.toUpperCase() || entry.name === profile.name);
  const hint =
    similar === undefined
      ? `名册中没有您的编号 ${profile.rosterId}。`
      : similar.id !== profile.rosterId
        ? `名册中是 ${similar.id}（${similar.name}），您的档案是 ${profile.rosterId}（${profile.name}）。`
        : `名册中 ${similar.id} 的姓名是“${similar.name}”，您的档案是“${profile.name}”。`;
  throw new AppError(
    'expert-not-in-roster',
    `评分表未签名：您的专家档案与“${meeting.name}”的专家名册不一致，组长导入时会拒收。${hint}请回到“选择专家档案”，用“新建专家档案”从名册中选择您的条目，或请会务人员核对名册。`,
  );
}
