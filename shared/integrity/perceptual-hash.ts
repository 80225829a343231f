/**
 * Perceptual hash of an image: 64 bits that stay nearly the same when the image is re-saved,
 * resized, recompressed or slightly cropped, and differ for another picture (the DCT hash
 * known as pHash). Two images are similar when their hashes differ in at most
 * `SIMILAR_IMAGE_BITS` bits.
 *
 * - input: the image decoded and reduced to `HASH_SIZE` × `HASH_SIZE` grey levels, row by
 *   row (the decoder, sharp, lives in electron/integrity; this module only counts).
 * - hash: the 8 × 8 lowest frequencies of the 2-D DCT-II of those grey levels, the constant
 *   term left out, each bit set when its coefficient is above their median; as 16 hex digits.
 */

export const HASH_SIZE = 32;
const LOW = 8;
/**
 * At most this many bits apart is "similar". Re-saving at another JPEG quality, resizing and
 * re-encoding as PNG move a hash by 0–2 bits, a crop of 3–5 % by 6–8
 * (test/electron/integrity/image-similarity.test.ts measures it); of 7 140 pairs of distinct
 * generated scenes none came closer than 16 (most lie 26–36 apart).
 */
export const SIMILAR_IMAGE_BITS = 10;

const cosines: readonly Float64Array[] = Array.from({ length: LOW }, (_, u) => {
  const row = new Float64Array(HASH_SIZE);
  for (let x = 0; x < HASH_SIZE; x += 1) row[x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * HASH_SIZE));
  return row;
});

/** The hash of `HASH_SIZE`² grey levels (0–255), row by row. */
export function perceptualHash(grey: ArrayLike<number>): string {
  if (grey.length !== HASH_SIZE * HASH_SIZE) throw new Error(`perceptualHash: expected ${HASH_SIZE * HASH_SIZE} grey levels, got ${grey.length}`);
  // Rows first: for each row y and frequency u, Σx grey[y][x]·cos(u, x).
  const rows: Float64Array[] = Array.from({ length: HASH_SIZE }, () => new Float64Array(LOW));
  for (let y = 0; y < HASH_SIZE; y += 1) {
    for (let u = 0; u < LOW; u += 1) {
      let sum = 0;
      const c = cosines[u] as Float64Array;
      for (let x = 0; x < HASH_SIZE; x += 1) sum += (grey[y * HASH_SIZE + x] ?? 0) * (c[x] ?? 0);
      (rows[y] as Float64Array)[u] = sum;
    }
  }
  const coefficients: number[] = [];
  for (let v = 0; v < LOW; v += 1) {
    const c = cosines[v] as Float64Array;
    for (let u = 0; u < LOW; u += 1) {
      let sum = 0;
      for (let y = 0; y < HASH_SIZE; y += 1) sum += ((rows[y] as Float64Array)[u] ?? 0) * (c[y] ?? 0);
      coefficients.push(sum);
    }
  }
  const ac = coefficients.slice(1);
  const median = [...ac].sort((a, b) => a - b)[Math.floor(ac.length / 2)] ?? 0;
  let bits = 0n;
  for (let i = 0; i < coefficients.length; i += 1) {
    bits <<= 1n;
    if (i > 0 && (coefficients[i] ?? 0) > median) bits |= 1n;
  }
  return bits.toString(16).padStart(16, '0');
}

/** A hash as its two 32-bit halves, for comparing many pairs without BigInt. */
export function hashHalves(hash: string): readonly [number, number] {
  return [Number.parseInt(hash.slice(0, 8), 16) >>> 0, Number.parseInt(hash.slice(8, 16), 16) >>> 0];
}

function popcount32(value: number): number {
  let v = value >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** How many bits two hashes, as halves, differ in. */
export function halvesDistance(a: readonly [number, number], b: readonly [number, number]): number {
  return popcount32(a[0] ^ b[0]) + popcount32(a[1] ^ b[1]);
}

/** How many bits two hashes differ in. */
export function hammingDistance(a: string, b: string): number {
  return halvesDistance(hashHalves(a), hashHalves(b));
}

const SEGMENTS = SIMILAR_IMAGE_BITS + 1;
const SEGMENT_BOUNDS = Array.from({ length: SEGMENTS + 1 }, (_, k) => Math.round((k * 64) / SEGMENTS));

/**
 * The keys of a hash's buckets: its 64 bits cut into `SIMILAR_IMAGE_BITS + 1` segments, each
 * key the segment's number and its bits. Two hashes that differ in at most that many bits agree
 * exactly in at least one segment (pigeonhole), so only hashes sharing a key need comparing.
 */
export function hashSegments(h: readonly [number, number]): number[] {
  return Array.from({ length: SEGMENTS }, (_, k) => k * 2 ** 8 + bitsOf(h, SEGMENT_BOUNDS[k] as number, SEGMENT_BOUNDS[k + 1] as number));
}

/**
 * The pairs of hashes at most `SIMILAR_IMAGE_BITS` apart, as index pairs `[i, j, distance]`
 * with i < j in ascending order, without comparing every pair: only hashes sharing a bucket
 * (`hashSegments`) are compared. The same pairs as comparing all of them.
 */
export function similarHashPairs(hashes: readonly (readonly [number, number])[]): [number, number, number][] {
  const buckets = new Map<number, number[]>();
  hashes.forEach((h, index) => {
    for (const key of hashSegments(h)) buckets.set(key, [...(buckets.get(key) ?? []), index]);
  });
  const seen = new Set<number>();
  const pairs: [number, number, number][] = [];
  for (const list of buckets.values()) {
    for (let a = 0; a < list.length; a += 1) {
      for (let b = a + 1; b < list.length; b += 1) {
        const i = list[a] as number;
        const j = list[b] as number;
        // A pair agreeing in several segments is met in each of them: counted once.
        if (seen.has(i * hashes.length + j)) continue;
        seen.add(i * hashes.length + j);
        const distance = halvesDistance(hashes[i] as readonly [number, number], hashes[j] as readonly [number, number]);
        if (distance <= SIMILAR_IMAGE_BITS) pairs.push([i, j, distance]);
      }
    }
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** Bits [from, to) of a hash as halves, counted from its most significant bit. */
function bitsOf(h: readonly [number, number], from: number, to: number): number {
  const mask = (n: number): number => (n >= 32 ? 0xffffffff : (1 << n) - 1) >>> 0;
  if (to <= 32) return (h[0] >>> (32 - to)) & mask(to - from);
  if (from >= 32) return (h[1] >>> (64 - to)) & mask(to - from);
  return (((h[0] & mask(32 - from)) << (to - 32)) | (h[1] >>> (64 - to))) >>> 0;
}
