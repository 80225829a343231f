/**
 * The backup that follows a change the person has just been told is saved: an expert's
 * signature, a meeting file or the chair's sheets imported.
 *
 * A backup that fails is reported and does not fail the change it follows: the change is
 * already stored (a signed sheet is already on the stick and recorded), and an error here would
 * send the person to do again what is done. The next backup (at the latest, at exit) copies it.
 */
import type { ServiceContext } from '../app/context.ts';
import { createBackup, type BackupReason } from './backups.ts';

export async function backUpAfter(
  ctx: Pick<ServiceContext, 'db' | 'dataDir' | 'now'>,
  reason: Extract<BackupReason, 'import' | 'sign'>,
  report: (error: unknown) => void = (error) => console.error(`[${reason} backup]`, error),
): Promise<void> {
  try {
    await createBackup(ctx.db, ctx.dataDir, reason, ctx.now());
  } catch (error) {
    report(error);
  }
}
