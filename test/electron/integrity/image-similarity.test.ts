/**
 * Image features as the cross-check reads them (electron/integrity/file-features.ts, in its
 * capped worker, with sharp and exifr): a certificate photo re-saved by ImageMagick at other
 * qualities and sizes, cut by a few per cent and turned into a PNG stays within
 * SIMILAR_IMAGE_BITS of itself (test/fixtures/evidence/cross-check/make-fixtures.sh made them);
 * distinct pictures do not, measured on 120 generated scenes (7 140 pairs): the false-positive
 * rate is printed and must stay under 0.5 %. Pictures of one template that differ only in their
 * words are measured too: the hash cannot tell them apart (the cross-check relies on OCR words
 * for those, cross-check.test.ts), and this test says how often.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeFileFeatures, readFileFeatures } from '../../../electron/integrity/file-features.ts';
import { hammingDistance, SIMILAR_IMAGE_BITS } from '../../../shared/integrity/perceptual-hash.ts';
import { photoSceneSvg, sceneJpeg, templateSceneSvg } from '../../helpers/generated-scenes.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence/cross-check', name)));

async function hashOf(bytes: Uint8Array, type: 'jpeg' | 'png' = 'jpeg'): Promise<string> {
  const features = await readFileFeatures(bytes, type);
  if (features.imageHash === null) throw new Error('no image hash');
  return features.imageHash;
}

afterAll(async () => {
  await closeFileFeatures();
});

describe('perceptual hash of real re-saved images', () => {
  it.each([
    ['certificate-q40.jpg', 'jpeg', 'quality 40'],
    ['certificate-q95.jpg', 'jpeg', 'quality 95'],
    ['certificate-half.jpg', 'jpeg', 'half the size'],
    ['certificate-large.jpg', 'jpeg', '1.5 times the size'],
    ['certificate-crop3.jpg', 'jpeg', '3 % cut around'],
    ['certificate-crop5-side.jpg', 'jpeg', '5 % cut at one side'],
    ['certificate.png', 'png', 'a PNG at 75 %'],
  ] as const)('%s (%s) counts as similar to the original', async (name, type, _how) => {
    const original = await hashOf(fixture('certificate.jpg'));
    expect(hammingDistance(original, await hashOf(fixture(name), type))).toBeLessThanOrEqual(SIMILAR_IMAGE_BITS);
  });

  it('tells another photo apart', async () => {
    expect(hammingDistance(await hashOf(fixture('certificate.jpg')), await hashOf(fixture('event.jpg')))).toBeGreaterThan(SIMILAR_IMAGE_BITS);
  });

  it('reads the EXIF date taken, and none from a photo without one', async () => {
    expect((await readFileFeatures(fixture('event.jpg'), 'jpeg')).photoDate).toBe('2026-03-02');
    expect((await readFileFeatures(fixture('certificate.jpg'), 'jpeg')).photoDate).toBeNull();
  });

  it('gives a damaged image no hash instead of failing', async () => {
    const cut = fixture('certificate.jpg').subarray(0, 200);
    expect((await readFileFeatures(cut, 'jpeg')).imageHash).toBeNull();
  });
});

async function pairsWithin(svgs: readonly string[]): Promise<{ pairs: number; similar: number }> {
  const hashes: string[] = [];
  for (const svg of svgs) hashes.push(await hashOf(await sceneJpeg(svg)));
  let pairs = 0;
  let similar = 0;
  for (let i = 0; i < hashes.length; i += 1) {
    for (let j = i + 1; j < hashes.length; j += 1) {
      pairs += 1;
      if (hammingDistance(hashes[i] ?? '', hashes[j] ?? '') <= SIMILAR_IMAGE_BITS) similar += 1;
    }
  }
  return { pairs, similar };
}

describe('false positives on distinct generated scenes', () => {
  it('calls fewer than 0.5 % of pairs of 120 distinct scenes similar', async () => {
    const { pairs, similar } = await pairsWithin(Array.from({ length: 120 }, (_, i) => photoSceneSvg(i + 1)));
    console.log(`cross-check image false positives: ${similar} of ${pairs} pairs of distinct scenes (${((100 * similar) / pairs).toFixed(2)} %)`);
    expect(pairs).toBe(7140);
    expect(similar / pairs).toBeLessThan(0.005);
  }, 60_000);

  it('measures pictures of one template with other words (the hash alone cannot tell them apart)', async () => {
    const { pairs, similar } = await pairsWithin(Array.from({ length: 30 }, (_, i) => templateSceneSvg(i + 1)));
    console.log(`cross-check image, one template with other words: ${similar} of ${pairs} pairs within ${SIMILAR_IMAGE_BITS} bits (${((100 * similar) / pairs).toFixed(1)} %)`);
    // Most of them: why the OCR words decide for such pictures (cross-check.test.ts).
    expect(similar / pairs).toBeGreaterThan(0.5);
  }, 60_000);
});
