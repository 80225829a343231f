/**
 * Meeting (会议): one year's review meeting. Everything imported, scored and merged
 * belongs to one.
 */
import type { Database } from 'better-sqlite3';
import type { Meeting } from '../../shared/api/contract.ts';

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
  const row = db
    .prepare<[string, number, string], MeetingRow>(
      'INSERT INTO meeting (name, year, created_at) VALUES (?, ?, ?) RETURNING id, name, year, created_at',
    )
    .get(input.name, input.year, now.toISOString());
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return toMeeting(row);
}

export function listMeetings(db: Database): Meeting[] {
  return db
    .prepare<[], MeetingRow>('SELECT id, name, year, created_at FROM meeting ORDER BY year DESC, id DESC')
    .all()
    .map(toMeeting);
}
