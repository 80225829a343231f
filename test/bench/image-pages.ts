/**
 * Image pages benchmark: conversion time per page of a scanned TIFF (A4 at 300 dpi, CCITT G4
 * and greyscale LZW, as office scanners write them) and of a 12-megapixel HEIC phone photo,
 * through the app's path (read-image-pages.ts: a capped worker started per file, sharp and
 * libheif-js inside) beside the bare libraries doing the same in a plain script
 * (image-pages-floor.ts, timed inside, so Node's start is not counted), taking turns, medians
 * of three runs each.
 *
 * The files are made once into bench-data/ with ImageMagick and heif-enc (Debian's imagemagick
 * and libheif-examples), as the fixtures are.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readImagePages } from '../../electron/evidence/read-image-pages.ts';

const root = resolve(import.meta.dirname, '..', '..');
const im = '/usr/bin/convert';
// ImageMagick's default font (Helvetica from Ghostscript) is often missing; the CJK font is there (README).
const font = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

export interface ImagePagesTiming {
  readonly label: string;
  readonly pages: number;
  readonly appMsPerPage: number;
  readonly floorMsPerPage: number;
}

function run(command: string, args: readonly string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} failed making bench data in ${cwd} (is it installed?)`);
}

/** A scan page: text lines over the whole A4 sheet, so the compressor has real work. */
function makeScan(dir: string, pages: number, name: string, compress: string[]): string {
  const out = join(dir, name);
  if (existsSync(out)) return out;
  const pageFiles: string[] = [];
  for (let n = 1; n <= pages; n += 1) {
    const page = join(dir, `scan-page-${n}.png`);
    if (!existsSync(page)) {
      const lines = Array.from({ length: 70 }, (_, i) => `text 200,${300 + i * 45} 'Page ${n} line ${i + 1}: technology contract registration certificate 2026-${String(i).padStart(3, '0')}'`).join(' ');
      // ImageMagick writes its output even when a drawing fails: only a finished page is kept.
      run(im, ['-size', '2480x3508', 'xc:white', '-font', font, '-fill', 'black', '-pointsize', '34', '-draw', lines, '-units', 'PixelsPerInch', '-density', '300', `${page}.tmp.png`], dir);
      renameSync(`${page}.tmp.png`, page);
    }
    pageFiles.push(page);
  }
  run(im, [...pageFiles, ...compress, '-units', 'PixelsPerInch', '-density', '300', `${out}.tmp.tiff`], dir);
  renameSync(`${out}.tmp.tiff`, out);
  return out;
}

function makePhoto(dir: string): string {
  const out = join(dir, 'photo-12mp.heic');
  if (existsSync(out)) return out;
  const png = join(dir, 'photo-12mp.png');
  run(im, ['-size', '4032x3024', 'gradient:navy-orange', '-seed', '7', '-attenuate', '0.4', '+noise', 'Gaussian', png], dir);
  run('heif-enc', ['-q', '50', '-o', `${out}.tmp.heic`, png], dir);
  renameSync(`${out}.tmp.heic`, out);
  return out;
}

function floor(type: 'tiff' | 'heic', file: string, runs: number): Promise<{ ms: number; pages: number }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['test/bench/image-pages-floor.ts', type, file, String(runs)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('exit', (code) => (code === 0 ? resolvePromise(JSON.parse(out.trim()) as { ms: number; pages: number }) : reject(new Error(`floor ${type} exited ${code}`))));
  });
}

async function appOnce(type: 'tiff' | 'heic', bytes: Uint8Array): Promise<{ ms: number; pages: number }> {
  const started = performance.now();
  const reading = await readImagePages(bytes, type);
  const ms = performance.now() - started;
  if (!reading.ok) throw new Error(reading.message);
  return { ms, pages: reading.pages.length };
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function measureImagePages(dir: string, quick: boolean): Promise<ImagePagesTiming[]> {
  mkdirSync(dir, { recursive: true });
  const pages = quick ? 2 : 10;
  const runs = 3;
  const files = [
    { label: `TIFF scan, CCITT G4, ${pages} × A4 300 dpi`, type: 'tiff' as const, file: makeScan(dir, pages, `scan-g4-${pages}.tiff`, ['-monochrome', '-compress', 'Group4']) },
    { label: `TIFF scan, greyscale LZW, ${pages} × A4 300 dpi`, type: 'tiff' as const, file: makeScan(dir, pages, `scan-lzw-${pages}.tiff`, ['-colorspace', 'Gray', '-compress', 'lzw']) },
    { label: 'HEIC photo, 4032 × 3024', type: 'heic' as const, file: makePhoto(dir) },
  ];
  const timings: ImagePagesTiming[] = [];
  for (const { label, type, file } of files) {
    const bytes = new Uint8Array(readFileSync(file));
    // App and floor take turns, so a neighbour's load on a shared machine weighs on both alike.
    const app: number[] = [];
    const bare: number[] = [];
    let pages = 0;
    for (let i = 0; i < runs; i += 1) {
      const a = await appOnce(type, bytes);
      const f = await floor(type, file, 1);
      if (f.pages !== a.pages) throw new Error(`${label}: the app made ${a.pages} pages, the bare libraries ${f.pages}`);
      pages = a.pages;
      app.push(a.ms);
      bare.push(f.ms);
    }
    timings.push({ label, pages, appMsPerPage: median(app) / pages, floorMsPerPage: median(bare) / pages });
  }
  return timings;
}
