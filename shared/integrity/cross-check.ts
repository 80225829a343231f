/**
 * Cross-check: what no single expert can see, found over every package of a meeting and the
 * earlier years' packages in the store (docs/cross-check.md). Pure: it takes what was read of
 * each file (file features, made and kept by content hash in electron/integrity/) and the
 * claims, and returns findings (finding.ts) in a stable order.
 *
 * - package: one alliance's package of one year; `earlier` for an earlier year's package,
 *   which is only compared with, never itself checked.
 * - use: one place a claim names a file: the criterion, the item (null for a flag or judged
 *   claim), the file and the page of `#page=N` (null: the whole file). A file no claim names
 *   has one use with a null criterion: it can be a place of a finding, but a finding needs at
 *   least one place a claim names (nothing rests on files nobody cited).
 * - file features: for a file, its perceptual hash (images), the date its EXIF says it was
 *   taken, and per page its fingerprint (page-fingerprint.ts) and identifiers, each page
 *   marked whether its text came from the document or from OCR.
 * - source of an identifier: a claim's own fields, or one page of one file. Two places that
 *   name an identifier through one source (two items citing one contract page) are the
 *   same-file finding's business, not another same-identifier finding.
 */
import type { Claim, Claims } from '../rubric/types.ts';
import { parseEvidenceReference } from '../package/evidence-reference.ts';
import { normalizePackagePath } from '../package/package-path.ts';
import { compareFindings, comparePlaces, placeLabel, samePlace, type Finding, type FindingKind, type FindingPlace } from './finding.ts';
import { extractIdentifiers, identifierKey, identifierKindNames, type Identifier } from './identifiers.ts';
import { hashHalves, similarHashPairs } from './perceptual-hash.ts';
import { fingerprintBands, fingerprintSimilarity, SIMILAR_PAGE_SHARE } from './page-fingerprint.ts';

export interface PageFeatures {
  readonly page: number;
  readonly fingerprint: string | null;
  readonly identifiers: readonly Identifier[];
  /** Where the page's text came from: a check-digit finding is never made from OCR. */
  readonly text: 'document' | 'ocr';
}

export interface FileFeatures {
  /** Pages of a paged file (1 for an image), or null when unknown. */
  readonly pageCount: number | null;
  readonly imageHash: string | null;
  /** `YYYY-MM-DD` the EXIF says the photo was taken, or null. */
  readonly photoDate: string | null;
  readonly pages: readonly PageFeatures[];
}

export interface CheckedFile {
  readonly path: string;
  readonly sha256: string;
  readonly features: FileFeatures;
}

export interface CheckedPackage {
  readonly allianceId: string;
  readonly year: number;
  readonly earlier: boolean;
  readonly claims: Claims;
  /**
   * The self-check report's path: it restates the claims, so identifiers read from it are not
   * counted (every one would be claimed twice), while the file itself is compared like any other.
   */
  readonly selfReport: string | null;
  /** Every evidence file (the manifest and self-check workbook aside). */
  readonly files: readonly CheckedFile[];
}

/**
 * Criteria that count only the year's new items (I8's patents entered into substantive
 * examination this year, I11's new members): a reuse there may mean the item does not count.
 */
export const newItemsOnlyCriteria: ReadonlySet<string> = new Set(['I8.inventionPatents', 'I11.newMembers']);

/** An EXIF date this many days or fewer from the item's date is no finding. */
export const EXIF_DAYS = 30;

interface Use extends FindingPlace {
  readonly sha256: string;
  readonly earlier: boolean;
}

interface ItemFields {
  readonly criterion: string;
  readonly itemId: string | null;
  readonly texts: readonly string[];
  readonly date: string | null;
}

function claimItems(claim: Claim): { itemId: string | null; title?: string; note?: string; date?: string; evidence: readonly string[] }[] {
  if ('items' in claim) return claim.items.map((item) => ({ itemId: item.id, title: item.title, ...(item.note === undefined ? {} : { note: item.note }), ...(item.date === undefined ? {} : { date: item.date }), evidence: item.evidence }));
  if ('claimed' in claim) return [{ itemId: null, ...(claim.note === undefined ? {} : { note: claim.note }), evidence: claim.claimed ? claim.evidence : [] }];
  return [{ itemId: null, evidence: claim.evidence ?? [] }];
}

function usesOf(pkg: CheckedPackage): { uses: Use[]; fields: ItemFields[] } {
  const byPath = new Map(pkg.files.map((f) => [f.path, f]));
  const uses: Use[] = [];
  const fields: ItemFields[] = [];
  const cited = new Set<string>();
  for (const criterion of Object.keys(pkg.claims).sort()) {
    const claim = pkg.claims[criterion];
    if (claim === undefined) continue;
    for (const item of claimItems(claim)) {
      fields.push({ criterion, itemId: item.itemId, texts: [item.title ?? '', item.note ?? ''].filter((t) => t !== ''), date: item.date ?? null });
      for (const reference of item.evidence) {
        const target = parseEvidenceReference(reference);
        if (!target.ok) continue;
        const path = normalizePackagePath(target.path);
        const file = byPath.get(path);
        if (file === undefined) continue;
        cited.add(path);
        uses.push({ allianceId: pkg.allianceId, year: pkg.year, criterion, itemId: item.itemId, file: path, page: target.page, sha256: file.sha256, earlier: pkg.earlier });
      }
    }
  }
  for (const file of pkg.files) {
    if (cited.has(file.path)) continue;
    uses.push({ allianceId: pkg.allianceId, year: pkg.year, criterion: null, itemId: null, file: file.path, page: null, sha256: file.sha256, earlier: pkg.earlier });
  }
  return { uses, fields };
}

const place = (u: FindingPlace): FindingPlace => ({ allianceId: u.allianceId, year: u.year, criterion: u.criterion, itemId: u.itemId, file: u.file, page: u.page });

function uniquePlaces(places: readonly FindingPlace[]): FindingPlace[] {
  const sorted = places.map(place).sort(comparePlaces);
  return sorted.filter((p, i) => i === 0 || !samePlace(p, sorted[i - 1] as FindingPlace));
}

const claimKey = (p: FindingPlace): string => `${p.allianceId}\u0000${p.year}\u0000${p.criterion ?? ''}\u0000${p.itemId ?? ''}`;
const cites = (p: FindingPlace): boolean => p.criterion !== null;

function listLabels(places: readonly FindingPlace[], years: boolean): string {
  const shown = places.slice(0, 6).map((p) => placeLabel(p, { year: years }));
  return places.length > 6 ? `${shown.join('；')} 等 ${places.length} 处` : shown.join('；');
}

const HINT = '这只是提示，不是结论，也不改变分数：请对照原件核实。';

function newItemsNote(places: readonly FindingPlace[]): string {
  const criteria = [...new Set(places.filter((p) => p.criterion !== null && newItemsOnlyCriteria.has(p.criterion)).map((p) => p.criterion))];
  return criteria.length === 0 ? '' : `${criteria.join('、')} 只计当年新增的项，往年已申报过的这一项可能不能计分。`;
}

/** The whole cross-check: every finding about the packages not `earlier`, in a stable order. */
export function crossCheck(packages: readonly CheckedPackage[]): Finding[] {
  const findings: Finding[] = [];
  const per = packages.map((pkg) => ({ pkg, ...usesOf(pkg) }));
  const allUses = per.flatMap((p) => p.uses);
  const features = new Map<string, FileFeatures>();
  for (const pkg of packages) for (const f of pkg.files) features.set(f.sha256, f.features);

  const usesBySha = new Map<string, Use[]>();
  for (const use of allUses) {
    const list = usesBySha.get(use.sha256);
    if (list === undefined) usesBySha.set(use.sha256, [use]);
    else list.push(use);
  }

  // 1. The same file.
  for (const [sha, uses] of usesBySha) {
    const now = uses.filter((u) => !u.earlier);
    if (now.length === 0 || !now.some(cites)) continue;
    const earlier = uses.filter((u) => u.earlier);
    if (earlier.length > 0) {
      const places = uniquePlaces([...now, ...earlier]);
      const years = [...new Set(earlier.map((u) => u.year))].sort().join('、');
      findings.push({
        kind: 'reused-from-earlier-year',
        identifier: null,
        places,
        detail: `同一文件（SHA-256 ${sha.slice(0, 12)}…）在 ${years} 年的材料包里已经出现过：${listLabels(places, true)}。${newItemsNote(now)}${HINT}`,
      });
    }
    const alliances = new Set(now.map((u) => u.allianceId));
    const pages = new Map<string, Set<string>>();
    // Items citing one page of a file (or the whole of a one-page file, a photo) at once are a
    // finding; a document of several pages cited whole by several items (a members' list
    // cited by each new member) is how packages are made.
    // Only list items count here: flag and judged claims share documents by design (one white
    // paper for the four I10 claims, package-format.md).
    const onePage = (features.get(sha)?.pageCount ?? 1) <= 1;
    for (const u of now.filter(cites)) {
      if (u.itemId === null || (u.page === null && !onePage)) continue;
      const key = `${u.allianceId}\u0000${u.page ?? 1}`;
      const claims = pages.get(key) ?? new Set<string>();
      claims.add(claimKey(u));
      pages.set(key, claims);
    }
    const twiceInOne = [...pages.values()].some((claims) => claims.size > 1);
    if (alliances.size > 1 || twiceInOne) {
      const places = uniquePlaces(now);
      const what = alliances.size > 1 ? `${alliances.size} 个联盟的材料包里有同一文件` : '同一联盟的两项申报引用了同一文件的同一页';
      findings.push({ kind: 'same-file', identifier: null, places, detail: `${what}（SHA-256 ${sha.slice(0, 12)}…）：${listLabels(places, false)}。${HINT}` });
    }
  }

  // 2. Similar images: groups of images each near another (a certificate photo re-saved in
  // three packages is one finding, not three), across alliances and against earlier years.
  const images = [...usesBySha.keys()].flatMap((sha) => {
    const hash = features.get(sha)?.imageHash ?? null;
    return hash === null ? [] : [{ sha, halves: hashHalves(hash) }];
  });
  const imageGroups = new Groups();
  const imageEdges: { sha: string; distance: number }[] = [];
  // Through the hash's buckets, not every pair: a meeting's images are many, the similar few.
  for (const [i, j, distance] of similarHashPairs(images.map((image) => image.halves))) {
    const a = images[i] as { sha: string; halves: readonly [number, number] };
    const b = images[j] as { sha: string; halves: readonly [number, number] };
    if (textsDisagree(features.get(a.sha), features.get(b.sha))) continue;
    imageGroups.join(a.sha, b.sha);
    imageEdges.push({ sha: a.sha, distance });
  }
  for (const members of imageGroups.groups()) {
    const root = imageGroups.find(members[0] as string);
    const distance = Math.max(...imageEdges.filter((e) => imageGroups.find(e.sha) === root).map((e) => e.distance));
    groupFinding(
      findings,
      members.flatMap((sha) => usesBySha.get(sha) ?? []),
      'similar-image',
      `${members.length} 张图片看起来几乎一样（像是同一张图重新保存、缩放、压缩或略有裁剪；感知哈希最多相差 ${distance}/64 位）`,
    );
  }

  // 3. Similar pages, through the bands of their fingerprints, grouped the same way.
  const pagesByBand = new Map<string, { sha: string; page: number; fingerprint: string }[]>();
  for (const sha of usesBySha.keys()) {
    for (const p of features.get(sha)?.pages ?? []) {
      if (p.fingerprint === null) continue;
      for (const band of fingerprintBands(p.fingerprint)) {
        const list = pagesByBand.get(band) ?? [];
        list.push({ sha, page: p.page, fingerprint: p.fingerprint });
        pagesByBand.set(band, list);
      }
    }
  }
  const compared = new Set<string>();
  const pageGroups = new Groups();
  const lowestShare = new Map<string, number>();
  for (const list of pagesByBand.values()) {
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        const a = list[i] as { sha: string; page: number; fingerprint: string };
        const b = list[j] as { sha: string; page: number; fingerprint: string };
        // Two pictures already found alike (their OCR text agreeing) are one finding, not two.
        if (a.sha === b.sha || imageGroups.find(a.sha) === imageGroups.find(b.sha)) continue;
        const [x, y] = a.sha < b.sha ? [a, b] : [b, a];
        const key = `${x.sha}#${x.page}|${y.sha}#${y.page}`;
        if (compared.has(key)) continue;
        compared.add(key);
        const share = fingerprintSimilarity(x.fingerprint, y.fingerprint);
        if (share < SIMILAR_PAGE_SHARE) continue;
        const xKey = `${x.sha}#${x.page}`;
        const yKey = `${y.sha}#${y.page}`;
        pageGroups.join(xKey, yKey);
        lowestShare.set(xKey, Math.min(lowestShare.get(xKey) ?? 1, share));
        lowestShare.set(yKey, Math.min(lowestShare.get(yKey) ?? 1, share));
      }
    }
  }
  for (const members of pageGroups.groups()) {
    const uses = members.flatMap((key) => {
      const [sha = '', page = '0'] = key.split('#');
      const n = Number(page);
      return (usesBySha.get(sha) ?? []).filter((u) => u.page === null || u.page === n).map((u) => ({ ...u, page: n }));
    });
    const share = Math.min(...members.map((m) => lowestShare.get(m) ?? 1));
    groupFinding(findings, uses, 'similar-page', `${members.length} 页的文字几乎一样（两两至少约 ${Math.floor(share * 100)}% 相同）`);
  }
  // 4. Identifiers: from claim fields and from the pages of the files claims cite.
  interface Occurrence extends FindingPlace {
    readonly earlier: boolean;
    readonly source: string;
    readonly identifier: Identifier;
    readonly fromOcr: boolean;
  }
  const occurrences: Occurrence[] = [];
  for (const { pkg, uses, fields } of per) {
    for (const f of fields) {
      for (const text of f.texts) {
        for (const identifier of extractIdentifiers(text)) {
          occurrences.push({ allianceId: pkg.allianceId, year: pkg.year, criterion: f.criterion, itemId: f.itemId, file: null, page: null, earlier: pkg.earlier, source: 'field', identifier, fromOcr: false });
        }
      }
    }
    // A page another item cites by number belongs to that item, not to an item citing the
    // whole file (a compilation: each contract's page is some item's proof).
    const citedPages = new Map<string, Map<number, Set<string>>>();
    for (const use of uses) {
      if (use.page === null || use.criterion === null) continue;
      const pages = citedPages.get(use.sha256) ?? new Map<number, Set<string>>();
      pages.set(use.page, (pages.get(use.page) ?? new Set()).add(claimKey(use)));
      citedPages.set(use.sha256, pages);
    }
    for (const use of uses) {
      if (use.file === pkg.selfReport) continue;
      for (const p of features.get(use.sha256)?.pages ?? []) {
        if (use.page !== null && use.page !== p.page) continue;
        const owners = use.page === null ? citedPages.get(use.sha256)?.get(p.page) : undefined;
        if (owners !== undefined && !owners.has(claimKey(use))) continue;
        for (const identifier of p.identifiers) {
          occurrences.push({ ...place(use), page: p.page, earlier: pkg.earlier, source: `${use.sha256}#${p.page}`, identifier, fromOcr: p.text === 'ocr' });
        }
      }
    }
  }
  const byKey = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const key = identifierKey(o.identifier);
    const list = byKey.get(key) ?? [];
    list.push(o);
    byKey.set(key, list);
  }
  for (const list of byKey.values()) {
    const now = list.filter((o) => !o.earlier);
    if (now.length === 0 || !now.some(cites)) continue;
    const first = (now.find((o) => o.source === 'field') ?? now[0]) as Occurrence;
    const value = first.identifier.value;
    const kindName = identifierKindNames[first.identifier.kind];
    const earlier = list.filter((o) => o.earlier);
    if (earlier.length > 0) {
      const places = uniquePlaces([...now, ...earlier]);
      const years = [...new Set(earlier.map((o) => o.year))].sort().join('、');
      findings.push({
        kind: 'reused-from-earlier-year',
        identifier: value,
        places,
        detail: `${kindName} ${value} 在 ${years} 年的材料包里已经申报过：${listLabels(places, true)}。${newItemsNote(now)}${HINT}`,
      });
    }
    const cited = now.filter(cites);
    const twoSources = cited.some((a) => cited.some((b) => claimKey(a) !== claimKey(b) && (a.source !== b.source || a.source === 'field')));
    if (twoSources) {
      const places = uniquePlaces(now);
      const alliances = new Set(now.map((o) => o.allianceId)).size;
      const who = alliances > 1 ? `${alliances} 个联盟都申报了` : '同一联盟申报了两次';
      findings.push({ kind: 'same-identifier', identifier: value, places, detail: `${kindName} ${value}：${who}：${listLabels(places, false)}。${HINT}` });
    }
    // A check character is the alliance's error only where the alliance wrote it (not OCR).
    const perPackage = new Map<string, Occurrence[]>();
    for (const o of now) {
      if (o.fromOcr || o.identifier.check === null || o.identifier.check.ok) continue;
      const key = `${o.allianceId}\u0000${o.year}\u0000${o.identifier.value}`;
      perPackage.set(key, [...(perPackage.get(key) ?? []), o]);
    }
    for (const wrong of perPackage.values()) {
      const o = wrong[0] as Occurrence;
      const check = o.identifier.check;
      if (check === null || check.ok) continue;
      const why =
        check.reason === 'check'
          ? `最后一位校验位写的是 ${check.written}，按前面各位算应为 ${check.expected}`
          : check.character === ''
            ? '位数或字符不符合编码规则'
            : `含有编码规则不用的字符“${check.character}”`;
      const places = uniquePlaces(wrong);
      findings.push({
        kind: 'identifier-check-digit',
        identifier: o.identifier.value,
        places,
        detail: `${identifierKindNames[o.identifier.kind]} ${o.identifier.value} 的${why}，可能抄错了：${listLabels(places, false)}。请向联盟核实正确的编号。`,
      });
    }
  }

  // 5. Dates.
  for (const { pkg, uses, fields } of per) {
    if (pkg.earlier) continue;
    for (const f of fields) {
      if (f.date === null) continue;
      const itemPlace: FindingPlace = { allianceId: pkg.allianceId, year: pkg.year, criterion: f.criterion, itemId: f.itemId, file: null, page: null };
      if (!f.date.startsWith(`${pkg.year}-`)) {
        findings.push({
          kind: 'date-outside-year',
          identifier: null,
          places: [itemPlace],
          detail: `${placeLabel(itemPlace)} 的日期 ${f.date} 不在考核年度 ${pkg.year} 年内。请核实这一项是否属于本年度。`,
        });
      }
      for (const use of uses) {
        if (use.criterion !== f.criterion || use.itemId !== f.itemId) continue;
        const taken = features.get(use.sha256)?.photoDate ?? null;
        if (taken === null) continue;
        const days = daysBetween(taken, f.date);
        if (days === null || days <= EXIF_DAYS) continue;
        findings.push({
          kind: 'exif-date',
          identifier: null,
          places: [place(use)],
          detail: `照片 ${use.file ?? ''} 的拍摄日期（EXIF）是 ${taken}，与这一项的日期 ${f.date} 相差 ${days} 天：${placeLabel(use)}。相机时间可能没设对，请核实照片是否拍自这次活动。`,
        });
      }
    }
  }

  return dedupe(findings).sort(compareFindings);
}

/**
 * Pictures of one template (two certificates of one kind, two banners of one hall) hash alike:
 * the hash sees the layout, not the words. When OCR has read words on both, words that differ
 * say they are two pictures, not one re-saved.
 */
export const IMAGE_TEXT_AGREEMENT = 0.5;

function textsDisagree(a: FileFeatures | undefined, b: FileFeatures | undefined): boolean {
  const fa = a?.pages.find((p) => p.page === 1)?.fingerprint ?? null;
  const fb = b?.pages.find((p) => p.page === 1)?.fingerprint ?? null;
  return fa !== null && fb !== null && fingerprintSimilarity(fa, fb) < IMAGE_TEXT_AGREEMENT;
}

/** Similar things (images, pages): a finding across alliances, and a reuse when one is from an earlier year. */
function groupFinding(findings: Finding[], all: readonly Use[], kind: FindingKind, what: string): void {
  const now = all.filter((u) => !u.earlier);
  if (now.length === 0 || !now.some(cites)) return;
  const earlier = all.filter((u) => u.earlier);
  if (earlier.length > 0) {
    const places = uniquePlaces(all);
    const years = [...new Set(earlier.map((u) => u.year))].sort().join('、');
    findings.push({ kind: 'reused-from-earlier-year', identifier: null, places, detail: `${what}，其中有 ${years} 年的材料包里已经用过的：${listLabels(places, true)}。${newItemsNote(now)}${HINT}` });
  }
  if (new Set(now.map((u) => u.allianceId)).size < 2) return;
  const places = uniquePlaces(now);
  findings.push({ kind, identifier: null, places, detail: `${what}，分别在：${listLabels(places, false)}。${HINT}` });
}

/** Groups of keys joined pair by pair (union–find), each group in first-seen order. */
class Groups {
  readonly #parent = new Map<string, string>();

  find(key: string): string {
    let root = key;
    while (this.#parent.has(root) && this.#parent.get(root) !== root) root = this.#parent.get(root) as string;
    if (this.#parent.has(key)) this.#parent.set(key, root);
    return root;
  }

  join(a: string, b: string): string {
    if (!this.#parent.has(a)) this.#parent.set(a, a);
    if (!this.#parent.has(b)) this.#parent.set(b, b);
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.#parent.set(rb, ra);
    return ra;
  }

  groups(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const key of this.#parent.keys()) {
      const root = this.find(key);
      byRoot.set(root, [...(byRoot.get(root) ?? []), key]);
    }
    return [...byRoot.values()].filter((g) => g.length > 1);
  }
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function daysBetween(a: string, b: string): number | null {
  const ta = Date.parse(`${a}T00:00:00Z`);
  const tb = Date.parse(`${b}T00:00:00Z`);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return null;
  return Math.round(Math.abs(ta - tb) / 86_400_000);
}
