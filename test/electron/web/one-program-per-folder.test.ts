/**
 * One program per data folder, with real browser shells (`node electron/web/main.ts`) as child
 * processes: a second one on the folder is refused before it touches anything, the first keeps
 * every write it acknowledges, and a first one killed outright leaves the folder free.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../electron/app/context.ts';
import { dataDirInUseMessage } from '../../../electron/app/data-dir-lock.ts';
import { stagingRoot } from '../../../electron/evidence/evidence-staging.ts';
import { tokenHeader } from '../../../shared/api/transport.ts';
import { startServer, type RunningServer } from '../../e2e/app-fixture.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');

/** Runs a browser shell that is expected to stop by itself; its exit status and stderr. */
function runToExit(dataDir: string, rendererDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [resolve(root, 'electron', 'web', 'main.ts'), '--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  // A shell that was not refused would serve forever: end it so the test fails rather than hangs.
  const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((done) =>
    child.once('close', (code) => {
      clearTimeout(guard);
      done({ code, stdout, stderr });
    }),
  );
}

async function api(server: RunningServer, channel: string, body: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const html = await (await fetch(server.url)).text();
  const token = /name="alliance-review-token" content="([0-9a-f]{64})"/.exec(html)?.[1];
  if (!token) throw new Error('no token in the served page');
  const response = await fetch(`${server.url}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [tokenHeader]: token },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean };
}

function storedMeetings(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'alliance-review.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT name FROM meeting ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('one program per data folder (browser shells)', () => {
  const work = mkdtempSync(join(tmpdir(), 'alliance-review-one-program-'));
  const rendererDir = join(work, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  const running: RunningServer[] = [];
  let folders = 0;
  const dataFolder = () => join(work, `数据 ${(folders += 1)}`);
  afterEach(async () => {
    for (const server of running.splice(0)) await server.stop('SIGKILL');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const start = async (dataDir: string) => {
    const server = await startServer(dataDir, ['--renderer-dir', rendererDir]);
    running.push(server);
    return server;
  };

  it('refuses a second shell on the folder with the message and a non-zero exit, leaving the first at work', async () => {
    const dataDir = dataFolder();
    const first = await start(dataDir);
    expect((await api(first, 'meeting-create', { name: '第一场', year: 2026 })).ok).toBe(true);
    // An import of the first shell in flight: its staged files must survive the second's start.
    const staged = join(stagingRoot(dataDir), 'in-flight');
    mkdirSync(staged, { recursive: true });
    writeFileSync(join(staged, '0'), 'half an upload');

    const second = await runToExit(dataDir, rendererDir);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(dataDirInUseMessage(dataDir));
    expect(second.stdout).not.toContain('READY');
    expect(existsSync(join(staged, '0'))).toBe(true);

    expect((await api(first, 'meeting-create', { name: '第二场', year: 2026 })).ok).toBe(true);
    await first.stop('SIGTERM');
    expect(storedMeetings(dataDir)).toEqual(['第一场', '第二场']);
  });

  it('lets a new shell start once the first was killed outright (SIGKILL)', async () => {
    const dataDir = dataFolder();
    const first = await start(dataDir);
    expect((await api(first, 'meeting-create', { name: '崩溃前', year: 2026 })).ok).toBe(true);
    await first.stop('SIGKILL');
    const next = await start(dataDir);
    expect((await api(next, 'meeting-create', { name: '重启后', year: 2026 })).ok).toBe(true);
    await next.stop('SIGTERM');
    expect(storedMeetings(dataDir)).toEqual(['崩溃前', '重启后']);
  });

  it('lets a shell on another folder run alongside', async () => {
    const a = await start(dataFolder());
    const b = await start(dataFolder());
    expect((await api(a, 'meeting-create', { name: '甲', year: 2026 })).ok).toBe(true);
    expect((await api(b, 'meeting-create', { name: '乙', year: 2026 })).ok).toBe(true);
  });

  it('cannot restore a backup under a running shell: its acknowledged writes stay in the store', async () => {
    const dataDir = dataFolder();
    const shell = await start(dataDir);
    expect((await api(shell, 'meeting-create', { name: '备份前', year: 2026 })).ok).toBe(true);
    const backup = await api(shell, 'backup-create', {});
    expect(backup.ok).toBe(true);

    // Another program on the folder would close nothing of the shell's and swap the store
    // file under it; it is refused at start, so it never gets to restore.
    expect(() => createContext({ dataDir, shell: 'browser', version: 't' })).toThrow(dataDirInUseMessage(dataDir));

    expect((await api(shell, 'meeting-create', { name: '备份后', year: 2026 })).ok).toBe(true);
    await shell.stop('SIGKILL');
    expect(storedMeetings(dataDir)).toEqual(['备份前', '备份后']);
    expect(readdirSync(join(dataDir, 'backups')).filter((name) => name.startsWith('replaced-'))).toEqual([]);
  });
});
