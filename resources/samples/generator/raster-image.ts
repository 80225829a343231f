/**
 * Raster images of the samples: photos and screenshots with Chinese text, as alliances hand
 * them in (办公室照片.jpg, 网站截图.png). Each is drawn as a small pdfkit page (a scene), then
 * rasterised with poppler's `pdftoppm` at low resolution so the files stay small.
 *
 * - scene: a drawing function over a page of `width` × `height` points, with the font loaded.
 * - reproducible: the scene's PDF is itself reproducible (pdf-document.ts) and pdftoppm renders
 *   the same PDF to the same pixels, so the image bytes repeat too (with the same poppler).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

import { SAMPLE_DATE, sampleFont } from './pdf-document.ts';

export interface Scene {
  readonly width: number;
  readonly height: number;
  readonly draw: (doc: PDFKit.PDFDocument) => void;
}

export type ImageFormat = 'png' | 'jpeg';

/** Resolution of the raster: 60 dpi gives a 400 × 267 pt scene as 333 × 223 pixels. */
const DPI = 60;

export async function renderImage(scene: Scene, format: ImageFormat): Promise<Uint8Array> {
  const pdf = await scenePdf(scene);
  const dir = mkdtempSync(join(tmpdir(), 'sample-image-'));
  try {
    const input = join(dir, 'scene.pdf');
    writeFileSync(input, pdf);
    const args = format === 'png' ? ['-png'] : ['-jpeg', '-jpegopt', 'quality=75'];
    execFileSync('pdftoppm', [...args, '-r', String(DPI), '-singlefile', input, join(dir, 'out')]);
    return new Uint8Array(readFileSync(join(dir, format === 'png' ? 'out.png' : 'out.jpg')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function scenePdf(scene: Scene): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: [scene.width, scene.height],
    margin: 0,
    info: { Producer: 'PDFKit', Creator: 'alliance-review sample generator', CreationDate: SAMPLE_DATE, ModDate: SAMPLE_DATE },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  doc.registerFont('cn', sampleFont());
  doc.font('cn');
  scene.draw(doc);
  doc.end();
  return done;
}
