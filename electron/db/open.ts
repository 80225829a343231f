/**
 * Opening the store: one SQLite file in the data folder. Scores are records, so every
 * commit is made durable before it is acknowledged (WAL with synchronous=FULL).
 */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { migrate } from './migration.ts';
import { migrations } from './migrations/index.ts';

export function openDatabase(file: string): Db {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
