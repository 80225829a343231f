import type { Migration } from '../migration.ts';

/** The first shape of the store: meetings (会议), the unit every later table hangs from. */
export const m0001Meetings: Migration = {
  version: 1,
  name: '0001-meetings',
  up(db) {
    db.exec(`
      CREATE TABLE meeting (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
