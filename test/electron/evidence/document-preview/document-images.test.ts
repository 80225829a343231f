/**
 * Pictures as image blocks: kind and size read from the picture's own header (the ImageMagick
 * fixtures), formats the viewer cannot draw named, and the size limits of one picture and of
 * one document's pictures together.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImageBudget, MAX_IMAGE_BYTES, MAX_TOTAL_IMAGE_BYTES, pictureInfo } from '../../../../electron/evidence/document-preview/document-images.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../../fixtures/evidence', name)));

describe('pictureInfo', () => {
  it.each([
    ['photo.png', 'image/png'],
    ['photo.jpg', 'image/jpeg'],
    ['photo.gif', 'image/gif'],
    ['photo.bmp', 'image/bmp'],
  ])('reads %s as %s of 32 × 24 pixels', (name, mime) => {
    expect(pictureInfo(fixture(name))).toMatchObject({ mime, width: 32, height: 24 });
  });

  it('knows TIFF and EMF as pictures it cannot draw, and other bytes as none', () => {
    expect(pictureInfo(fixture('three-pages.tiff'))).toMatchObject({ mime: null, format: 'TIFF' });
    const emf = new Uint8Array(64);
    emf[0] = 1;
    emf.set([0x20, 0x45, 0x4d, 0x46], 40);
    expect(pictureInfo(emf)).toMatchObject({ mime: null, format: 'EMF' });
    expect(pictureInfo(fixture('unknown.bin'))).toBeNull();
  });
});

describe('ImageBudget', () => {
  it('sends a picture as a data: URL and names one it cannot draw', () => {
    const budget = new ImageBudget();
    const png = fixture('photo.png');
    expect(budget.block(png, '证书')).toEqual({ type: 'image', src: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, mime: 'image/png', width: 32, height: 24, label: '证书' });
    expect(budget.block(fixture('three-pages.tiff')).label).toBe('〔图片：TIFF 格式，无法显示〕');
    expect(budget.block(null).label).toMatch(/缺少这张图片的数据/);
  });

  it('does not send a picture over 10 MB, nor more than the document total', () => {
    const budget = new ImageBudget();
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(fixture('photo.png'));
    expect(budget.block(big)).toMatchObject({ src: null, mime: 'image/png', label: expect.stringMatching(/超过 10 MB/) });
    const nine = new Uint8Array(9 * 1024 * 1024);
    nine.set(fixture('photo.png'));
    const sent = Array.from({ length: 5 }, () => budget.block(nine));
    expect(sent.filter((b) => b.src !== null)).toHaveLength(Math.floor(MAX_TOTAL_IMAGE_BYTES / nine.length));
    expect(sent[4]?.label).toMatch(/图片过多/);
  });
});
