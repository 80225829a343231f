/**
 * A clean stop, the same in both shells: let running jobs (an import, an export) finish, take
 * the exit backup while the store is still open, then close the store and release the data
 * folder's lock. A failed backup is reported and does not keep the store open: quitting must
 * always finish.
 */
import { createBackup } from '../backup/backups.ts';
import type { ServiceContext } from './context.ts';

export async function shutDown(
  ctx: Pick<ServiceContext, 'db' | 'dataDir' | 'jobs' | 'now' | 'close'> & { readonly ocr?: Pick<ServiceContext['ocr'], 'stop'> },
  report: (error: unknown) => void = (error) => console.error('[exit backup]', error),
): Promise<void> {
  try {
    // OCR is not waited for: the page being read is read again at the next start.
    await ctx.ocr?.stop();
    await ctx.jobs.idle();
    await createBackup(ctx.db, ctx.dataDir, 'exit', ctx.now());
  } catch (error) {
    report(error);
  } finally {
    ctx.close();
  }
}
