import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../electron/files/atomic-write.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('atomic-write-');

describe('writing a file atomically', () => {
  it('writes text, bytes and streams whole, and leaves only the file', async () => {
    const folder = tempDir();
    expect(await writeFileAtomically(join(folder, '评分表.json'), '{"专家":"王明"}\n', { overwrite: false })).toBe('written');
    expect(await writeFileAtomically(join(folder, 'a.bin'), Buffer.from([1, 2, 3]), { overwrite: false })).toBe('written');
    async function* chunks() {
      for (let i = 0; i < 50; i += 1) yield Buffer.alloc(100_000, i);
    }
    expect(await writeFileAtomically(join(folder, 'big.zip'), chunks(), { overwrite: false })).toBe('written');
    expect(readFileSync(join(folder, '评分表.json'), 'utf8')).toBe('{"专家":"王明"}\n');
    expect([...readFileSync(join(folder, 'a.bin'))]).toEqual([1, 2, 3]);
    const big = readFileSync(join(folder, 'big.zip'));
    expect(big.length).toBe(5_000_000);
    expect(big[4_999_999]).toBe(49);
    expect(readdirSync(folder).sort()).toEqual(['a.bin', 'big.zip', '评分表.json']);
  });

  it('a stream that fails half-way leaves neither the file nor a temporary one, and an older file as it was', async () => {
    const folder = tempDir();
    const path = join(folder, 'out.zip');
    writeFileSync(path, 'older');
    async function* failing() {
      yield Buffer.alloc(1_000_000, 1);
      throw new Error('the USB stick was pulled');
    }
    await expect(writeFileAtomically(path, failing(), { overwrite: true })).rejects.toThrow('the USB stick was pulled');
    expect(readFileSync(path, 'utf8')).toBe('older');
    expect(readdirSync(folder)).toEqual(['out.zip']);
    await expect(writeFileAtomically(join(folder, 'new.zip'), failing(), { overwrite: false })).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['out.zip']);
  });

  it('keeps an existing file unless asked to replace it', async () => {
    const folder = tempDir();
    const path = join(folder, 'result.json');
    writeFileSync(path, 'the locked result');
    expect(await writeFileAtomically(path, 'another', { overwrite: false })).toBe('exists');
    expect(readFileSync(path, 'utf8')).toBe('the locked result');
    expect(readdirSync(folder)).toEqual(['result.json']);
    expect(await writeFileAtomically(path, 'another', { overwrite: true })).toBe('written');
    expect(readFileSync(path, 'utf8')).toBe('another');
  });

  it('keeps a file that appears while the bytes are being written', async () => {
    const folder = tempDir();
    const path = join(folder, 'race.pdf');
    async function* slow() {
      yield Buffer.from('ours, ');
      // Someone else's file gets the name after our check and before our bytes are done.
      writeFileSync(path, 'theirs');
      yield Buffer.from('late');
    }
    expect(await writeFileAtomically(path, slow(), { overwrite: false })).toBe('exists');
    expect(readFileSync(path, 'utf8')).toBe('theirs');
    expect(readdirSync(folder)).toEqual(['race.pdf']);
  });

  it.skipIf(process.platform === 'win32')('makes a new file with the mode asked for (a private key)', async () => {
    const folder = tempDir();
    const path = join(folder, 'private-key.pem');
    await writeFileAtomically(path, 'key', { overwrite: true, mode: 0o600 });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('fails in a folder that does not exist, leaving nothing', async () => {
    const folder = tempDir();
    await expect(writeFileAtomically(join(folder, 'missing', 'x.txt'), 'x', { overwrite: true })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(folder)).toEqual([]);
  });
});
