/**
 * The meeting store: every read and write of a meeting's own tables (`meeting`,
 * `meeting_settings`, `meeting_expert`, `meeting_package`, `meeting_file`). The clerk's setup
 * (meeting-setup.ts) and a meeting file's import (import-meeting-file.ts) both change a
 * meeting's settings, roster and packages; they decide what to change, check and log it, and
 * write through this module, so the rows are written one way whichever of them writes.
 * Nothing here checks the lock or writes the audit log: callers do, inside their transaction.
 */
import type { Database } from 'better-sqlite3';
import type { Meeting } from '../../shared/api/meeting-types.ts';
import type { MeetingFileRecord } from '../../shared/api/meeting-setup-types.ts';
import { formatFingerprint } from '../../shared/sheet/fingerprint-text.ts';
import type { RosterEntry } from '../../shared/meeting/roster.ts';
import type { Claims } from '../../shared/rubric/types.ts';
import { AppError } from '../errors/app-error.ts';

export interface MeetingRow {
  readonly id: number;
  readonly name: string;
  readonly year: number;
}

export interface SettingsRow {
  readonly uid: string;
  readonly rubricId: string;
  readonly method: 'mean' | 'trimmed';
  readonly deviationThreshold: string;
  readonly budgetYuan: string | null;
}

export interface MeetingPackageRow {
  readonly allianceId: string;
  readonly digest: string;
  /** Null when the package is not in this laptop's store. */
  readonly packageId: number | null;
  readonly allianceName: string | null;
  readonly version: number | null;
  readonly year: number | null;
  readonly rubricId: string | null;
  readonly claims: Claims | null;
  readonly sourceName: string | null;
}

interface MeetingListRow {
  id: number;
  name: string;
  year: number;
  created_at: string;
}

function toMeeting(row: MeetingListRow): Meeting {
  return { id: row.id, name: row.name, year: row.year, createdAt: row.created_at };
}

/** The clerk's new meeting, as the home screen lists it. */
export function createMeeting(db: Database, input: { name: string; year: number }, now: Date): Meeting {
  const id = insertMeeting(db, input, now.toISOString());
  const row = db.prepare<[number], MeetingListRow>('SELECT id, name, year, created_at FROM meeting WHERE id = ?').get(id);
  if (!row) throw new Error('the meeting just inserted is not there');
  return toMeeting(row);
}

export function listMeetings(db: Database): Meeting[] {
  return db
    .prepare<[], MeetingListRow>('SELECT id, name, year, created_at FROM meeting ORDER BY year DESC, id DESC')
    .all()
    .map(toMeeting);
}

export function meetingRow(db: Database, meetingId: number): MeetingRow {
  const row = db.prepare<[number], MeetingRow>('SELECT id, name, year FROM meeting WHERE id = ?').get(meetingId);
  if (!row) throw new AppError('meeting-not-found', '没有找到这个评审会议，请回到首页重新选择。');
  return row;
}

export function meetingSettings(db: Database, meetingId: number): SettingsRow | null {
  const row = db
    .prepare<[number], { uid: string; rubric_id: string; method: 'mean' | 'trimmed'; deviation_threshold: string; budget_yuan: string | null }>(
      'SELECT uid, rubric_id, method, deviation_threshold, budget_yuan FROM meeting_settings WHERE meeting_id = ?',
    )
    .get(meetingId);
  if (!row) return null;
  return {
    uid: row.uid,
    rubricId: row.rubric_id,
    method: row.method,
    deviationThreshold: row.deviation_threshold,
    budgetYuan: row.budget_yuan,
  };
}

/** The meeting's roster, by id (code-unit order, the same on every laptop). */
export function meetingExperts(db: Database, meetingId: number): RosterEntry[] {
  return db
    .prepare<[number], { id: string; name: string; title: string; specialty: string; employer: string; leader: number }>(
      'SELECT expert_id AS id, name, title, specialty, employer, leader FROM meeting_expert WHERE meeting_id = ? ORDER BY expert_id',
    )
    .all(meetingId)
    .map((row) => ({ id: row.id, name: row.name, title: row.title, specialty: row.specialty, employer: row.employer, leader: row.leader === 1 }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function meetingPackages(db: Database, meetingId: number): MeetingPackageRow[] {
  return db
    .prepare<
      [number],
      {
        alliance_id: string;
        digest: string;
        id: number | null;
        alliance_name: string | null;
        version: number | null;
        year: number | null;
        rubric_id: string | null;
        manifest_json: string | null;
        source_name: string | null;
      }
    >(
      `SELECT mp.alliance_id, mp.digest, p.id, p.alliance_name, p.version, p.year, p.rubric_id, p.manifest_json, p.source_name
       FROM meeting_package mp LEFT JOIN package p ON p.digest = mp.digest
       WHERE mp.meeting_id = ?`,
    )
    .all(meetingId)
    .map((row) => ({
      allianceId: row.alliance_id,
      digest: row.digest,
      packageId: row.id,
      allianceName: row.alliance_name,
      version: row.version,
      year: row.year,
      rubricId: row.rubric_id,
      claims: row.manifest_json === null ? null : ((JSON.parse(row.manifest_json) as { claims: Claims }).claims ?? null),
      sourceName: row.source_name,
    }))
    .sort((a, b) => (a.allianceId < b.allianceId ? -1 : a.allianceId > b.allianceId ? 1 : 0));
}

export function meetingFiles(db: Database, meetingId: number): MeetingFileRecord[] {
  return db
    .prepare<[number], { direction: 'export' | 'import'; content_sha256: string; file_name: string; at: string }>(
      'SELECT direction, content_sha256, file_name, at FROM meeting_file WHERE meeting_id = ? ORDER BY id DESC',
    )
    .all(meetingId)
    .map((row) => ({ direction: row.direction, fingerprint: formatFingerprint(row.content_sha256), fileName: row.file_name, at: row.at }));
}

/** The meeting a meeting file's uid belongs to here, with its year, or undefined. */
export function meetingByUid(db: Database, uid: string): { readonly meetingId: number; readonly year: number } | undefined {
  const row = db
    .prepare<[string], { meeting_id: number; year: number }>(
      'SELECT s.meeting_id, m.year FROM meeting_settings s JOIN meeting m ON m.id = s.meeting_id WHERE s.uid = ?',
    )
    .get(uid);
  return row === undefined ? undefined : { meetingId: row.meeting_id, year: row.year };
}

/** A new meeting row; its id. */
export function insertMeeting(db: Database, input: { readonly name: string; readonly year: number }, at: string): number {
  // Not `INSERT … RETURNING` with .get(): .get() stops after the first row and the commit
  // happens when the statement is reset, where a failure (a full disk) is not reported, so
  // a write could be acknowledged that was never stored. .run() completes the statement.
  return Number(db.prepare<[string, number, string]>('INSERT INTO meeting (name, year, created_at) VALUES (?, ?, ?)').run(input.name, input.year, at).lastInsertRowid);
}

export function renameMeeting(db: Database, meetingId: number, name: string): void {
  db.prepare<[string, number]>('UPDATE meeting SET name = ? WHERE id = ?').run(name, meetingId);
}

/** The settings as stored: decimal text, as the clerk typed it or the meeting file carried it. */
export type StoredSettings = Omit<SettingsRow, 'uid'>;

/** Gives a meeting its settings row, with its uid. */
export function insertSettings(db: Database, meetingId: number, uid: string, settings: StoredSettings): void {
  db.prepare<[number, string, string, string, string, string | null]>(
    'INSERT INTO meeting_settings (meeting_id, uid, rubric_id, method, deviation_threshold, budget_yuan) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(meetingId, uid, settings.rubricId, settings.method, settings.deviationThreshold, settings.budgetYuan);
}

export function updateSettings(db: Database, meetingId: number, settings: StoredSettings): void {
  db.prepare<[string, string, string, string | null, number]>(
    'UPDATE meeting_settings SET rubric_id = ?, method = ?, deviation_threshold = ?, budget_yuan = ? WHERE meeting_id = ?',
  ).run(settings.rubricId, settings.method, settings.deviationThreshold, settings.budgetYuan, meetingId);
}

/** Puts this roster in place of the meeting's roster. */
export function replaceRoster(db: Database, meetingId: number, experts: readonly RosterEntry[]): void {
  db.prepare<[number]>('DELETE FROM meeting_expert WHERE meeting_id = ?').run(meetingId);
  const insert = db.prepare<[number, string, string, string, string, string, number]>(
    'INSERT INTO meeting_expert (meeting_id, expert_id, name, title, specialty, employer, leader) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const expert of experts) insert.run(meetingId, expert.id, expert.name, expert.title, expert.specialty, expert.employer, expert.leader ? 1 : 0);
}

/** Puts these packages (one per alliance, by digest) in place of the meeting's packages. */
export function replacePackages(db: Database, meetingId: number, packages: readonly { readonly allianceId: string; readonly digest: string }[]): void {
  db.prepare<[number]>('DELETE FROM meeting_package WHERE meeting_id = ?').run(meetingId);
  const insert = db.prepare<[number, string, string]>('INSERT INTO meeting_package (meeting_id, alliance_id, digest) VALUES (?, ?, ?)');
  for (const pkg of packages) insert.run(meetingId, pkg.allianceId, pkg.digest);
}

/** Notes a meeting file written or read for this meeting (shown on 会议准备 with its fingerprint). */
export function recordMeetingFile(
  db: Database,
  file: { readonly meetingId: number; readonly direction: 'export' | 'import'; readonly contentSha256: string; readonly fileName: string; readonly at: string },
): void {
  db.prepare<[number, string, string, string, string]>(
    'INSERT INTO meeting_file (meeting_id, direction, content_sha256, file_name, at) VALUES (?, ?, ?, ?, ?)',
  ).run(file.meetingId, file.direction, file.contentSha256, file.fileName, file.at);
}

/** The meeting's 畸高畸低 share of a criterion's cap, decimal text (`0.3`); migration 0006. */
export function updateOutlierShare(db: Database, meetingId: number, share: string): void {
  db.prepare<[string, number]>('UPDATE meeting_settings SET outlier_share = ? WHERE meeting_id = ?').run(share, meetingId);
}

export function outlierShareOf(db: Database, meetingId: number): string | null {
  return db.prepare<[number], string>('SELECT outlier_share FROM meeting_settings WHERE meeting_id = ?').pluck().get(meetingId) ?? null;
}
