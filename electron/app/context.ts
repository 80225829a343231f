/**
 * ServiceContext: what every handler gets besides its request: the open store, the data
 * folder, where shipped resources live, and the clock (passed in so tests can fix it).
 *
 * At start the data folder is locked first (data-dir-lock.ts): a second program on the same
 * folder is refused before it touches anything, since it would restore backups or clear staged
 * evidence under the first one's feet. Then the store is checked (SQLite quick_check). A damaged
 * store is set aside, never deleted, a fresh one is opened, and `startupNotice` tells the clerk
 * to restore a backup.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../db/open.ts';
import { isSoundDatabase, restoreBackupFile, setStoreAside } from '../backup/backups.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { clearStaleStaging } from '../evidence/evidence-staging.ts';
import { clearStaleRenditions } from '../evidence/renditions.ts';
import { clearIncoming } from '../package-store/incoming.ts';
import { JobRegistry } from '../jobs/jobs.ts';
import { OcrQueue } from '../ocr/ocr-queue.ts';
import { giveTextSources } from './text-sources.ts';
import type { OsProtection } from '../experts/key-protection.ts';

export interface StartupNotice {
  readonly code: string;
  readonly message: string;
}

export interface ServiceContext {
  /** The open store; replaced only by `restoreBackup`. */
  readonly db: Database;
  readonly storeFile: string;
  /** Set when the store needed attention at start (e.g. it was damaged and set aside). */
  readonly startupNotice: StartupNotice | null;
  /** Closes the store, puts the named backup in its place and reopens it. */
  restoreBackup(name: string): { setAside: string };
  /** Closes the store and lets another program use the data folder. */
  close(): void;
  readonly dataDir: string;
  readonly resourcesDir: string;
  readonly shell: 'desktop' | 'browser';
  readonly version: string;
  readonly now: () => Date;
  readonly jobs: JobRegistry;
  /** The background OCR of stored scans (docs/ocr.md); woken after each import. */
  readonly ocr: OcrQueue;
  /** The system's file picker; only the desktop shell has one. */
  readonly pickPaths?: ((what: 'zip-files' | 'folders' | 'export-folder') => Promise<string[]>) | undefined;
  /** The OS keychain (Electron safeStorage) wrapping sealed expert keys; only the desktop shell, where available. */
  readonly osProtection?: OsProtection | undefined;
  /** Opens a file with the system's default program (Electron shell.openPath); only the desktop shell. */
  readonly openPath?: ((path: string) => Promise<void>) | undefined;
}

export interface ContextOptions {
  readonly dataDir: string;
  readonly resourcesDir?: string;
  readonly shell: 'desktop' | 'browser';
  readonly version: string;
  readonly now?: () => Date;
  readonly pickPaths?: ServiceContext['pickPaths'];
  readonly osProtection?: ServiceContext['osProtection'];
  readonly openPath?: ServiceContext['openPath'];
  /** Read scans in the background (the shells); off by default, so tests start no OCR worker. */
  readonly backgroundOcr?: boolean;
}

/** The resources folder of a checkout; a packaged app passes `process.resourcesPath` instead. */
export const checkoutResourcesDir = resolve(import.meta.dirname, '..', '..', 'resources');

export const storeFileName = 'alliance-review.sqlite';

/** Throws AppError `data-dir-in-use` when another program has the data folder. */
export function createContext(options: ContextOptions): ServiceContext {
  // The viewer's search reads OCR results and the own text of documents through these.
  giveTextSources();
  mkdirSync(options.dataDir, { recursive: true });
  const lock = lockDataDir(options.dataDir);
  const now = options.now ?? (() => new Date());
  const storeFile = join(options.dataDir, storeFileName);
  let startupNotice: StartupNotice | null = null;
  let db: Database;
  try {
    if (existsSync(storeFile) && !isSoundDatabase(storeFile)) {
      const aside = setStoreAside(storeFile, options.dataDir, 'damaged', now());
      startupNotice = {
        code: 'database-damaged',
        message: `本机的数据文件已损坏，已另存为 ${aside}（未删除）。程序已新建空的数据文件；请在首页“数据备份”中选择最近的备份恢复。`,
      };
    }
    db = openDatabase(storeFile);
    // Staged files of an import that a crash interrupted belong to no package: no other
    // program can be staging here, the folder is ours.
    clearStaleStaging(options.dataDir);
    clearStaleRenditions(options.dataDir);
    // So are uploads and half-unpacked meeting files in incoming/.
    clearIncoming(options.dataDir);
  } catch (error) {
    lock.release();
    throw error;
  }
  const ocr = new OcrQueue({ db: () => db, dataDir: options.dataDir, now, run: options.backgroundOcr ?? false });
  // What a restart interrupted, and files stored before OCR existed, are read now.
  if (options.backgroundOcr === true) ocr.wake();
  return {
    get db() {
      return db;
    },
    storeFile,
    get startupNotice() {
      return startupNotice;
    },
    restoreBackup(name) {
      db.close();
      try {
        const result = restoreBackupFile(storeFile, options.dataDir, name, now());
        startupNotice = null;
        return result;
      } finally {
        db = openDatabase(storeFile);
      }
    },
    close() {
      // Normally stopped already (shutDown waits for it); this ends the worker thread regardless.
      void ocr.stop();
      try {
        if (db.open) db.close();
      } finally {
        lock.release();
      }
    },
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir ?? checkoutResourcesDir,
    shell: options.shell,
    version: options.version,
    now,
    jobs: new JobRegistry(),
    ocr,
    pickPaths: options.pickPaths,
    osProtection: options.osProtection,
    openPath: options.openPath,
  };
}
