/**
 * The exit backup of a real browser shell (`node electron/web/main.ts`): stopped the way a
 * person stops it (Ctrl+C, SIGINT) or the system does (SIGTERM), it copies the store with every
 * write it acknowledged into `backups/` and lets the next shell have the folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { tokenHeader } from '../../../shared/api/transport.ts';
import { startServer, type RunningServer } from '../../e2e/app-fixture.ts';
import { backupReasonsIn, readNewestBackup } from '../../helpers/backup-copy.ts';

async function createMeeting(server: RunningServer, name: string): Promise<boolean> {
  const html = await (await fetch(server.url)).text();
  const token = /name="alliance-review-token" content="([0-9a-f]{64})"/.exec(html)?.[1];
  if (!token) throw new Error('no token in the served page');
  const response = await fetch(`${server.url}api/meeting-create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [tokenHeader]: token },
    body: JSON.stringify({ name, year: 2026 }),
  });
  return ((await response.json()) as { ok: boolean }).ok;
}

describe('the browser shell’s exit backup', () => {
  const work = mkdtempSync(join(tmpdir(), 'alliance-review-exit-backup-'));
  const rendererDir = join(work, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  const running: RunningServer[] = [];
  afterEach(async () => {
    for (const server of running.splice(0)) await server.stop('SIGKILL');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each(['SIGINT', 'SIGTERM'] as const)('is taken on %s with the acknowledged writes, and frees the folder', async (signal) => {
    const dataDir = join(work, signal);
    const first = await startServer(dataDir, ['--renderer-dir', rendererDir]);
    running.push(first);
    expect(await createMeeting(first, '退出前')).toBe(true);
    await first.stop(signal);
    expect(first.process.exitCode).toBe(0);
    expect(backupReasonsIn(dataDir)).toEqual(['exit']);
    expect(readNewestBackup(dataDir, 'exit', (db) => db.prepare('SELECT name FROM meeting').pluck().all())).toEqual(['退出前']);

    const next = await startServer(dataDir, ['--renderer-dir', rendererDir]);
    running.push(next);
    expect(await createMeeting(next, '再次启动')).toBe(true);
  });
});
