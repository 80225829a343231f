/**
 * Meeting (会议): one year's review meeting. Everything imported, scored and merged
 * belongs to one.
 */
import type { Database } from 'better-sqlite3';
import type { Meeting } from '../../shared/api/meeting-types.ts';

interface MeetingRow {
  id: number;
  name: string;
  year: number;
  created_at: string;
}

function toMeeting(row: MeetingRow): Meeting {
  return { id: row.id, name: row.name, year: row.year, createdAt: row.created_at };
}

export function createMeeting(db: Database, input: { name: string; year: number }, now: Date): Meeting {
  // Not `INSERT … RETURNING` with .get(): .get() stops after the first row and the commit
  // happens when the statement is reset, where a failure (a full disk) is not reported, so
  // a write could be acknowledged that was never stored. .run() completes the statement.
  const { lastInsertRowid } = db
    .prepare<[string, number, string]>('INSERT INTO meeting (name, year, created_at) VALUES (?, ?, ?)')
    .run(input.name, input.year, now.toISOString());
  const row = db
    .prepare<[number | bigint], MeetingRow>('SELECT id, name, year, created_at FROM meeting WHERE id = ?')
    .get(lastInsertRowid);
  if (!row) throw new Error('the meeting just inserted is not there');
  return toMeeting(row);
}

export function listMeetings(db: Database): Meeting[] {
  return db
    .prepare<[], MeetingRow>('SELECT id, name, year, created_at FROM meeting ORDER BY year DESC, id DESC')
    .all()
    .map(toMeeting);
}
