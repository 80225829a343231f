import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataDir } from '../../../electron/app/data-dir-lock.ts';
import { shutDown } from '../../../electron/app/shutdown.ts';
import { listBackups } from '../../../electron/backup/backups.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { testContext } from '../../helpers/context.ts';

describe('shutDown', () => {
  const tempDir = useTempDir();

  it('waits for a running job, then takes the exit backup with its writes, then closes the store', async () => {
    const dataDir = tempDir();
    const ctx = testContext(dataDir);
    ctx.db.exec('CREATE TABLE shutdown_probe (note TEXT)');
    let finishJob = () => {};
    ctx.jobs.start('probe', async () => {
      await new Promise<void>((resolve) => (finishJob = resolve));
      ctx.db.prepare('INSERT INTO shutdown_probe VALUES (?)').run('written by the job');
      return [];
    });
    const stopping = shutDown(ctx);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listBackups(dataDir)).toEqual([]);
    expect(ctx.db.open).toBe(true);
    finishJob();
    await stopping;

    expect(ctx.db.open).toBe(false);
    const [backup, ...others] = listBackups(dataDir);
    expect(others).toEqual([]);
    expect(backup?.reason).toBe('exit');
    const copy = new Database(join(dataDir, 'backups', backup!.name), { readonly: true });
    try {
      expect(copy.prepare('SELECT note FROM shutdown_probe').all()).toEqual([{ note: 'written by the job' }]);
    } finally {
      copy.close();
    }
  });

  it('lets the next program have the data folder, even after a failed backup', async () => {
    const dataDir = tempDir();
    const ctx = testContext(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(/已被另一个正在运行的联盟考核评审程序使用/);
    writeFileSync(join(dataDir, 'backups'), 'not a folder');
    await shutDown(ctx, () => {});
    lockDataDir(dataDir).release();
  });

  it('reports a failed backup and still closes the store', async () => {
    const dataDir = tempDir();
    const ctx = testContext(dataDir);
    // A file where the backups folder belongs: the backup cannot be written.
    writeFileSync(join(dataDir, 'backups'), 'not a folder');
    const reported: unknown[] = [];
    await shutDown(ctx, (error) => reported.push(error));
    expect(reported).toHaveLength(1);
    expect(ctx.db.open).toBe(false);
  });
});
