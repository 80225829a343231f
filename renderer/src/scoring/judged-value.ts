/**
 * A judged value as typed: whole tenths in [0, max] (rubric.md decision 6), counted in tenths so
 * no float noise reaches the stored decimal. A Chinese IME types full-width digits and
 * punctuation ("２．５", "２。５", "３"): they are read as the digits they are (NFKC, and the
 * ideographic full stop 。 as a decimal point), so the value stored is the one the expert meant.
 */
/** A judged value typed in tenths, or null when it is not one (more than one decimal, not a number). */
export function parseTenths(typed: string): number | null {
  const text = typed.normalize('NFKC').replace(/[。｡]/g, '.');
  const match = /^\s*(\d+)(?:[.,](\d))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 10 + Number(match[2] ?? 0);
}
