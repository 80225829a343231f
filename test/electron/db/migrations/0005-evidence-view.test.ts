import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/db/migration.ts';
import { m0001Meetings } from '../../../../electron/db/migrations/0001-meetings.ts';
import { m0002Packages } from '../../../../electron/db/migrations/0002-packages.ts';
import { m0003ExpertWork } from '../../../../electron/db/migrations/0003-expert-work.ts';
import { m0004MeetingAndPanel } from '../../../../electron/db/migrations/0004-meeting-and-panel.ts';
import { m0005EvidenceView } from '../../../../electron/db/migrations/0005-evidence-view.ts';

const before = [m0001Meetings, m0002Packages, m0003ExpertWork, m0004MeetingAndPanel];
const all = [...before, m0005EvidenceView];
const sha = 'ab'.repeat(32);

function migrated(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, all);
  db.prepare("INSERT INTO expert (roster_id, name, created_at) VALUES ('E01', '王明', 't')").run();
  return db;
}

const insert = (db: Database.Database, expertId: number, hash: string, rotation: number) =>
  db.prepare("INSERT INTO evidence_view (expert_id, sha256, rotation, updated_at) VALUES (?, ?, ?, 't')").run(expertId, hash, rotation);

describe('0005-evidence-view', () => {
  it('migrates a version-4 store, keeping its experts, and adds a strict evidence_view table', () => {
    const db = new Database(':memory:');
    migrate(db, before);
    db.prepare("INSERT INTO expert (roster_id, name, created_at) VALUES ('E01', '王明', 't')").run();
    expect(migrate(db, all)).toEqual({ from: 4, to: 5 });
    expect(db.prepare('SELECT roster_id FROM expert').pluck().all()).toEqual(['E01']);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'evidence_view'").pluck().get()).toMatch(/STRICT$/);
  });

  it('keeps one rotation per expert and file, in quarter turns only, for an expert that exists', () => {
    const db = migrated();
    insert(db, 1, sha, 90);
    expect(() => insert(db, 1, sha, 180)).toThrow(/UNIQUE|PRIMARY KEY/);
    for (const bad of [45, -90, 360]) expect(() => insert(db, 1, 'cd'.repeat(32), bad)).toThrow(/CHECK/);
    expect(() => insert(db, 1, 'AB'.repeat(32), 90)).toThrow(/CHECK/);
    expect(() => insert(db, 1, 'ab', 90)).toThrow(/CHECK/);
    expect(() => insert(db, 2, sha, 90)).toThrow(/FOREIGN KEY/);
  });
});
