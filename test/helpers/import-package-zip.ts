/**
 * Test helper: a built package written as `<name>.zip` in a folder and imported through the
 * channel as the clerk's import would; waits for the job and gives the stored package's id.
 */
import { join } from 'node:path';
import type { ServiceContext } from '../../electron/app/context.ts';
import { packageImportReports } from '../../shared/api/job-results.ts';
import { call } from './call.ts';
import type { PackageBuilder } from './package-builder.ts';

export async function importPackageZip(ctx: ServiceContext, pkg: PackageBuilder, folder: string, name: string): Promise<number> {
  const written = await pkg.write(join(folder, `${name}.zip`));
  const { jobId } = await call(ctx, 'package-import', { sources: [{ path: written.path }] });
  await ctx.jobs.idle();
  const report = packageImportReports(await call(ctx, 'job-status', { jobId }))[0];
  if (report?.packageId == null) throw new Error(`not imported: ${JSON.stringify(report)}`);
  return report.packageId;
}
