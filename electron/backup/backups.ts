/**
 * Backups: copies of the store taken with SQLite's online backup API (better-sqlite3
 * `db.backup`), which copies a consistent snapshot while the app keeps working.
 *
 * - backup: `<data>/backups/<time>-<reason>.sqlite`; reasons: after an import, after an
 *   expert signs, at exit, or by hand. The newest `keep` are kept (rotation).
 * - restore: the current store file is set aside (never deleted) as
 *   `<data>/backups/replaced-<time>.sqlite`, the backup is copied in its place and opened.
 * - Evidence files are not in the backup: they are content-addressed and never deleted, so
 *   every file a backup refers to is still in `<data>/evidence`.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import type { BackupInfo } from '../../shared/api/backup-types.ts';
import { AppError } from '../errors/app-error.ts';

export const backupReasons = ['import', 'sign', 'exit', 'manual', 'before-restore'] as const;
export type BackupReason = (typeof backupReasons)[number];

const namePattern = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(import|sign|exit|manual|before-restore)\.sqlite$/;

export const defaultKeep = 20;

export function backupDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const match = namePattern.exec(name);
      if (!match?.[1] || !match[2]) return [];
      const [date, time] = match[1].split('T') as [string, string];
      const iso = `${date}T${time.slice(0, 8).replace(/-/g, ':')}.${time.slice(9, 12)}Z`;
      return [{ name, takenAt: iso, reason: match[2] as BackupReason, size: statSync(join(dir, name)).size }];
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** Takes a backup now and drops the oldest beyond `keep` (never the one just taken). */
export async function createBackup(db: Db, dataDir: string, reason: BackupReason, now: Date, keep = defaultKeep): Promise<BackupInfo> {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  // Two backups may run at once (two imports finishing): each writes its own partial file
  // and claims its final name with link(), which fails instead of overwriting.
  const partial = join(dir, `${randomBytes(8).toString('hex')}.part`);
  let name = '';
  try {
    await db.backup(partial);
    for (let n = 0; name === ''; n += 1) {
      const candidate = `${stamp(new Date(now.getTime() + n))}-${reason}.sqlite`;
      try {
        linkSync(partial, join(dir, candidate));
        name = candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  } finally {
    rmSync(partial, { force: true });
  }
  const all = listBackups(dataDir);
  for (const old of all.filter((b) => b.name !== name).slice(Math.max(0, keep - 1))) rmSync(join(dir, old.name), { force: true });
  const info = all.find((b) => b.name === name);
  if (!info) throw new Error(`backup ${name} vanished`);
  return info;
}

/** `PRAGMA quick_check` on a store file; true when SQLite finds it sound. */
export function isSoundDatabase(file: string): boolean {
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return db.pragma('quick_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Moves a store file and its WAL/SHM companions aside into the backups folder. */
export function setStoreAside(storeFile: string, dataDir: string, label: 'replaced' | 'damaged', now: Date): string {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `${label}-${stamp(now)}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(storeFile + suffix)) renameSync(storeFile + suffix, target + suffix);
  }
  return target;
}

/**
 * Replaces the store file with a backup. The caller has closed the store and reopens it.
 * Refuses a name that is not a backup of this folder, and a backup SQLite finds damaged.
 */
export function restoreBackupFile(storeFile: string, dataDir: string, name: string, now: Date): { setAside: string } {
  if (!namePattern.test(name)) throw new AppError('backup-not-found', '没有这个备份。');
  const source = join(backupDir(dataDir), name);
  if (!existsSync(source)) throw new AppError('backup-not-found', '没有这个备份，它可能已被轮换删除。');
  if (!isSoundDatabase(source)) throw new AppError('backup-damaged', '这个备份文件已损坏，无法恢复。请选择另一个备份。');
  const setAside = setStoreAside(storeFile, dataDir, 'replaced', now);
  copyFileSync(source, storeFile);
  return { setAside };
}
