/**
 * Finding of the cross-check: a hint that something of one claim also appears elsewhere, or
 * does not add up (an identifier's check character, a date), for a person to look at. It is
 * never a verdict and never changes a score.
 *
 * - place: where a finding is: the alliance and year of a package, the claim (criterion and
 *   item; null for a file no claim names, or for a flag or judged claim's item), the file
 *   (its package path; null for a claim's own fields) and its page (null for the whole file).
 * - kind: what was found (docs/cross-check.md says what each means):
 *   `same-file` the same file (SHA-256) cited by two alliances, or by two items of one
 *   alliance at the same page; `similar-image` a near-duplicate image, `similar-page` a
 *   near-duplicate page, across alliances; `same-identifier` one patent, organisation code,
 *   contract registration or standard claimed by two alliances or twice by one;
 *   `identifier-check-digit` an identifier whose check character is wrong;
 *   `reused-from-earlier-year` any of the first four found again in an earlier year's
 *   package; `date-outside-year` an item dated outside the assessment year; `exif-date` a
 *   photo taken more than 30 days from the date of the item it proves.
 */

export const findingKinds = [
  'same-file',
  'similar-image',
  'similar-page',
  'same-identifier',
  'identifier-check-digit',
  'reused-from-earlier-year',
  'date-outside-year',
  'exif-date',
] as const;

export type FindingKind = (typeof findingKinds)[number];

export interface FindingPlace {
  readonly allianceId: string;
  readonly year: number;
  readonly criterion: string | null;
  readonly itemId: string | null;
  readonly file: string | null;
  readonly page: number | null;
}

export interface Finding {
  readonly kind: FindingKind;
  /** The identifier concerned (as written once, e.g. `201410123456.7`, `GB/T 1.1-2020`), or null. */
  readonly identifier: string | null;
  /** In a stable order (comparePlaces). */
  readonly places: readonly FindingPlace[];
  /** What was found, in Chinese, naming the places, ending with what to check. */
  readonly detail: string;
}

/** The Chinese name of each kind, for lists and filters. */
export const findingKindNames: Readonly<Record<FindingKind, string>> = {
  'same-file': '同一文件',
  'similar-image': '相似图片',
  'similar-page': '相似页面',
  'same-identifier': '同一编号',
  'identifier-check-digit': '编号校验位不对',
  'reused-from-earlier-year': '往年材料再次使用',
  'date-outside-year': '日期不在考核年度',
  'exif-date': '照片拍摄日期不符',
};

const compareText = (a: string | null, b: string | null): number => {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
};
const compareNumber = (a: number | null, b: number | null): number => (a ?? -1) - (b ?? -1);

/** Places by alliance, year, criterion, item, file, page (null first), in code-unit order. */
export function comparePlaces(a: FindingPlace, b: FindingPlace): number {
  return (
    compareText(a.allianceId, b.allianceId) ||
    a.year - b.year ||
    compareText(a.criterion, b.criterion) ||
    compareText(a.itemId, b.itemId) ||
    compareText(a.file, b.file) ||
    compareNumber(a.page, b.page)
  );
}

/** Findings by kind (in `findingKinds` order), then their first place, then identifier and detail. */
export function compareFindings(a: Finding, b: Finding): number {
  const kind = findingKinds.indexOf(a.kind) - findingKinds.indexOf(b.kind);
  if (kind !== 0) return kind;
  const length = Math.min(a.places.length, b.places.length);
  for (let i = 0; i < length; i += 1) {
    const order = comparePlaces(a.places[i] as FindingPlace, b.places[i] as FindingPlace);
    if (order !== 0) return order;
  }
  return a.places.length - b.places.length || compareText(a.identifier, b.identifier) || compareText(a.detail, b.detail);
}

export function samePlace(a: FindingPlace, b: FindingPlace): boolean {
  return comparePlaces(a, b) === 0;
}

/**
 * A place as a person reads it: `HFA-017 · I6.x 第“tc-2”项（证明/合同.pdf 第2页）`, or with the
 * rubric's `names` (finding-words.ts) `HFA-017 · I6 参与国际科技合作… 第“tc-2”项（…）`.
 */
export function placeLabel(place: FindingPlace, options: { year?: boolean; names?: ReadonlyMap<string, string> } = {}): string {
  const year = options.year === true ? `${place.year}年 ` : '';
  const criterion = place.criterion === null ? null : (options.names?.get(place.criterion) ?? place.criterion);
  const claim = criterion === null ? '未被申报引用的文件' : place.itemId === null ? criterion : `${criterion} 第“${place.itemId}”项`;
  const file = place.file === null ? '' : `（${place.file}${place.page === null ? '' : ` 第${place.page}页`}）`;
  return `${year}${place.allianceId} · ${claim}${file}`;
}
