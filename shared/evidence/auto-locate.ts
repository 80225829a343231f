/**
 * 自动定位: the page of a paged file most likely to be an item's evidence, when the package's
 * reference names the file but no page (`合同汇编.pdf` rather than `合同汇编.pdf#page=3`).
 *
 * - item fields: what the manifest says of the item (package-format.md): its title, its id
 *   (often the contract's number), its date and, for tier criteria, its amount in 万元.
 * - term: one written form of a field as a file would print it, folded (page-text.ts). A date is
 *   looked for as `2026-05-12`, `2026年5月12日`, `2026.05.12`, `2026/5/12`, `20260512`…; an
 *   amount as `120万` (which also finds `120万元`) and in 元 as `1200000` or `1,200,000`.
 * - score of a page: the sum of the weights of the fields found on it (each field once): title
 *   6 (or, when the whole title is not there, up to 3 for the share of its four-character
 *   pieces that are: scans and line breaks cut titles), id 4, date 3, amount 3.
 * - best page: the highest score of at least `MIN_SCORE` (a title, or two other fields, or a
 *   number-like id); on a tie the earlier page. None: the viewer opens page 1, unmarked.
 *
 * The result is a guess and the viewer says so (自动定位（第N页，可能不准）).
 */
import { dec } from '../decimal/decimal.ts';
import { foldPage, foldText, type PageText } from './page-text.ts';

export interface ItemFields {
  readonly id?: string | undefined;
  readonly title?: string | undefined;
  /** `YYYY-MM-DD`. */
  readonly date?: string | undefined;
  readonly amountWan?: number | undefined;
}

export type LocatedField = 'title' | 'id' | 'date' | 'amount';

export interface LocatedPage {
  readonly page: number;
  readonly score: number;
  /** The fields found on the page, in the order above. */
  readonly found: readonly LocatedField[];
}

export const MIN_SCORE = 4;
const WEIGHT: Readonly<Record<LocatedField, number>> = { title: 6, id: 4, date: 3, amount: 3 };
const PIECE = 4;

/** The written forms of an ISO date, folded; none for a string that is not one. */
export function dateForms(date: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return [];
  const [, y, mm, dd] = m as unknown as [string, string, string, string];
  const month = String(Number(mm));
  const day = String(Number(dd));
  const forms = new Set<string>();
  for (const [mo, d] of [
    [mm, dd],
    [month, day],
  ] as const) {
    forms.add(`${y}-${mo}-${d}`);
    forms.add(`${y}年${mo}月${d}日`);
    forms.add(`${y}.${mo}.${d}`);
    forms.add(`${y}/${mo}/${d}`);
  }
  forms.add(`${y}${mm}${dd}`);
  return [...forms].map(foldText);
}

function withThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The written forms of an amount in 万元, folded: `120万`, and in 元 `1200000`, `1,200,000`. */
export function amountForms(amountWan: number): string[] {
  if (!Number.isFinite(amountWan) || amountWan <= 0) return [];
  const wan = dec(amountWan);
  const yuan = wan.times(10_000);
  const forms = [`${wan.toString()}万`];
  const [whole, fraction] = yuan.toFixed().split('.') as [string, string | undefined];
  const tail = fraction === undefined ? '' : `.${fraction}`;
  // A bare 元 figure of fewer than five digits would be found in any table of numbers.
  if (whole.length >= 5) forms.push(`${whole}${tail}`, `${withThousands(whole)}${tail}`);
  return forms.map(foldText);
}

function pieces(title: string): string[] {
  if (title.length < PIECE * 2) return [];
  const out: string[] = [];
  for (let at = 0; at + PIECE <= title.length; at += PIECE) out.push(title.slice(at, at + PIECE));
  return out;
}

/** The best page for the item, or null when no page scores `MIN_SCORE`. */
export function locatePage(pages: readonly PageText[], item: ItemFields): LocatedPage | null {
  const title = foldText(item.title ?? '');
  const titlePieces = pieces(title);
  const id = foldText(item.id ?? '');
  // An id without a digit (`a`, `item`) names nothing a page would print.
  const idTerm = id.length >= 3 && /\d/.test(id) ? id : null;
  const dates = item.date === undefined ? [] : dateForms(item.date);
  const amounts = item.amountWan === undefined ? [] : amountForms(item.amountWan);
  let best: LocatedPage | null = null;
  for (const page of pages) {
    const text = foldPage(page).text;
    if (text === '') continue;
    const found: LocatedField[] = [];
    let score = 0;
    if (title.length >= 2 && text.includes(title)) {
      found.push('title');
      score += WEIGHT.title;
    } else if (titlePieces.length > 0) {
      const share = titlePieces.filter((p) => text.includes(p)).length / titlePieces.length;
      if (share >= 0.5) {
        found.push('title');
        score += Math.round(share * 3 * 100) / 100;
      }
    }
    if (idTerm !== null && text.includes(idTerm)) {
      found.push('id');
      score += WEIGHT.id;
    }
    if (dates.some((d) => text.includes(d))) {
      found.push('date');
      score += WEIGHT.date;
    }
    if (amounts.some((a) => text.includes(a))) {
      found.push('amount');
      score += WEIGHT.amount;
    }
    if (score >= MIN_SCORE && (best === null || score > best.score)) best = { page: page.page, score, found };
  }
  return best;
}
