import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backUpAfter } from '../../../electron/backup/backup-after.ts';
import { backupReasonsIn, readNewestBackup } from '../../helpers/backup-copy.ts';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

describe('the backup after a change', () => {
  const tempDir = useTempDir();

  it('copies the store with the change, under its reason', async () => {
    const ctx = testContext(tempDir());
    await call(ctx, 'meeting-create', { name: '刚保存的', year: 2026 });
    await backUpAfter(ctx, 'sign');
    expect(backupReasonsIn(ctx.dataDir)).toEqual(['sign']);
    expect(readNewestBackup(ctx.dataDir, 'sign', (db) => db.prepare('SELECT name FROM meeting').pluck().all())).toEqual(['刚保存的']);
  });

  it('reports a backup that cannot be written and does not fail the change it follows', async () => {
    const ctx = testContext(tempDir());
    // A file where the backups folder belongs: the backup cannot be written.
    writeFileSync(join(ctx.dataDir, 'backups'), 'not a folder');
    const reported: unknown[] = [];
    await backUpAfter(ctx, 'import', (error) => reported.push(error));
    expect(reported).toHaveLength(1);
    expect(ctx.db.open).toBe(true);
  });
});
