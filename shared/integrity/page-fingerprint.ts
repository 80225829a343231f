/**
 * Page fingerprint: what is kept of a page's text to find the same page scanned or printed
 * again in another package, without keeping the text: a MinHash signature of its character
 * shingles. Two pages are similar when their signatures agree in at least
 * `SIMILAR_PAGE_SHARE` of their positions (an estimate of the Jaccard similarity of their
 * shingle sets).
 *
 * - normalised text: letters and digits only (full-width folded, Latin in small letters):
 *   line breaks, spaces and punctuation differ between a text layer and an OCR of one page.
 * - shingle: `SHINGLE` consecutive characters of the normalised text.
 * - a page with fewer than `MIN_PAGE_CHARACTERS` normalised characters (a cover, a photo
 *   page, a signature page) has no fingerprint: such pages are alike in every package.
 */

export const SIGNATURE_LENGTH = 64;
export const SHINGLE = 5;
export const MIN_PAGE_CHARACTERS = 80;
export const SIMILAR_PAGE_SHARE = 0.8;
/** Bands of the locality-sensitive index: pages sharing one band's rows are compared. */
export const BANDS = 16;

export function normalisePageText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** FNV-1a of a string, mixed with a seed: deterministic, so a signature stored today matches one made tomorrow. */
function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // A final avalanche (murmur3's), so seeds give independent-looking orders.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: SIGNATURE_LENGTH }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

/** The signature of a page's text, as hex (8 digits a position), or null for a page with too little text. */
export function pageFingerprint(text: string): string | null {
  const chars = [...normalisePageText(text)];
  if (chars.length < MIN_PAGE_CHARACTERS) return null;
  const shingles = new Set<string>();
  for (let i = 0; i + SHINGLE <= chars.length; i += 1) shingles.add(chars.slice(i, i + SHINGLE).join(''));
  const base = [...shingles].map((s) => hash32(s, 0));
  const mins = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const h of base) {
    for (let k = 0; k < SIGNATURE_LENGTH; k += 1) {
      // One hash a shingle, permuted per position: cheaper than hashing it 64 times.
      let x = (h ^ (SEEDS[k] ?? 0)) >>> 0;
      x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) >>> 0;
      x = Math.imul(x ^ (x >>> 12), 0x297a2d39) >>> 0;
      x = (x ^ (x >>> 15)) >>> 0;
      if (x < (mins[k] ?? 0)) mins[k] = x;
    }
  }
  return [...mins].map((m) => m.toString(16).padStart(8, '0')).join('');
}

/** The share of positions two signatures agree in (0–1). */
export function fingerprintSimilarity(a: string, b: string): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_LENGTH; k += 1) if (a.slice(k * 8, k * 8 + 8) === b.slice(k * 8, k * 8 + 8)) same += 1;
  return same / SIGNATURE_LENGTH;
}

/** The keys of a signature's bands: two pages that share one are compared. */
export function fingerprintBands(signature: string): string[] {
  const rows = SIGNATURE_LENGTH / BANDS;
  return Array.from({ length: BANDS }, (_, b) => `${b}:${signature.slice(b * rows * 8, (b + 1) * rows * 8)}`);
}
