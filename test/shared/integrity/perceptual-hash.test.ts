/**
 * The perceptual hash's arithmetic (shared/integrity/perceptual-hash.ts): bit distances, and a
 * hash that follows the picture's structure, not its brightness. Real images: image-similarity.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { halvesDistance, HASH_SIZE, hammingDistance, perceptualHash, SIMILAR_IMAGE_BITS, similarHashPairs } from '../../../shared/integrity/perceptual-hash.ts';
import { prng } from '../../helpers/prng.ts';

const picture = (f: (x: number, y: number) => number): number[] =>
  Array.from({ length: HASH_SIZE * HASH_SIZE }, (_, i) => Math.max(0, Math.min(255, Math.round(f(i % HASH_SIZE, Math.floor(i / HASH_SIZE))))));

describe('perceptual hash', () => {
  it.each([
    ['0000000000000000', '0000000000000000', 0],
    ['ffffffffffffffff', '0000000000000000', 64],
    ['8000000000000001', '0000000000000000', 2],
    ['00000000ffffffff', 'ffffffff00000000', 64],
    ['0123456789abcdef', '0123456789abcdee', 1],
  ])('%s and %s differ in %i bits', (a, b, bits) => {
    expect(hammingDistance(a, b)).toBe(bits);
  });

  it('gives a brighter copy the same hash and another picture a distant one', () => {
    const stripes = picture((x, y) => 120 + 60 * Math.sin(x / 3) + 20 * Math.cos(y / 5));
    const brighter = picture((x, y) => 150 + 60 * Math.sin(x / 3) + 20 * Math.cos(y / 5));
    const other = picture((x, y) => 100 + 80 * Math.cos((x + y) / 4));
    expect(hammingDistance(perceptualHash(stripes), perceptualHash(brighter))).toBe(0);
    expect(hammingDistance(perceptualHash(stripes), perceptualHash(other))).toBeGreaterThan(16);
  });

  it('refuses grey levels of another size', () => {
    expect(() => perceptualHash([1, 2, 3])).toThrow(/expected 1024/);
  });

  it('finds through its buckets exactly the pairs that comparing every pair finds', () => {
    const random = prng(18);
    const word = (): number => Math.floor(random() * 2 ** 32) >>> 0;
    const flip = (h: readonly [number, number], bits: number): [number, number] => {
      const out: [number, number] = [h[0], h[1]];
      for (const bit of new Set(Array.from({ length: bits }, () => Math.floor(random() * 64)))) {
        if (bit < 32) out[0] = (out[0] ^ (1 << bit)) >>> 0;
        else out[1] = (out[1] ^ (1 << (bit - 32))) >>> 0;
      }
      return out;
    };
    const hashes: [number, number][] = [];
    for (let n = 0; n < 300; n += 1) {
      const base: [number, number] = [word(), word()];
      hashes.push(base);
      // Re-saved, cropped, or another picture of the same kind: 0 to 14 bits away.
      if (n % 3 === 0) for (let k = 0; k < 3; k += 1) hashes.push(flip(base, Math.floor(random() * 15)));
    }
    const everyPair: [number, number, number][] = [];
    for (let i = 0; i < hashes.length; i += 1) {
      for (let j = i + 1; j < hashes.length; j += 1) {
        const distance = halvesDistance(hashes[i]!, hashes[j]!);
        if (distance <= SIMILAR_IMAGE_BITS) everyPair.push([i, j, distance]);
      }
    }
    expect(everyPair.length).toBeGreaterThan(100);
    expect(everyPair.some(([, , d]) => d === SIMILAR_IMAGE_BITS)).toBe(true);
    expect(similarHashPairs(hashes)).toEqual(everyPair);
  });
});
