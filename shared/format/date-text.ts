/**
 * A calendar date as people in the bureau write it, read into `YYYY-MM-DD`: `2026-12-01`,
 * `2026-12-1`, `2026/12/1`, `2026.12.1`, `2026年12月1日`, and the same with a Chinese input
 * method's full-width digits (`２０２６－１２－０１`). A date that does not exist (`2026-02-30`)
 * or any other text is refused with a message that shows how to write it. The same on every
 * system: nothing here depends on the browser's locale, which would show `12/01/2026` to one
 * clerk and `2026/12/1` to another.
 */

export const DATE_HINT = '请写成 2026-12-01 或 2026年12月1日 的形式';

export type DateText = { readonly ok: true; readonly iso: string } | { readonly ok: false; readonly message: string };

export function parseDateText(typed: string): DateText {
  const text = typed.normalize('NFKC').replace(/\s+/g, '');
  const match = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})[日号]?)$/u.exec(text);
  if (match === null) return { ok: false, message: DATE_HINT };
  const year = Number(match[1]);
  const month = Number(match[2] ?? match[4]);
  const day = Number(match[3] ?? match[5]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, message: `${year} 年没有 ${month} 月 ${day} 日这一天，${DATE_HINT}` };
  }
  return { ok: true, iso: `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}
