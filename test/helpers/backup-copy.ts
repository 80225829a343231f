/**
 * Test helper: the backups of a data folder as the clerk would restore them: listed by reason,
 * and the newest opened read-only after SQLite has checked it is a sound copy.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { backupDir, listBackups } from '../../electron/backup/backups.ts';

/** The reasons of the folder's backups, newest first. */
export function backupReasonsIn(dataDir: string): string[] {
  return listBackups(dataDir).map((backup) => backup.reason);
}

/** Runs `read` on the newest backup (which must have `reason`); throws unless SQLite finds it sound. */
export function readNewestBackup<T>(dataDir: string, reason: string, read: (db: Db) => T): T {
  const newest = listBackups(dataDir)[0];
  if (newest === undefined) throw new Error(`no backup in ${dataDir}`);
  if (newest.reason !== reason) throw new Error(`the newest backup ${newest.name} is not of reason ${reason}`);
  const db = new Database(join(backupDir(dataDir), newest.name), { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`backup ${newest.name} is damaged: ${String(check)}`);
    return read(db);
  } finally {
    db.close();
  }
}
