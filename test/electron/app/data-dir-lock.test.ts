import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../electron/app/context.ts';
import { dataDirInUseMessage, lockDataDir, lockFileName, type DataDirLock } from '../../../electron/app/data-dir-lock.ts';
import { backupDir } from '../../../electron/backup/backups.ts';
import { stagingRoot } from '../../../electron/evidence/evidence-staging.ts';
import { AppError } from '../../../electron/errors/app-error.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { testContext } from '../../helpers/context.ts';

const lockModule = resolve(import.meta.dirname, '..', '..', '..', 'electron', 'app', 'data-dir-lock.ts');

/** Another process holding `dataDir`'s lock; it prints LOCKED once it has it. */
async function holderProcess(dataDir: string) {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', `const { lockDataDir } = await import(${JSON.stringify(lockModule)}); lockDataDir(process.argv[1]); console.log('LOCKED'); setInterval(() => {}, 1000);`, dataDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((done, fail) => {
    child.once('exit', (code) => fail(new Error(`the holder exited (${code}) before it took the lock`)));
    createInterface({ input: child.stdout }).on('line', (line) => line === 'LOCKED' && done());
  });
  return child;
}

function refusalOf(take: () => unknown): AppError {
  try {
    take();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the second lock was granted');
}

describe('the data folder lock', () => {
  const tempDir = useTempDir();
  const held: DataDirLock[] = [];
  afterEach(() => {
    for (const lock of held.splice(0)) lock.release();
  });

  it('refuses a second holder with a Chinese message naming the folder, and lets one in after release', () => {
    const dataDir = tempDir();
    const first = lockDataDir(dataDir);
    held.push(first);
    const refusal = refusalOf(() => lockDataDir(dataDir));
    expect(refusal.code).toBe('data-dir-in-use');
    expect(refusal.message).toBe(dataDirInUseMessage(dataDir));
    expect(refusal.message).toContain(dataDir);
    expect(refusal.message).toMatch(/已被另一个正在运行的联盟考核评审程序使用/);
    first.release();
    first.release();
    held.push(lockDataDir(dataDir));
  });

  it('makes the folder if it is not there yet, and keeps its lock in one file', () => {
    const dataDir = join(tempDir(), '新的', '数据');
    held.push(lockDataDir(dataDir));
    expect(readdirSync(dataDir)).toEqual([lockFileName]);
  });

  it('keeps folders apart', () => {
    held.push(lockDataDir(tempDir()), lockDataDir(tempDir()));
  });

  it('is held against another process, and a killed holder leaves the folder free', async () => {
    const dataDir = tempDir();
    const holder = await holderProcess(dataDir);
    try {
      expect(refusalOf(() => lockDataDir(dataDir)).code).toBe('data-dir-in-use');
    } finally {
      const gone = new Promise((done) => holder.once('exit', done));
      holder.kill('SIGKILL');
      await gone;
    }
    // No clean-up ran in the killed process: the operating system let go of its lock.
    held.push(lockDataDir(dataDir));
  });

  it('refuses a second context before it touches the folder: no store set aside, no staging cleared', () => {
    const dataDir = tempDir();
    const running = testContext(dataDir);
    // An import of the running program in flight, and a store the second one would find damaged.
    const staged = join(stagingRoot(dataDir), 'in-flight', '0');
    mkdirSync(join(stagingRoot(dataDir), 'in-flight'), { recursive: true });
    writeFileSync(staged, 'half an upload');
    try {
      expect(refusalOf(() => createContext({ dataDir, shell: 'browser', version: 't' })).code).toBe('data-dir-in-use');
      expect(existsSync(staged)).toBe(true);
      expect(existsSync(backupDir(dataDir))).toBe(false);
      expect(running.db.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    } finally {
      running.close();
    }
    // Closed: the folder is free for the next program, which clears what no import owns now.
    const next = testContext(dataDir);
    next.close();
    expect(existsSync(staged)).toBe(false);
  });

  it('releases the lock when the store cannot be opened', () => {
    const dataDir = tempDir();
    // A store written by a newer version of the program: refused, untouched.
    const newer = new Database(join(dataDir, 'alliance-review.sqlite'));
    newer.pragma('user_version = 9999');
    newer.close();
    expect(() => testContext(dataDir)).toThrow(AppError);
    held.push(lockDataDir(dataDir));
  });
});
