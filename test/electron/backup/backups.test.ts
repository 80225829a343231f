import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDir, createBackup, listBackups } from '../../../electron/backup/backups.ts';
import { createContext } from '../../../electron/app/context.ts';
import { testContext } from '../../helpers/context.ts';
import { call } from '../../helpers/call.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { alliancePackage } from '../../helpers/package-builder.ts';

const meetingNames = (ctx: ReturnType<typeof testContext>) => ctx.db.prepare('SELECT name FROM meeting ORDER BY id').pluck().all();

describe('backups', () => {
  const tempDir = useTempDir();

  it('takes a consistent copy with the backup API and lists it, newest first', async () => {
    const dataDir = tempDir();
    const ctx = testContext(dataDir);
    await call(ctx, 'meeting-create', { name: '第一次', year: 2026 });
    const first = await createBackup(ctx.db, dataDir, 'manual', new Date('2027-01-20T01:00:00Z'));
    const second = await createBackup(ctx.db, dataDir, 'import', new Date('2027-01-20T02:00:00Z'));
    expect(first).toMatchObject({ name: '2027-01-20T01-00-00-000Z-manual.sqlite', takenAt: '2027-01-20T01:00:00.000Z', reason: 'manual' });
    expect(listBackups(dataDir).map((b) => b.name)).toEqual([second.name, first.name]);
    expect(first.size).toBeGreaterThan(0);
  });

  it('gives two backups taken at the same instant two names (found by the IPC fuzz test)', async () => {
    const dataDir = tempDir();
    const ctx = testContext(dataDir);
    const at = new Date('2027-01-20T01:00:00Z');
    const [a, b] = await Promise.all([createBackup(ctx.db, dataDir, 'import', at), createBackup(ctx.db, dataDir, 'import', at)]);
    expect(a.name).not.toBe(b.name);
    expect(listBackups(dataDir)).toHaveLength(2);
  });

  it('keeps only the newest backups', async () => {
    const dataDir = tempDir();
    const ctx = testContext(dataDir);
    for (let i = 0; i < 5; i += 1) await createBackup(ctx.db, dataDir, 'manual', new Date(Date.UTC(2027, 0, 20, i)), 3);
    expect(listBackups(dataDir).map((b) => b.takenAt)).toEqual(['2027-01-20T04:00:00.000Z', '2027-01-20T03:00:00.000Z', '2027-01-20T02:00:00.000Z']);
  });

  it('restores a backup, setting the current store aside and backing it up first', async () => {
    const dataDir = tempDir();
    const ctx = testContext(dataDir);
    await call(ctx, 'meeting-create', { name: '备份前', year: 2026 });
    const backup = await call(ctx, 'backup-create', {});
    await call(ctx, 'meeting-create', { name: '备份后', year: 2026 });
    expect(meetingNames(ctx)).toEqual(['备份前', '备份后']);

    const { setAside } = await call(ctx, 'backup-restore', { name: backup.name });
    expect(meetingNames(ctx)).toEqual(['备份前']);
    expect(existsSync(setAside)).toBe(true);
    expect((await call(ctx, 'backup-list', {})).map((b) => b.reason)).toContain('before-restore');
    // The store keeps working after the swap.
    await call(ctx, 'meeting-create', { name: '恢复后', year: 2026 });
    expect(meetingNames(ctx)).toEqual(['备份前', '恢复后']);
  });

  it.each(['../alliance-review.sqlite', 'nope.sqlite', '2027-01-20T01-00-00-000Z-manual.sqlite'])('refuses to restore %s', async (name) => {
    const ctx = testContext(tempDir());
    await expect(call(ctx, 'backup-restore', { name })).rejects.toThrow(/backup-not-found/);
  });

  it('refuses a damaged backup and leaves the store untouched', async () => {
    const dataDir = tempDir();
    const ctx = testContext(dataDir);
    await call(ctx, 'meeting-create', { name: '现有', year: 2026 });
    const backup = await call(ctx, 'backup-create', {});
    writeFileSync(join(backupDir(dataDir), backup.name), 'not a database at all');
    await expect(call(ctx, 'backup-restore', { name: backup.name })).rejects.toThrow(/backup-damaged/);
    expect(meetingNames(ctx)).toEqual(['现有']);
  });

  it('sets a damaged store aside at start, opens a fresh one and says so', () => {
    const dataDir = tempDir();
    const first = testContext(dataDir);
    first.close();
    writeFileSync(join(dataDir, 'alliance-review.sqlite'), Buffer.alloc(8192, 0x41));
    const ctx = createContext({ dataDir, shell: 'browser', version: 't' });
    expect(ctx.startupNotice?.code).toBe('database-damaged');
    expect(readdirSync(backupDir(dataDir)).some((n) => n.startsWith('damaged-'))).toBe(true);
    expect(meetingNames(ctx)).toEqual([]);
  });

  it('backs up after an import that stored something', async () => {
    const dataDir = tempDir();
    const ctx = testContext(dataDir);
    const path = alliancePackage().writeFolder(join(tempDir(), 'pkg'));
    await call(ctx, 'package-import', { sources: [{ path }] });
    await ctx.jobs.idle();
    await expect.poll(() => listBackups(dataDir).map((b) => b.reason)).toEqual(['import']);
  });
});
