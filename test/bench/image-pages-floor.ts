/**
 * The image-pages benchmark's floor, in a bare Node script: the same libraries doing the same
 * work as image-pages.ts, with nothing of the app around them (no worker, no caps, no
 * renditions): every page of a TIFF through sharp (upright, at most 2000 px wide, PNG), or a
 * HEIC photo through libheif-js and sharp (JPEG). Prints the median of `runs` in ms.
 *
 * usage: node test/bench/image-pages-floor.ts tiff|heic <file> <runs>
 */
import { readFileSync } from 'node:fs';
import libheif from 'libheif-js/wasm-bundle.js';
import sharp from 'sharp';

const [type, file, runsArg] = process.argv.slice(2);
const bytes = readFileSync(file!);
const runs = Number(runsArg ?? 3);
sharp.concurrency(1);
sharp.cache(false);

async function tiff(): Promise<number> {
  const pages = (await sharp(bytes).metadata()).pages ?? 1;
  for (let page = 0; page < pages; page += 1) {
    const meta = await sharp(bytes, { page }).metadata();
    let pipeline = sharp(bytes, { page }).autoOrient().resize({ width: 2000, withoutEnlargement: true });
    if (meta.space === 'b-w' || meta.space === 'grey16') pipeline = pipeline.toColourspace('b-w');
    await pipeline.png({ compressionLevel: 3 }).toBuffer();
  }
  return pages;
}

async function heic(): Promise<number> {
  const [image] = new libheif.HeifDecoder().decode(bytes);
  const width = image!.get_width();
  const height = image!.get_height();
  const data = new Uint8ClampedArray(width * height * 4);
  await new Promise((resolve) => image!.display({ data, width, height }, resolve));
  await sharp(data, { raw: { width, height, channels: 4 } }).resize({ width: 2000, withoutEnlargement: true }).jpeg({ quality: 85 }).toBuffer();
  return 1;
}

const times: number[] = [];
let pages = 0;
for (let i = 0; i < runs; i += 1) {
  const started = performance.now();
  pages = type === 'tiff' ? await tiff() : await heic();
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
process.stdout.write(`${JSON.stringify({ ms: times[Math.floor(times.length / 2)], pages })}\n`);
