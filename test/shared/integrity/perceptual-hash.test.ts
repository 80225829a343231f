/**
 * The perceptual hash's arithmetic (shared/integrity/perceptual-hash.ts): bit distances, and a
 * hash that follows the picture's structure, not its brightness. Real images: image-similarity.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { HASH_SIZE, hammingDistance, perceptualHash } from '../../../shared/integrity/perceptual-hash.ts';

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
});
