/** The backup channels of the home screen: list, take and restore backups of the store. */
import { z } from 'zod';
import type { BackupInfo } from './backup-types.ts';
import { channel } from './channel.ts';
import { emptyRequest } from './request-fields.ts';

export const backupChannels = {
  'backup-list': channel<readonly BackupInfo[]>()(emptyRequest),
  'backup-create': channel<BackupInfo>()(emptyRequest),
  /** Restores a backup; the current store is set aside first (see electron/backup/). */
  'backup-restore': channel<{ readonly setAside: string }>()(z.object({ name: z.string().min(1).max(200) }).strict()),
} as const;
