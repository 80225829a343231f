import { join } from 'node:path';
import { Readable } from 'node:stream';
import { discardUpload, receiveUpload } from '../../../electron/package-store/incoming.ts';
import { describe, expect, it } from 'vitest';
import { packageImportReports } from '../../../shared/api/job-results.ts';
import type { JobStatus } from '../../../shared/api/job-types.ts';
import { dispatch } from '../../../electron/ipc/handlers.ts';
import type { ServiceContext } from '../../../electron/app/context.ts';
import { testContext } from '../../helpers/context.ts';
import { call } from '../../helpers/call.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { alliancePackage, manifest, packageFiles } from '../../helpers/package-builder.ts';

async function untilDone(ctx: ServiceContext, jobId: string): Promise<JobStatus> {
  await ctx.jobs.idle();
  const result = await dispatch(ctx, 'job-status', { jobId });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as JobStatus;
}

describe('package channels', () => {
  const tempDir = useTempDir();

  it('imports several packages as one job with a report each, then lists them', async () => {
    const ctx = testContext(tempDir());
    const work = tempDir();
    const a = alliancePackage().writeFolder(join(work, 'a'));
    const other = manifest({ alliance: { id: 'HFA-020', name: '合肥市生物医药产业技术创新战略联盟', kind: 'incubator' } });
    const b = await alliancePackage(other).writeZip(join(work, 'b.zip'));
    const broken = packageFiles({ 'readme.txt': '没有 manifest' }).writeFolder(join(work, 'broken'));

    const started = await dispatch(ctx, 'package-import', { sources: [{ path: a }, { path: b }, { path: broken }] });
    expect(started.ok).toBe(true);
    const status = await untilDone(ctx, (started as { value: { jobId: string } }).value.jobId);
    expect(status.state).toBe('done');
    expect(packageImportReports(status).map((r) => [r.source, r.outcome])).toEqual([
      ['a', 'imported'],
      ['b.zip', 'imported'],
      ['broken', 'refused'],
    ]);
    expect(packageImportReports(status)[2]?.problems.map((p) => p.code)).toContain('manifest-missing');
    expect(status.progress.filesTotal).toBeGreaterThan(0);

    const list = await call(ctx, 'package-list', {});
    expect(list.map((p) => p.allianceId)).toEqual(['HFA-012', 'HFA-020']);
  });

  it('gives the detail of a package: files, which are named, and warnings', async () => {
    const ctx = testContext(tempDir());
    const path = alliancePackage().with('附件/照片.png', 'x').writeFolder(join(tempDir(), 'a'));
    const started = await dispatch(ctx, 'package-import', { sources: [{ path }] });
    const status = await untilDone(ctx, (started as { value: { jobId: string } }).value.jobId);
    const detail = await call(ctx, 'package-detail', { packageId: packageImportReports(status)[0]!.packageId! });
    expect(detail.files.filter((f) => !f.namedByClaim).map((f) => f.path)).toEqual(['附件/照片.png']);
    expect(detail.warnings.map((w) => w.path)).toContain('附件/照片.png');
  });

  it('reports an unknown job and a package that does not exist as structured errors', async () => {
    const ctx = testContext(tempDir());
    expect(await dispatch(ctx, 'job-status', { jobId: 'import-99' })).toMatchObject({ ok: false, error: { code: 'job-not-found' } });
    expect(await dispatch(ctx, 'package-detail', { packageId: 42 })).toMatchObject({ ok: false, error: { code: 'package-not-found' } });
  });

  it('refuses the file picker in the browser shell with not-available', async () => {
    const ctx = testContext(tempDir());
    expect(await dispatch(ctx, 'package-pick', { folders: false })).toMatchObject({ ok: false, error: { code: 'not-available' } });
  });

  it('names an upload by the file the clerk chose, never by the app’s incoming/<id> path', async () => {
    const ctx = testContext(tempDir());
    const name = 'HFA-012 合肥市人工智能联盟.zip';
    // One upload gone before the import (an expired or removed upload), one that is no zip.
    const gone = await receiveUpload(ctx.dataDir, Readable.from([Buffer.from('x')]));
    discardUpload(ctx.dataDir, gone);
    const notZip = await receiveUpload(ctx.dataDir, Readable.from([Buffer.from('%PDF-1.4 不是压缩包')]));
    const started = await dispatch(ctx, 'package-import', { sources: [{ uploadId: gone, name }, { uploadId: notZip, name: '材料.zip' }] });
    const status = await untilDone(ctx, (started as { value: { jobId: string } }).value.jobId);
    const [missing, damaged] = packageImportReports(status);
    expect(missing?.problems.map((p) => [p.code, p.path])).toEqual([['package-not-found', name]]);
    expect(missing?.problems[0]?.message).toBe(`找不到“${name}”（可能已被移动或删除）。请重新选择这个文件或文件夹。`);
    expect(damaged?.problems.map((p) => p.path)).toEqual(['材料.zip']);
    for (const p of [...(missing?.problems ?? []), ...(damaged?.problems ?? [])]) {
      expect(p.message).not.toContain(ctx.dataDir);
      expect(p.message).not.toContain('incoming');
      expect(p.message).not.toMatch(/[0-9a-f]{32}/);
    }
  });

  it('refuses an upload id that is not one the server made', async () => {
    const ctx = testContext(tempDir());
    const result = await dispatch(ctx, 'package-import', { sources: [{ uploadId: '../../etc/passwd', name: 'x.zip' }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
