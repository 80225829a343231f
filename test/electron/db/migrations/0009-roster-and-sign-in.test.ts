import { describe, expect, it } from 'vitest';
import { databaseAt, emptyDatabase, migrateTo } from '../../../helpers/migrate-to.ts';

describe('0009-roster-and-sign-in', () => {
  it('migrates a version-8 store: its roster and profiles keep their rows, with empty details and no 组长', () => {
    const db = emptyDatabase();
    migrateTo(db, 8);
    db.prepare("INSERT INTO meeting (name, year, created_at) VALUES ('2026 年度', 2026, 't')").run();
    db.prepare("INSERT INTO meeting_expert (meeting_id, expert_id, name) VALUES (1, 'E01', '王明'), (1, 'E02', '李华')").run();
    db.prepare("INSERT INTO expert (roster_id, name, created_at) VALUES ('E01', '王明', 't')").run();
    expect(migrateTo(db, 9)).toEqual({ from: 8, to: 9 });
    expect(db.prepare('SELECT expert_id, name, title, specialty, employer, leader FROM meeting_expert ORDER BY expert_id').all()).toEqual([
      { expert_id: 'E01', name: '王明', title: '', specialty: '', employer: '', leader: 0 },
      { expert_id: 'E02', name: '李华', title: '', specialty: '', employer: '', leader: 0 },
    ]);
    expect(db.prepare('SELECT roster_id, title, employer FROM expert').all()).toEqual([{ roster_id: 'E01', title: '', employer: '' }]);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'expert_sign_in'").pluck().get()).toMatch(/STRICT$/);
  });

  it('keeps one sign-in per expert and year, of a profile that exists, with a JSON record', () => {
    const db = databaseAt(9);
    db.prepare("INSERT INTO expert (roster_id, name, created_at) VALUES ('E01', '王明', 't')").run();
    const insert = db.prepare("INSERT INTO expert_sign_in (expert_id, year, at, record_json, signature, public_key) VALUES (?, ?, 't', ?, 's', 'k')");
    insert.run(1, 2026, '{}');
    expect(() => insert.run(1, 2026, '{}')).toThrow(/UNIQUE|PRIMARY KEY/);
    insert.run(1, 2027, '{}');
    expect(() => insert.run(1, 2028, 'not json')).toThrow(/CHECK/);
    expect(() => insert.run(2, 2026, '{}')).toThrow(/FOREIGN KEY/);
  });

  it('allows one 组长 per meeting, not two, and a 组长 in each of two meetings', () => {
    const db = databaseAt(9);
    db.prepare("INSERT INTO meeting (name, year, created_at) VALUES ('2026 年度', 2026, 't'), ('2027 年度', 2027, 't')").run();
    const insert = db.prepare("INSERT INTO meeting_expert (meeting_id, expert_id, name, leader) VALUES (?, ?, '某专家', ?)");
    insert.run(1, 'E01', 1);
    insert.run(1, 'E02', 0);
    expect(() => insert.run(1, 'E03', 1)).toThrow(/UNIQUE/);
    insert.run(2, 'E01', 1);
    expect(() => insert.run(2, 'E02', 2)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO meeting_expert (meeting_id, expert_id, name, title) VALUES (1, 'E09', '某', ?)").run('职'.repeat(101))).toThrow(/CHECK/);
  });
});
