/**
 * Where OCR gets the pictures of a stored file's pages: a TIFF's pages and a HEIC photo as the
 * viewer shows them (the image-pages renditions, upright), made here when nobody opened the
 * file yet; pictures as they are; nothing for a type with text of its own.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrSourceOf } from '../../../electron/ocr/ocr-sources.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const fixtures = resolve(import.meta.dirname, '..', '..', 'fixtures', 'evidence');

function store(dataDir: string, path: string): string {
  const bytes = readFileSync(resolve(fixtures, path));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  mkdirSync(join(dataDir, 'evidence', sha256.slice(0, 2)), { recursive: true });
  writeFileSync(join(dataDir, 'evidence', sha256.slice(0, 2), sha256), bytes);
  return sha256;
}

describe('OCR sources', () => {
  const tempDir = useTempDir();

  it('reads every page of a TIFF from the pictures the viewer shows, made once', async () => {
    const dataDir = tempDir();
    const sha256 = store(dataDir, 'images/three-pages-g4.tiff');
    const source = await ocrSourceOf(dataDir, sha256);
    expect(source?.kind).toBe('images');
    if (source?.kind !== 'images') return;
    expect(source.files).toHaveLength(3);
    for (const file of source.files) {
      expect(existsSync(file)).toBe(true);
      expect(file.startsWith(join(dataDir, 'renditions'))).toBe(true);
    }
    const again = await ocrSourceOf(dataDir, sha256);
    expect(again).toEqual(source);
  });

  it('reads a HEIC photo as its one upright page, a JPEG as it is, and nothing of a Word file', async () => {
    const dataDir = tempDir();
    const heic = await ocrSourceOf(dataDir, store(dataDir, 'images/sideways.heic'));
    expect(heic?.kind === 'images' ? heic.files.length : 0).toBe(1);
    expect((await ocrSourceOf(dataDir, store(dataDir, 'images/sideways.jpg')))?.kind).toBe('image');
    expect(await ocrSourceOf(dataDir, store(dataDir, 'documents/红头文件.docx'))).toBeNull();
  });
});
