/**
 * Check digits of the identifiers the cross-check reads from claims and evidence text.
 *
 * - patent application number (专利申请号): since 2003 twelve digits (year, type, serial) and
 *   a check character; before, eight digits (two of the year, type, serial). The check is
 *   the sum of each digit times its weight (2,3,4,5,6,7,8,9,2,3,4,5 for twelve digits; 2–9
 *   for eight), modulo 11, with 10 written X. Publication numbers (CN1234567A) have none.
 * - 统一社会信用代码 (GB 32100-2015): eighteen characters from 0–9 and the capital letters
 *   but I, O, S, V, Z (31 characters, valued 0–30 in that order); the last is the check
 *   character of the first seventeen: 31 − (Σ value × weight mod 31) with the weights
 *   1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28, a result of 31 written 0.
 */

const PATENT_WEIGHTS_12 = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5] as const;
const PATENT_WEIGHTS_8 = [2, 3, 4, 5, 6, 7, 8, 9] as const;

/** The check character of a patent application number's 12 or 8 digits, or null for another length. */
export function patentCheckCharacter(digits: string): string | null {
  if (!/^[0-9]+$/.test(digits)) return null;
  const weights = digits.length === 12 ? PATENT_WEIGHTS_12 : digits.length === 8 ? PATENT_WEIGHTS_8 : null;
  if (weights === null) return null;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) sum += Number(digits[i]) * (weights[i] ?? 0);
  const check = sum % 11;
  return check === 10 ? 'X' : String(check);
}

/** The 31 characters of GB 32100-2015, in the order of their values. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** Letters GB 32100-2015 never uses (they look like digits or each other). */
export const USCC_UNUSED_LETTERS = 'IOSVZ';

/** The check character of a code's first 17 characters, or null when one is not of the 31. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  const check = 31 - (sum % 31);
  return USCC_ALPHABET[check === 31 ? 0 : check] ?? null;
}

export type CodeCheck =
  | { readonly ok: true }
  /** The check character written and the one the others give. */
  | { readonly ok: false; readonly reason: 'check'; readonly written: string; readonly expected: string }
  /** A character outside the code's alphabet (for a 统一社会信用代码: I, O, S, V, Z or a small letter). */
  | { readonly ok: false; readonly reason: 'character'; readonly character: string };

/** A 统一社会信用代码 of 18 characters, checked. */
export function checkUscc(code: string): CodeCheck {
  for (const character of code) if (!USCC_ALPHABET.includes(character)) return { ok: false, reason: 'character', character };
  const expected = usccCheckCharacter(code.slice(0, 17));
  const written = code.slice(17);
  if (expected === null) return { ok: false, reason: 'character', character: '' };
  return expected === written ? { ok: true } : { ok: false, reason: 'check', written, expected };
}

/** A patent application number written as its digits and its check character (`201410123456`, `7`). */
export function checkPatentApplication(digits: string, written: string): CodeCheck {
  const expected = patentCheckCharacter(digits);
  if (expected === null) return { ok: false, reason: 'character', character: '' };
  return expected === written.toUpperCase() ? { ok: true } : { ok: false, reason: 'check', written: written.toUpperCase(), expected };
}
