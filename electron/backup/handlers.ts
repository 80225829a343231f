import type { backupChannels } from '../../shared/api/backup-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { createBackup, listBackups } from './backups.ts';

export const backupHandlers = {
  'backup-list': (ctx) => listBackups(ctx.dataDir),
  'backup-create': (ctx) => createBackup(ctx.db, ctx.dataDir, 'manual', ctx.now()),
  'backup-restore': async (ctx, request) => {
    // A restore replaces the current store: keep a backup of it first, so the restore itself can be undone.
    await createBackup(ctx.db, ctx.dataDir, 'before-restore', ctx.now());
    return ctx.restoreBackup(request.name);
  },
} satisfies HandlerSlice<keyof typeof backupChannels>;
