/**
 * Images as pages: TIFFs a scanner wrote (G4, LZW, JPEG-in-TIFF) become one upright page image
 * per page, and sideways photos (HEIC with irot, TIFF and JPEG with EXIF orientation) upright, as
 * the file's own program shows them (heif-convert, ImageMagick: test/fixtures/evidence/images/).
 * Pixels are probed, not just sizes, so a wrong page or an unturned photo fails.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imagePagesPreviewer } from '../../../electron/evidence/image-pages-previewer.ts';
import { readImagePages } from '../../../electron/evidence/read-image-pages.ts';
import { renditionFile } from '../../../electron/evidence/renditions.ts';
import { tiffPageCount } from '../../../electron/package-reader/inspect/tiff-pages.ts';
import type { PagesPreview } from '../../../shared/api/evidence-preview-types.ts';
import { packageImportReports } from '../../../shared/api/job-results.ts';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { manifest as packageManifest, packageFiles } from '../../helpers/package-builder.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('image-pages-');
const fixturePath = (name: string): string => new URL(`../../fixtures/evidence/images/${name}`, import.meta.url).pathname;
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fixturePath(name)));

/** The mean grey (0 black … 255 white) of a box given in fractions of the picture. */
async function grey(image: Uint8Array, box: { left: number; top: number; width: number; height: number }): Promise<number> {
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(box.top * info.height); y < Math.floor((box.top + box.height) * info.height); y += 1) {
    for (let x = Math.floor(box.left * info.width); x < Math.floor((box.left + box.width) * info.width); x += 1) {
      sum += data[(y * info.width + x) * info.channels]!;
      n += 1;
    }
  }
  return sum / n;
}

/** The black square of page N (make-images.sh: x 60 + (N − 1) × 180, y 600, 120 px, of 600 × 848). */
const square = (n: number) => ({ left: (60 + (n - 1) * 180 + 20) / 600, top: 620 / 848, width: 80 / 600, height: 80 / 848 });

/** Which of the three squares is black: the page a TIFF page image shows. */
async function pageShown(image: Uint8Array): Promise<number[]> {
  const dark: number[] = [];
  for (const n of [1, 2, 3]) if ((await grey(image, square(n))) < 64) dark.push(n);
  return dark;
}

/** Red on top and blue at the bottom: the sideways photo shown upright. */
async function upright(image: Uint8Array): Promise<boolean> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (fx: number, fy: number) => {
    const i = (Math.floor(fy * info.height) * info.width + Math.floor(fx * info.width)) * info.channels;
    return [data[i]!, data[i + 1]!, data[i + 2]!] as const;
  };
  const [r1, , b1] = at(0.5, 0.1);
  const [r2, , b2] = at(0.5, 0.9);
  return info.width > info.height && r1 > 200 && b1 < 80 && b2 > 200 && r2 < 80;
}

describe('readImagePages', () => {
  it.each(['three-pages-g4.tiff', 'three-pages-lzw.tiff'])('turns every page of %s into its own page image, sized from its 100 dpi', async (name) => {
    const reading = await readImagePages(fixture(name), 'tiff');
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.pageCount).toBe(3);
    expect(tiffPageCount(fixture(name))).toEqual({ ok: true, pages: 3 });
    expect(reading.pages.map((p) => [p.format, p.width, p.height])).toEqual([
      ['png', 576, 814],
      ['png', 576, 814],
      ['png', 576, 814],
    ]);
    expect(await pageShown(reading.pages[0]!.image)).toEqual([1]);
    expect(await pageShown(reading.pages[1]!.image)).toEqual([2]);
    expect(await pageShown(reading.pages[2]!.image)).toEqual([3]);
  });

  it('reads JPEG inside TIFF, page by page', async () => {
    const reading = await readImagePages(fixture('two-pages-jpeg.tiff'), 'tiff');
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.pages).toHaveLength(2);
    // 300 px at 50 dpi: six inches, 576 CSS pixels.
    expect([reading.pages[1]!.width, reading.pages[1]!.height]).toEqual([576, 814]);
    expect(await pageShown(reading.pages[1]!.image)).toEqual([2]);
  });

  it('turns a TIFF tagged Orientation 6 upright', async () => {
    const reading = await readImagePages(fixture('sideways.tiff'), 'tiff');
    if (!reading.ok) throw new Error(reading.message);
    expect([reading.pages[0]!.width, reading.pages[0]!.height]).toEqual([240, 160]);
    expect(await upright(reading.pages[0]!.image)).toBe(true);
  });

  it('decodes a HEIC photo with its irot turn applied, as heif-convert shows it', async () => {
    const reading = await readImagePages(fixture('sideways.heic'), 'heic');
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.pages).toHaveLength(1);
    expect(reading.pages[0]).toMatchObject({ format: 'jpg', width: 240, height: 160 });
    expect(await upright(reading.pages[0]!.image)).toBe(true);
  });

  it('downscales a large scan to the display width and keeps its page size', async () => {
    const reading = await readImagePages(fixture('three-pages-g4.tiff'), 'tiff', { maxPages: 2, maxWidth: 300, maxInputPixels: 1_000_000 });
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.pageCount).toBe(3);
    expect(reading.pages).toHaveLength(2);
    expect((await sharp(reading.pages[0]!.image).metadata()).width).toBe(300);
    expect(reading.pages[0]!.width).toBe(576);
  });

  it.each([
    ['three-pages-g4.tiff', 'tiff'],
    ['sideways.heic', 'heic'],
  ] as const)('refuses %s from its header when it has more pixels than the cap (a decompression bomb)', async (name, type) => {
    const reading = await readImagePages(fixture(name), type, { maxPages: 10, maxWidth: 2000, maxInputPixels: 20_000 });
    expect(reading.ok).toBe(false);
    if (!reading.ok) {
      expect(reading.lasting).toBe(true);
      expect(reading.message).toContain('超过本程序显示的上限');
    }
  });

  it.each([
    ['tiff', 'TIFF'],
    ['heic', 'HEIC'],
  ] as const)('says a damaged %s file cannot be read, in Chinese', async (type, kind) => {
    const bytes = type === 'tiff' ? fixture('three-pages-lzw.tiff').slice(0, 400) : fixture('sideways.heic').slice(0, 300);
    const reading = await readImagePages(bytes, type);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.message).toContain(`无法读取这个 ${kind} 文件`);
  });
});

describe('readImagePages under its caps', () => {
  it('gives up on a conversion past its time, saying so, and marks it as worth another try', async () => {
    const reading = await readImagePages(fixture('three-pages-lzw.tiff'), 'tiff', undefined, { maxOldGenerationSizeMb: 256, timeoutMs: 1 });
    expect(reading).toEqual({ ok: false, lasting: false, message: expect.stringContaining('秒内没能转换完') as string });
  });
});

describe('pages previews through evidence-preview', () => {
  it('answers a TIFF with its pages as renditions made once, and a HEIC photo as one upright page', async () => {
    const root = tempDir();
    const manifest = packageManifest({
      claims: { 'I1.office': { claimed: true, evidence: ['扫描件/合同.tiff#page=3', '照片/现场.heic'] } },
      selfReport: '扫描件/合同.tiff',
    });
    packageFiles([['manifest.json', JSON.stringify(manifest)]]).writeFolder(root);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(root, '扫描件'));
    mkdirSync(join(root, '照片'));
    copyFileSync(fixturePath('three-pages-g4.tiff'), join(root, '扫描件', '合同.tiff'));
    copyFileSync(fixturePath('sideways.heic'), join(root, '照片', '现场.heic'));
    const ctx = testContext(tempDir());
    const { jobId } = await call(ctx, 'package-import', { sources: [{ path: root }] });
    await ctx.jobs.idle();
    const packageId = packageImportReports(await call(ctx, 'job-status', { jobId }))[0]?.packageId;
    if (packageId === null || packageId === undefined) throw new Error('package not imported');

    const tiff = (await call(ctx, 'evidence-preview', { packageId, path: '扫描件/合同.tiff' })) as PagesPreview;
    expect(tiff).toMatchObject({ kind: 'pages', paged: true, notice: null });
    expect(tiff.pages.map((p) => [p.image.converter, p.image.name, p.width, p.height])).toEqual([
      ['image-pages-v1', 'page-1.png', 576, 814],
      ['image-pages-v1', 'page-2.png', 576, 814],
      ['image-pages-v1', 'page-3.png', 576, 814],
    ]);
    const third = renditionFile(ctx.dataDir, tiff.pages[2]!.image.sha256, 'image-pages-v1', 'page-3.png');
    expect(third).not.toBeNull();
    expect(await pageShown(new Uint8Array(readFileSync(third!)))).toEqual([3]);

    // Made once: the second answer reads the stored pages (the same file, untouched).
    const { statSync } = await import('node:fs');
    const before = statSync(third!).mtimeMs;
    await call(ctx, 'evidence-preview', { packageId, path: '扫描件/合同.tiff' });
    expect(statSync(third!).mtimeMs).toBe(before);

    const heic = (await call(ctx, 'evidence-preview', { packageId, path: '照片/现场.heic' })) as PagesPreview;
    expect(heic).toMatchObject({ kind: 'pages', paged: false, pages: [{ width: 240, height: 160, image: { name: 'page-1.jpg' } }] });
    const photo = renditionFile(ctx.dataDir, heic.pages[0]!.image.sha256, 'image-pages-v1', 'page-1.jpg');
    expect(await upright(new Uint8Array(readFileSync(photo!)))).toBe(true);
  });

  it('remembers a refusal: a file refused for what it is is not decoded again', async () => {
    const dataDir = tempDir();
    const bytes = fixture('sideways.heic').slice(0, 300);
    const sha256 = 'a'.repeat(64);
    const preview = imagePagesPreviewer('heic');
    await expect(preview({ bytes, sha256, fileName: '现场.heic', dataDir })).rejects.toThrow('现场.heic：无法读取这个 HEIC 文件');
    // The stored refusal answers even for bytes that would now decode.
    await expect(preview({ bytes: fixture('sideways.heic'), sha256, fileName: '现场.heic', dataDir })).rejects.toThrow('无法读取这个 HEIC 文件');
  });
});

describe('imagePagesCapsFor', () => {
  it('gives a long scan more time, a second a page, counted from its directories', async () => {
    const { imagePagesCaps, imagePagesCapsFor } = await import('../../../electron/evidence/read-image-pages.ts');
    expect(imagePagesCapsFor(fixture('three-pages-g4.tiff'), 'tiff').timeoutMs).toBe(imagePagesCaps.timeoutMs + 3_000);
    expect(imagePagesCapsFor(fixture('sideways.heic'), 'heic')).toBe(imagePagesCaps);
    // A file whose directories cannot be counted gets the time of the most pages converted.
    expect(imagePagesCapsFor(fixture('three-pages-g4.tiff').slice(0, 8), 'tiff').timeoutMs).toBe(imagePagesCaps.timeoutMs + 300_000);
  });
});
