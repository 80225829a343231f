/**
 * Identifiers the cross-check reads from claim fields (title, note) and evidence text:
 * numbers that name one patent, one organisation, one registered contract or one standard,
 * so the same one claimed twice can be found, and a mistyped one told by its check character.
 *
 * - kind: `patent` (an application or patent number, ZL/CN or bare, 12 or 8 digits and a
 *   check character), `patent-publication` (CN1234567A, CN112345678B: no check character),
 *   `uscc` (统一社会信用代码), `contract-registration` (技术合同登记号: no published check, read
 *   only after its label), `standard` (GB, GB/T, GB/Z, T/<团体>, DB<nn>[/T] and industry
 *   standards such as JB/T).
 * - value: the identifier written one way (`ZL201410123456.7` → `201410123456.7`,
 *   `GB/T 1.1—2020` → `GB/T 1.1-2020`), so two ways of writing one identifier meet.
 * - check: what its check character says (check-digits.ts), or null for a kind with none.
 *
 * A 统一社会信用代码 without its label (统一社会信用代码, 信用代码, 纳税人识别号) is taken only when
 * its check character is right: an 18-character run (a 身份证号 has that shape too) is not
 * claimed to be a mistyped code on no more than its shape.
 */
import { checkPatentApplication, checkUscc, type CodeCheck } from './check-digits.ts';

export type IdentifierKind = 'patent' | 'patent-publication' | 'uscc' | 'contract-registration' | 'standard';

export interface Identifier {
  readonly kind: IdentifierKind;
  readonly value: string;
  /** null for kinds without a check character. */
  readonly check: CodeCheck | null;
}

/** The Chinese name of each kind, for details. */
export const identifierKindNames: Readonly<Record<IdentifierKind, string>> = {
  patent: '专利号',
  'patent-publication': '专利公开（公告）号',
  uscc: '统一社会信用代码',
  'contract-registration': '技术合同登记号',
  standard: '标准号',
};

/** Full-width digits, letters and punctuation as their ASCII forms; the rest unchanged. */
function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/gu, ' ');
}

const DOT = '[.·•．。]';
// Between the groups of a number people write spaces (ZL 2014 1 0123456.7); not newlines.
const GAP = '[ \\t]?';
const PATENT_12 = new RegExp(`(ZL|CN)?${GAP}((?:19|20)\\d{2})${GAP}([12389])${GAP}(\\d{7})${GAP}(?:${DOT}${GAP}([0-9Xx])|(?=[^0-9A-Za-z]|$))`, 'gu');
const PATENT_8 = new RegExp(`(ZL|CN)${GAP}(\\d{2})${GAP}([12389])${GAP}(\\d{5})${GAP}${DOT}${GAP}([0-9Xx])`, 'gu');
const PUBLICATION = /CN[ \t]?(\d{7,9})[ \t]?([ABCUSYC]\d?)(?![0-9A-Za-z])/gu;
const USCC = /(?<![0-9A-Za-z])([0-9A-Z]{2}\d{6}[0-9A-Z]{10})(?![0-9A-Za-z])/gu;
const USCC_LABEL = /(统一社会信用代码|社会信用代码|信用代码|纳税人识别号)[\s:：为是]*$/u;
const CONTRACT = /(技术合同登记号|合同登记号|认定登记号|登记编号|登记号)[\s:：为是]*([0-9A-Z][0-9A-Z-]{7,30}[0-9A-Z])/gu;
// Industry standard prefixes of the 行业标准代号 list that evidence of these alliances names.
const INDUSTRY = 'JB|YY|HG|SJ|QC|JT|DL|SH|YD|NY|HJ|GA|JG|CJ|MH|TB|SL|WS|QB|FZ|SN|LY|JR|GY|CB|NB|SY|YS|XB|MT|AQ|JC|WB|CH|DZ|HY|HB|WH|JY|LD|GM|SB|SW|YB';
const STANDARD = new RegExp(
  `(?<![A-Za-z])(GB(?:/[TZ])?|T/[A-Z]{2,12}|DB\\d{2}(?:/T)?|(?:${INDUSTRY})(?:/T)?)[ \\t]*(\\d{1,6}(?:\\.\\d{1,3})*)[ \\t]*[-—–－‑][ \\t]*((?:19|20)\\d{2})(?!\\d)`,
  'gu',
);

function patentValue(digits: string, check: string | undefined): string {
  return check === undefined ? digits : `${digits}.${check.toUpperCase()}`;
}

/**
 * Every identifier in `text`, in the order they appear, each once (the first writing kept).
 */
export function extractIdentifiers(text: string): Identifier[] {
  const source = halfWidth(text);
  const found: { index: number; identifier: Identifier }[] = [];
  const taken: [number, number][] = [];
  const overlaps = (from: number, to: number): boolean => taken.some(([a, b]) => from < b && a < to);
  const add = (index: number, length: number, identifier: Identifier): void => {
    if (overlaps(index, index + length)) return;
    taken.push([index, index + length]);
    found.push({ index, identifier });
  };
  for (const m of source.matchAll(PATENT_12)) {
    const [whole, prefix, year = '', type = '', serial = '', check] = m;
    // A bare twelve-digit run is a patent number only when it is written as one (with ZL/CN or the check).
    if (prefix === undefined && check === undefined) continue;
    const digits = `${year}${type}${serial}`;
    add(m.index, whole.length, {
      kind: 'patent',
      value: patentValue(digits, check),
      check: check === undefined ? null : checkPatentApplication(digits, check),
    });
  }
  for (const m of source.matchAll(PATENT_8)) {
    const [whole, , year = '', type = '', serial = '', check = ''] = m;
    const digits = `${year}${type}${serial}`;
    add(m.index, whole.length, { kind: 'patent', value: patentValue(digits, check), check: checkPatentApplication(digits, check) });
  }
  for (const m of source.matchAll(PUBLICATION)) {
    const [whole, digits = '', suffix = ''] = m;
    add(m.index, whole.length, { kind: 'patent-publication', value: `CN${digits}${suffix}`, check: null });
  }
  for (const m of source.matchAll(CONTRACT)) {
    const [whole, , value = ''] = m;
    const at = m.index + whole.length - value.length;
    if (overlaps(at, at + value.length)) continue;
    add(at, value.length, { kind: 'contract-registration', value, check: null });
  }
  for (const m of source.matchAll(USCC)) {
    const [whole, code = ''] = m;
    const check = checkUscc(code);
    const labelled = USCC_LABEL.test(source.slice(Math.max(0, m.index - 16), m.index));
    if (!check.ok && !labelled) continue;
    add(m.index, whole.length, { kind: 'uscc', value: code, check });
  }
  for (const m of source.matchAll(STANDARD)) {
    const [whole, prefix = '', number = '', year = ''] = m;
    add(m.index, whole.length, { kind: 'standard', value: `${prefix} ${number}-${year}`, check: null });
  }
  found.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  const out: Identifier[] = [];
  for (const { identifier } of found) {
    const key = `${identifier.kind} ${identifier.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(identifier);
  }
  return out;
}

/** The key two places share when they name the same identifier. */
export function identifierKey(identifier: Pick<Identifier, 'kind' | 'value'>): string {
  // A patent number with and without its check character names one patent.
  const value = identifier.kind === 'patent' ? identifier.value.replace(/\..$/u, '') : identifier.value;
  return `${identifier.kind}:${value}`;
}
