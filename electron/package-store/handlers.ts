import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors/app-error.ts';
import type { packageChannels } from '../../shared/api/package-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import type { FileSource } from '../../shared/api/file-source.ts';
import { importPackages } from './import-packages.ts';
import { createBackup } from '../backup/backups.ts';
import type { ServiceContext } from '../app/context.ts';
import type { JobControl } from '../jobs/jobs.ts';
import { listPackages, packageDetail } from './package-store.ts';

/** The sample meeting's packages: every zip and folder in resources/samples/2026 (see its README). */
export function samplePackageSources(resourcesDir: string): FileSource[] {
  const dir = join(resourcesDir, 'samples', '2026');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
  } catch {
    throw new AppError('samples-missing', '找不到示例会议的材料包（resources/samples/2026）。请重新安装本程序。');
  }
  return names.map((n) => ({ path: join(dir, n) }));
}

/** An import job; a backup follows whenever it stored something new. */
async function importJob(ctx: ServiceContext, sources: readonly FileSource[], control: JobControl) {
  const reports = await importPackages(ctx, sources, control);
  if (reports.some((r) => r.outcome === 'imported')) {
    await createBackup(ctx.db, ctx.dataDir, 'import', ctx.now());
    ctx.ocr.wake(); // the new scans are read in the background
  }
  return reports;
}

export const packageHandlers = {
  'package-list': (ctx) => listPackages(ctx.db),
  'package-detail': (ctx, request) => packageDetail(ctx.db, request.packageId),
  'package-import': (ctx, request) => ({
    jobId: ctx.jobs.start('import', (control) => importJob(ctx, request.sources, control)),
  }),
  'package-pick': async (ctx, request) => {
    if (!ctx.pickPaths) {
      throw new AppError('not-available', '浏览器版不能打开系统的文件选择框，请用页面上的文件选择或把文件拖进页面。');
    }
    return ctx.pickPaths(request.folders ? 'folders' : 'zip-files');
  },
  'sample-packages-import': (ctx) => {
    const sources = samplePackageSources(ctx.resourcesDir);
    return { jobId: ctx.jobs.start('import', (control) => importJob(ctx, sources, control)) };
  },
} satisfies HandlerSlice<keyof typeof packageChannels>;
