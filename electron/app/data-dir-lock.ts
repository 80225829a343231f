/**
 * One program per data folder. Two programs on one folder lose work the clerk was told was
 * saved: one restores a backup under the other's feet (the other's next writes go into the
 * store just set aside), or one clears the other's staged evidence at start.
 *
 * - The lock: `<data>/.lock.sqlite`, a SQLite file opened in `locking_mode=EXCLUSIVE` with a
 *   write committed, so the connection keeps SQLite's exclusive lock until it closes. Those are
 *   the operating system's file locks (fcntl on macOS and Linux, LockFileEx on Windows): the
 *   system drops them when the process ends, however it ends, so a crash never leaves the folder
 *   locked, and no stale file has to be recognised and removed by hand.
 * - A second program gets SQLITE_BUSY at once (no busy timeout) and is refused with a message
 *   naming the folder; the first program is not disturbed.
 * - The lock file holds nothing of value: it is never backed up and may be deleted when no
 *   program runs.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors/app-error.ts';

export const lockFileName = '.lock.sqlite';

export const dataDirInUseCode = 'data-dir-in-use';

export interface DataDirLock {
  readonly dataDir: string;
  /** Lets the next program in; idempotent. The process ending releases it too. */
  release(): void;
}

/** The title of the desktop app's dialog box when it is refused. */
export const dataDirInUseTitle = '数据文件夹正在使用';

export function dataDirInUseMessage(dataDir: string): string {
  return `数据文件夹 ${dataDir} 已被另一个正在运行的联盟考核评审程序使用。请先关闭那个程序，或用另一个数据文件夹。`;
}

/** Takes the data folder's lock, or throws AppError `data-dir-in-use` when another program holds it. */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, lockFileName), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // No journal file next to the lock: a crash mid-write loses nothing worth keeping.
    db.pragma('journal_mode = MEMORY');
    // The first write takes the exclusive lock; in EXCLUSIVE mode the commit keeps it.
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)');
    db.exec('DELETE FROM holder');
    db.prepare('INSERT INTO holder VALUES (?, ?)').run(process.pid, new Date().toISOString());
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    if (isBusy(error)) throw new AppError(dataDirInUseCode, dataDirInUseMessage(dataDir));
    throw error;
  }
  return {
    dataDir,
    release() {
      if (db.open) db.close();
    },
  };
}

export function isDataDirInUse(error: unknown): error is AppError {
  return error instanceof AppError && error.code === dataDirInUseCode;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
