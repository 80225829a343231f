import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearStaleRenditions, rendition, renditionDir, storedRendition } from '../../../electron/evidence/renditions.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const hash = 'ab'.repeat(32);
const converter = { name: 'tiff-pages', version: 1 };

describe('renditions', () => {
  const tempDir = useTempDir();

  it('makes a rendition once and reads it back by name', async () => {
    const dataDir = tempDir();
    let made = 0;
    const make = async () => {
      made += 1;
      return new Map<string, Uint8Array | string>([
        ['preview.json', '{"pages":2}'],
        ['page-1.png', new Uint8Array([1, 2, 3])],
      ]);
    };
    const [first, second] = await Promise.all([rendition(dataDir, hash, converter, make), rendition(dataDir, hash, converter, make)]);
    expect(made).toBe(1);
    expect(first.names).toEqual(['page-1.png', 'preview.json']);
    expect((await second.read('preview.json')).toString()).toBe('{"pages":2}');
    const again = await rendition(dataDir, hash, converter, make);
    expect(made).toBe(1);
    expect([...(await again.read('page-1.png'))]).toEqual([1, 2, 3]);
    expect(again.file('nothing.png')).toBeNull();
    expect(storedRendition(dataDir, hash, { name: 'tiff-pages', version: 2 })).toBeNull();
  });

  it('stores nothing when the converter fails, and tries again next time', async () => {
    const dataDir = tempDir();
    await expect(rendition(dataDir, hash, converter, () => Promise.reject(new Error('bad file')))).rejects.toThrow('bad file');
    expect(storedRendition(dataDir, hash, converter)).toBeNull();
    const parent = join(renditionDir(dataDir, hash, converter), '..');
    expect(existsSync(parent)).toBe(false);
    const made = await rendition(dataDir, hash, converter, async () => new Map([['a.txt', 'x']]));
    expect(made.names).toEqual(['a.txt']);
  });

  it('refuses file names that could leave the folder and malformed hashes', async () => {
    const dataDir = tempDir();
    await expect(rendition(dataDir, hash, converter, async () => new Map([['../x', 'x']]))).rejects.toThrow('invalid rendition file name');
    expect(() => renditionDir(dataDir, '../etc', converter)).toThrow();
    expect(() => renditionDir(dataDir, hash, { name: '../x', version: 1 })).toThrow();
  });

  it('clears folders a crash left half-written, and keeps finished ones', async () => {
    const dataDir = tempDir();
    await rendition(dataDir, hash, converter, async () => new Map([['a.txt', 'x']]));
    const parent = join(renditionDir(dataDir, hash, converter), '..');
    mkdirSync(join(parent, '.tmp-tiff-pages-123456'));
    writeFileSync(join(parent, '.tmp-tiff-pages-123456', 'page-1.png'), 'half');
    clearStaleRenditions(dataDir);
    expect(readdirSync(parent)).toEqual(['tiff-pages-v1']);
    expect(existsSync(renditionDir(dataDir, hash, converter))).toBe(true);
  });
});
