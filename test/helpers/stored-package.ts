/**
 * A package stored through the real importer, for tests that need a store of packages (the
 * cross-check's): written as a folder under `work` and imported; the import must succeed.
 */
import { join } from 'node:path';
import type { ServiceContext } from '../../electron/app/context.ts';
import { importPackage } from '../../electron/package-store/import-packages.ts';
import type { PackageBuilder } from './package-builder.ts';

export interface StoredPackage {
  readonly allianceId: string;
  readonly digest: string;
}

export async function storedPackage(ctx: ServiceContext, work: string, name: string, pkg: PackageBuilder): Promise<StoredPackage> {
  const report = await importPackage(ctx, { path: pkg.writeFolder(join(work, name)), name, uploadId: null });
  if (report.outcome !== 'imported' || report.digest === null) throw new Error(`not imported: ${JSON.stringify(report)}`);
  return { allianceId: pkg.allianceId, digest: report.digest };
}
