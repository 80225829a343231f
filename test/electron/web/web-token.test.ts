/** The browser shell's token survives a restart on the same data folder and stays owner-only. */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataDirToken } from '../../../electron/web/web-token.ts';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'web-token-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('dataDirToken', () => {
  it('is made once per data folder, owner-only, and the same on the next start', () => {
    const dir = fresh();
    const first = dataDirToken(dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir, 'web-token')).mode & 0o777).toBe(0o600);
    expect(dataDirToken(dir)).toBe(first);
    expect(dataDirToken(fresh())).not.toBe(first);
  });

  it('narrows a copied file back to owner-only and replaces a damaged one', () => {
    const dir = fresh();
    const first = dataDirToken(dir);
    chmodSync(join(dir, 'web-token'), 0o644);
    expect(dataDirToken(dir)).toBe(first);
    expect(statSync(join(dir, 'web-token')).mode & 0o777).toBe(0o600);
    writeFileSync(join(dir, 'web-token'), 'not a token');
    const next = dataDirToken(dir);
    expect(next).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dir, 'web-token'), 'utf8').trim()).toBe(next);
  });
});
