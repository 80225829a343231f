/**
 * Crash safety: the browser shell's process is killed (SIGKILL, no chance to clean up) at
 * seeded random moments while a script keeps writing through the API. After each restart on
 * the same data folder, every write the server acknowledged is in the store, and the store
 * passes SQLite's integrity check.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../e2e/app-fixture.ts';
import { tokenHeader } from '../../../shared/api/transport.ts';
import { prng } from '../../helpers/prng.ts';


async function tokenOf(server: RunningServer): Promise<string> {
  const html = await (await fetch(server.url)).text();
  const match = /name="alliance-review-token" content="([0-9a-f]{64})"/.exec(html);
  if (!match?.[1]) throw new Error('no token in the served page');
  return match[1];
}

describe('crash safety', () => {
  const root = mkdtempSync(join(tmpdir(), 'alliance-review-crash-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('loses no acknowledged write when the process is killed at random moments', async () => {
    const dataDir = join(root, 'data');
    const rendererDir = join(root, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
    const rand = prng(7);
    const acknowledged: string[] = [];
    let attempted = 0;

    for (let round = 0; round < 6; round += 1) {
      const server = await startServer(dataDir, ['--renderer-dir', rendererDir]);
      const token = await tokenOf(server);
      const killAfterMs = 20 + Math.floor(rand() * 120);
      const killer = setTimeout(() => server.process.kill('SIGKILL'), killAfterMs);
      // Keep writing until the process dies under us.
      for (;;) {
        const name = `第${round}轮-${attempted}`;
        attempted += 1;
        try {
          const response = await fetch(`${server.url}api/meeting-create`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', [tokenHeader]: token },
            body: JSON.stringify({ name, year: 2026 }),
          });
          const body = (await response.json()) as { ok: boolean };
          if (body.ok) acknowledged.push(name);
        } catch {
          break;
        }
      }
      clearTimeout(killer);
      await server.stop('SIGKILL');
    }

    expect(acknowledged.length).toBeGreaterThan(6);
    const db = new Database(join(dataDir, 'alliance-review.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set(db.prepare('SELECT name FROM meeting').pluck().all() as string[]);
    db.close();
    const lost = acknowledged.filter((name) => !stored.has(name));
    expect(lost).toEqual([]);
    // At most the one write in flight at each kill may be stored without an acknowledgement.
    expect(stored.size - acknowledged.length).toBeLessThanOrEqual(6);
  });
});
