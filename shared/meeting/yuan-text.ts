/**
 * An award budget as people write it, read into whole-and-cents yuan as text, exactly (no
 * floating point): `1000000`, `1,000,000`, `１，０００，０００` (a Chinese input method's
 * full-width digits and commas), `100万`, `100 万元`, `1.5万`, `1000000元`. Anything else is
 * refused with a message that shows how to write it.
 */

export const YUAN_HINT = '请写成元数，如 1000000、1,000,000 或 100万（最多两位小数）';

export type YuanText = { readonly ok: true; readonly yuan: string } | { readonly ok: false; readonly message: string };

/** Moves the decimal point of a plain decimal four places right (万 → 元), as text. */
function timesTenThousand(whole: string, fraction: string): string {
  const digits = (fraction + '0000').slice(0, 4);
  const rest = fraction.slice(4);
  const integer = (whole + digits).replace(/^0+(?=\d)/, '');
  return rest === '' ? integer : `${integer}.${rest}`;
}

export function parseYuanText(typed: string): YuanText {
  const text = typed
    .normalize('NFKC')
    .replace(/\s+/g, '')
    // 1,000,000 and 1，000，000: a comma only between groups of three digits.
    .replace(/(?<=\d)[,，](?=\d{3}(\D|$))/g, '')
    .replace(/。/g, '.');
  const match = /^(\d{1,12})(?:\.(\d+))?(万)?元?$/.exec(text);
  if (!match) return { ok: false, message: YUAN_HINT };
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  const plain = match[3] === undefined ? (fraction === '' ? whole : `${whole}.${fraction}`) : timesTenThousand(whole, fraction);
  const exact = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(plain.replace(/^0+(?=\d)/, ''));
  if (!exact) return { ok: false, message: YUAN_HINT };
  return { ok: true, yuan: exact[2] === undefined ? (exact[1] ?? '') : `${exact[1] ?? ''}.${exact[2]}` };
}
