/**
 * The findings an expert sees beside one claim: those with a place on that claim, each worded
 * from that claim's side ("同一文件也出现在 HFA-017 · I6.international 第“intl-2”项"), with the
 * other places side by side. An expert who recused an alliance is never offered its files: a
 * place of a recused alliance is named (that the proof is also claimed there is the hint) but
 * carries no file or page to open.
 *
 * - claim: one alliance's package of one year, one criterion and item (null for a flag or judged claim).
 */
import { inWords, noCriterionNames, type CriterionNames } from './finding-words.ts';
import { placeLabel, samePlace, type Finding, type FindingKind, type FindingPlace } from './finding.ts';

export interface ClaimRef {
  readonly allianceId: string;
  readonly year: number;
  readonly criterion: string;
  readonly itemId: string | null;
}

export interface ClaimFinding {
  readonly kind: FindingKind;
  readonly identifier: string | null;
  /** One line from the claim's side, e.g. `同一文件也出现在 HFA-017 · I6.international 第“intl-2”项`. */
  readonly line: string;
  /** The places not on this claim; a recused alliance's without file and page. */
  readonly elsewhere: readonly FindingPlace[];
  readonly detail: string;
}

const onClaim = (p: FindingPlace, claim: ClaimRef): boolean =>
  p.allianceId === claim.allianceId && p.year === claim.year && p.criterion === claim.criterion && p.itemId === claim.itemId;

const alsoWord: Readonly<Record<FindingKind, string>> = {
  'same-file': '同一文件也出现在',
  'similar-image': '相似的图片也出现在',
  'similar-page': '文字几乎相同的页也出现在',
  'same-identifier': '同一编号也出现在',
  'identifier-check-digit': '校验位不对的同一编号也出现在',
  'reused-from-earlier-year': '往年已经用过：',
  'date-outside-year': '',
  'exif-date': '',
};

/** `names`: the rubric's words for criteria (finding-words.ts), so the expert reads no ids. */
export function claimFindings(findings: readonly Finding[], claim: ClaimRef, recused: ReadonlySet<string>, names: CriterionNames = noCriterionNames): ClaimFinding[] {
  const out: ClaimFinding[] = [];
  for (const finding of findings) {
    if (!finding.places.some((p) => onClaim(p, claim))) continue;
    const others = finding.places.filter((p) => !onClaim(p, claim));
    const elsewhere = others
      .map((p) => (recused.has(p.allianceId) ? { ...p, file: null, page: null } : p))
      .filter((p, i, list) => list.findIndex((q) => samePlace(p, q)) === i);
    const years = finding.kind === 'reused-from-earlier-year';
    const where = elsewhere.map((p) => placeLabel(p, { year: years, names })).join('；');
    // A finding about the claim alone (a date, a check character) is its own detail.
    // A word ending in a full-width colon takes no space after it (往年已经用过：2025年 …).
    const word = alsoWord[finding.kind];
    const line = elsewhere.length === 0 ? inWords(finding.detail, names) : `${word}${word.endsWith('：') ? '' : ' '}${where}`;
    // The detail names every place with its file: with a recused alliance among them it is
    // left out, so the recused alliance's file names never reach this expert's screen.
    const hidesFiles = others.some((p) => recused.has(p.allianceId) && (p.file !== null || p.page !== null));
    const detail = hidesFiles ? `${line}。这只是提示，不是结论，也不改变分数：请对照原件核实。` : inWords(finding.detail, names);
    out.push({ kind: finding.kind, identifier: finding.identifier, line, elsewhere, detail });
  }
  return out;
}
