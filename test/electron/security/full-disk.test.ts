/**
 * A full disk: the data folder lives on a 6 MiB tmpfs that the test fills. An import that
 * runs out of space fails with a clear Chinese message and leaves the store as it was;
 * earlier data stays intact; once space is freed the app works again.
 *
 * Mounting a tmpfs needs root (CI runs as root). On a machine where the test is not root it
 * is not run, and says so in its name.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../shared/api/job-types.ts';
import { createContext, type ServiceContext } from '../../../electron/app/context.ts';
import { dispatch } from '../../../electron/ipc/handlers.ts';
import { call } from '../../helpers/call.ts';
import { alliancePackage } from '../../helpers/package-builder.ts';

const isRoot = process.getuid?.() === 0;

describe.runIf(isRoot)('a full disk (tmpfs, needs root)', () => {
  const mount = mkdtempSync(join(tmpdir(), 'alliance-review-tmpfs-'));
  const work = mkdtempSync(join(tmpdir(), 'alliance-review-fullpkg-'));
  let ctx: ServiceContext;

  beforeAll(() => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mount]);
    ctx = createContext({ dataDir: join(mount, 'data'), shell: 'browser', version: 't' });
  });
  afterAll(async () => {
    // As the app's shutdown does: the background OCR (woken by each import) lets go of the
    // store's files before the store closes, so nothing holds the mount.
    await ctx?.ocr.stop();
    ctx?.close();
    try {
      execFileSync('umount', [mount]);
    } catch (error) {
      // Never leave a mount behind; then fail: something still holds a file open.
      execFileSync('umount', ['-l', mount]);
      throw error;
    }
    rmSync(mount, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  const fill = (leaveBytes: number) => {
    const filler = join(mount, 'filler');
    rmSync(filler, { force: true });
    const free = Number(execFileSync('df', ['--output=avail', '-B1', mount]).toString().split('\n')[1]);
    writeFileSync(filler, Buffer.alloc(Math.max(0, free - leaveBytes)));
  };

  it('refuses an import that does not fit, clearly, and keeps what was stored', async () => {
    await call(ctx, 'meeting-create', { name: '满盘之前', year: 2026 });
    const big = alliancePackage().with('成果转化/扫描件.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(1024 * 1024)]));
    const path = big.writeFolder(join(work, 'pkg'));
    fill(256 * 1024);

    const started = await call(ctx, 'package-import', { sources: [{ path }] });
    await ctx.jobs.idle();
    const status = (await dispatch(ctx, 'job-status', { jobId: started.jobId })) as { ok: true; value: JobStatus };
    expect(status.value.state).toBe('failed');
    expect(status.value.error).toMatchObject({ code: 'disk-full' });
    expect(status.value.error?.message).toContain('磁盘空间不足');

    expect(ctx.db.prepare('SELECT count(*) FROM package').pluck().get()).toBe(0);
    expect(ctx.db.prepare('SELECT name FROM meeting').pluck().all()).toEqual(['满盘之前']);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');

    // Space freed: the same import now succeeds.
    rmSync(join(mount, 'filler'));
    mkdirSync(join(mount, 'spare'), { recursive: true });
    const again = await call(ctx, 'package-import', { sources: [{ path }] });
    await ctx.jobs.idle();
    const after = (await dispatch(ctx, 'job-status', { jobId: again.jobId })) as { ok: true; value: JobStatus };
    expect(after.value.results[0]?.outcome).toBe('imported');
  });

  it('answers a write to a full store with disk-full and loses no acknowledged write', async () => {
    fill(0);
    const acknowledged: string[] = [];
    let refusal: { code: string; message: string } | null = null;
    for (let i = 0; i < 30_000 && refusal === null; i += 1) {
      const result = await dispatch(ctx, 'meeting-create', { name: `会议${i}-${'填'.repeat(190)}`, year: 2026 });
      if (result.ok) acknowledged.push(`会议${i}`);
      else refusal = result.error;
    }
    expect(refusal, `${acknowledged.length} writes; ${execFileSync('df', ['-B1', mount]).toString()}`).not.toBeNull();
    expect(refusal?.code).toBe('disk-full');
    rmSync(join(mount, 'filler'));
    const stored = new Set((ctx.db.prepare('SELECT name FROM meeting').pluck().all() as string[]).map((n) => n.split('-')[0]));
    expect(acknowledged.filter((name) => !stored.has(name))).toEqual([]);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await call(ctx, 'meeting-create', { name: '腾出空间之后', year: 2026 });
  });
});
