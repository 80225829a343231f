/**
 * Cross-check: what no single expert can see, found over every package of a meeting and the
 * earlier years' packages in the store (docs/cross-check.md). Pure: it takes what was read of
 * each file and the claims (checked-package.ts), and returns findings (finding.ts) in a stable
 * order.
 *
 * The terms (package, use, occurrence, file features) are defined in checked-package.ts and
 * prepared-package.ts.
 *
 * Why an index kept between checks: a meeting is checked again and again (after each import,
 * on every opening of the chair's view, at export), nearly always with the same packages or one
 * more. `CrossCheckIndex` holds the packages' prepared parts filed by what they are compared on
 * (content hash, identifier, the perceptual hash's segments, the page fingerprints' bands), the
 * pairs found alike, and the findings of each group (a file, an identifier, a group of alike
 * images or pages). Adding a package prepares that package, looks its keys up in the indexes and
 * makes again only the findings of the groups it touches; removing one takes its entries out the
 * same way. Each group's findings depend only on the group's members, never on the order the
 * packages came in, so any sequence of additions and removals ends with exactly the findings a
 * check from scratch of the same packages gives (`crossCheck` is that check: an empty index and
 * every package added).
 */
import type { CheckedPackage, FileFeatures } from './checked-package.ts';
import { compareFindings, comparePlaces, placeLabel, samePlace, type Finding, type FindingKind, type FindingPlace } from './finding.ts';
import { identifierKey, identifierKindNames } from './identifiers.ts';
import { fingerprintSimilarity, SIMILAR_PAGE_SHARE } from './page-fingerprint.ts';
import { halvesDistance, SIMILAR_IMAGE_BITS } from './perceptual-hash.ts';
import { claimKey, preparePackage, type PreparedFile, type PreparedOccurrence, type PreparedPackage, type PreparedUse } from './prepared-package.ts';

export type { CheckedFile, CheckedPackage, FileFeatures, PageFeatures } from './checked-package.ts';

/**
 * Criteria that count only the year's new items (I8's patents entered into substantive
 * examination this year, I11's new members): a reuse there may mean the item does not count.
 */
export const newItemsOnlyCriteria: ReadonlySet<string> = new Set(['I8.inventionPatents', 'I11.newMembers']);

/** An EXIF date this many days or fewer from the item's date is no finding. */
export const EXIF_DAYS = 30;

/**
 * Pictures of one template (two certificates of one kind, two banners of one hall) hash alike:
 * the hash sees the layout, not the words. When OCR has read words on both, words that differ
 * say they are two pictures, not one re-saved.
 */
export const IMAGE_TEXT_AGREEMENT = 0.5;

/** The whole cross-check from scratch: every finding about the packages not `earlier`, in a stable order. */
export function crossCheck(packages: readonly CheckedPackage[]): Finding[] {
  const index = new CrossCheckIndex();
  packages.forEach((pkg, i) => index.add(String(i), preparePackage(pkg), pkg.earlier));
  return [...index.findings()];
}

interface Use extends PreparedUse {
  readonly earlier: boolean;
}

interface Occurrence extends PreparedOccurrence {
  readonly earlier: boolean;
}

interface Member {
  readonly prepared: PreparedPackage;
  readonly earlier: boolean;
  readonly usesBySha: ReadonlyMap<string, readonly Use[]>;
  readonly occurrencesByKey: ReadonlyMap<string, readonly Occurrence[]>;
}

/** A connected group of alike images or pages, and its findings. */
interface Group {
  readonly members: string[];
  findings: readonly Finding[];
}

interface PageNode {
  readonly sha256: string;
  readonly page: number;
  readonly fingerprint: string;
  readonly bands: readonly string[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}

function link<K>(edges: Map<K, Map<K, number>>, a: K, b: K, weight: number): void {
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const list = edges.get(x) ?? new Map<K, number>();
    list.set(y, weight);
    edges.set(x, list);
  }
}

/**
 * The packages under check and everything compared about them. `add` and `remove` keep the
 * indexes; `findings` makes again the findings of the groups changed since the last call.
 * Members are named by a key the caller chooses (the app uses the package's digest).
 */
export class CrossCheckIndex {
  readonly #members = new Map<string, Member>();
  // Each file's uses, by content hash, then by member.
  readonly #uses = new Map<string, Map<string, readonly Use[]>>();
  readonly #files = new Map<string, PreparedFile>();
  readonly #occurrences = new Map<string, Map<string, readonly Occurrence[]>>();
  // Images: buckets by hash segment, the pairs found alike (with their distance), the groups.
  readonly #imageBuckets = new Map<number, Set<string>>();
  readonly #imageEdges = new Map<string, Map<string, number>>();
  readonly #imageGroup = new Map<string, Group>();
  // Pages (`<sha256>#<page>`): buckets by fingerprint band, the pairs alike (with their share), the groups.
  readonly #pages = new Map<string, PageNode>();
  readonly #pageBuckets = new Map<string, Set<string>>();
  readonly #pageEdges = new Map<string, Map<string, number>>();
  readonly #pageGroup = new Map<string, Group>();
  // Findings by what they are about; only non-empty entries are kept.
  readonly #fileFindings = new Map<string, readonly Finding[]>();
  readonly #identifierFindings = new Map<string, readonly Finding[]>();
  readonly #dateFindings = new Map<string, readonly Finding[]>();
  readonly #groupsWithFindings = new Set<Group>();
  // What changed since the last `findings`.
  readonly #dirtyFiles = new Set<string>();
  readonly #dirtyIdentifiers = new Set<string>();
  readonly #dirtyImages = new Set<string>();
  readonly #dirtyPages = new Set<string>();
  #result: readonly Finding[] | null = null;
  readonly #findingKeys = new WeakMap<Finding, string>();

  add(key: string, prepared: PreparedPackage, earlier: boolean): void {
    if (this.#members.has(key)) throw new Error(`CrossCheckIndex: ${key} is already a member`);
    const member: Member = {
      prepared,
      earlier,
      usesBySha: groupBy(
        prepared.uses.map((u) => ({ ...u, earlier })),
        (u) => u.sha256,
      ),
      occurrencesByKey: groupBy(
        prepared.occurrences.map((o) => ({ ...o, earlier })),
        (o) => identifierKey(o.identifier),
      ),
    };
    this.#members.set(key, member);
    this.#result = null;
    for (const [sha, uses] of member.usesBySha) {
      let byMember = this.#uses.get(sha);
      if (byMember === undefined) {
        byMember = new Map();
        this.#uses.set(sha, byMember);
        this.#addFile(prepared.files.get(sha) as PreparedFile);
      }
      byMember.set(key, uses);
      this.#touchFile(sha);
    }
    for (const [k, list] of member.occurrencesByKey) {
      const byMember = this.#occurrences.get(k) ?? new Map<string, readonly Occurrence[]>();
      byMember.set(key, list);
      this.#occurrences.set(k, byMember);
      this.#dirtyIdentifiers.add(k);
    }
    if (!earlier) {
      const dates = this.#dates(prepared);
      if (dates.length > 0) this.#dateFindings.set(key, dates);
    }
  }

  remove(key: string): void {
    const member = this.#members.get(key);
    if (member === undefined) return;
    this.#members.delete(key);
    this.#result = null;
    this.#dateFindings.delete(key);
    for (const sha of member.usesBySha.keys()) {
      const byMember = this.#uses.get(sha);
      byMember?.delete(key);
      this.#touchFile(sha);
      if (byMember !== undefined && byMember.size === 0) {
        this.#uses.delete(sha);
        this.#removeFile(sha);
      }
    }
    for (const k of member.occurrencesByKey.keys()) {
      const byMember = this.#occurrences.get(k);
      byMember?.delete(key);
      if (byMember !== undefined && byMember.size === 0) this.#occurrences.delete(k);
      this.#dirtyIdentifiers.add(k);
    }
  }

  /** Every finding about the members not `earlier`, in a stable order (the same array until the members change). */
  findings(): readonly Finding[] {
    if (this.#result !== null) return this.#result;
    for (const sha of this.#dirtyFiles) this.#keep(this.#fileFindings, sha, this.#uses.has(sha) ? this.#sameFile(sha) : []);
    for (const k of this.#dirtyIdentifiers) this.#keep(this.#identifierFindings, k, this.#identifier(k));
    const regroupedImages = this.#regroup(
      this.#dirtyImages,
      this.#imageGroup,
      this.#imageEdges,
      (sha) => (this.#files.get(sha)?.image ?? null) !== null,
      () => true,
      (members) => this.#similarImages(members),
    );
    // A page's edges count only between pictures not found alike (pageEdgeCounts): when the
    // images' groups change, so may the pages'.
    for (const sha of regroupedImages) for (const p of this.#files.get(sha)?.pages ?? []) this.#dirtyPages.add(`${sha}#${p.page}`);
    this.#regroup(
      this.#dirtyPages,
      this.#pageGroup,
      this.#pageEdges,
      (node) => this.#pages.has(node),
      (a, b) => this.#pageEdgeCounts(a, b),
      (members) => this.#similarPages(members),
    );
    this.#dirtyFiles.clear();
    this.#dirtyIdentifiers.clear();
    this.#dirtyImages.clear();
    this.#dirtyPages.clear();

    const all: Finding[] = [];
    for (const list of this.#fileFindings.values()) all.push(...list);
    for (const group of this.#groupsWithFindings) all.push(...group.findings);
    for (const list of this.#identifierFindings.values()) all.push(...list);
    for (const list of this.#dateFindings.values()) all.push(...list);
    const seen = new Set<string>();
    this.#result = all
      .filter((f) => {
        const key = this.#findingKey(f);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort(compareFindings);
    return this.#result;
  }

  #findingKey(f: Finding): string {
    let key = this.#findingKeys.get(f);
    if (key === undefined) {
      key = JSON.stringify(f);
      this.#findingKeys.set(f, key);
    }
    return key;
  }

  #keep(map: Map<string, readonly Finding[]>, key: string, findings: readonly Finding[]): void {
    if (findings.length === 0) map.delete(key);
    else map.set(key, findings);
  }

  /** A file's uses changed: its own findings, its image's group and its pages' groups are made again. */
  #touchFile(sha: string): void {
    this.#dirtyFiles.add(sha);
    this.#dirtyImages.add(sha);
    for (const p of this.#files.get(sha)?.pages ?? []) this.#dirtyPages.add(`${sha}#${p.page}`);
  }

  #addFile(file: PreparedFile): void {
    const sha = file.sha256;
    this.#files.set(sha, file);
    if (file.image !== null) {
      const candidates = new Set<string>();
      for (const segment of file.image.segments) {
        const bucket = this.#imageBuckets.get(segment) ?? new Set<string>();
        for (const other of bucket) candidates.add(other);
        bucket.add(sha);
        this.#imageBuckets.set(segment, bucket);
      }
      for (const other of candidates) {
        const theirs = this.#files.get(other) as PreparedFile;
        const distance = halvesDistance(file.image.halves, theirs.image?.halves ?? [0, 0]);
        if (distance > SIMILAR_IMAGE_BITS || textsDisagree(file.features, theirs.features)) continue;
        link(this.#imageEdges, sha, other, distance);
      }
    }
    for (const p of file.pages) {
      const node = `${sha}#${p.page}`;
      if (this.#pages.has(node)) continue;
      this.#pages.set(node, { sha256: sha, ...p });
      const candidates = new Set<string>();
      for (const band of p.bands) {
        const bucket = this.#pageBuckets.get(band) ?? new Set<string>();
        for (const other of bucket) candidates.add(other);
        bucket.add(node);
        this.#pageBuckets.set(band, bucket);
      }
      for (const other of candidates) {
        const theirs = this.#pages.get(other) as PageNode;
        if (theirs.sha256 === sha) continue;
        const share = fingerprintSimilarity(p.fingerprint, theirs.fingerprint);
        if (share >= SIMILAR_PAGE_SHARE) link(this.#pageEdges, node, other, share);
      }
    }
  }

  #removeFile(sha: string): void {
    const file = this.#files.get(sha);
    if (file === undefined) return;
    this.#files.delete(sha);
    if (file.image !== null) {
      for (const segment of file.image.segments) this.#imageBuckets.get(segment)?.delete(sha);
      for (const other of this.#imageEdges.get(sha)?.keys() ?? []) {
        this.#imageEdges.get(other)?.delete(sha);
        this.#dirtyImages.add(other);
      }
      this.#imageEdges.delete(sha);
    }
    for (const p of file.pages) {
      const node = `${sha}#${p.page}`;
      if (this.#pages.get(node)?.fingerprint !== p.fingerprint) continue;
      this.#pages.delete(node);
      for (const band of p.bands) this.#pageBuckets.get(band)?.delete(node);
      for (const other of this.#pageEdges.get(node)?.keys() ?? []) {
        this.#pageEdges.get(other)?.delete(node);
        this.#dirtyPages.add(other);
      }
      this.#pageEdges.delete(node);
    }
  }

  /**
   * Makes again the groups (connected by `edges` where `counts`) of the nodes in `dirty`: their
   * old groups are dropped, and each node still present starts a search that takes in every
   * node it reaches, dropping any other old group it meets. Returns the nodes regrouped.
   */
  #regroup(
    dirty: ReadonlySet<string>,
    groupOf: Map<string, Group>,
    edges: ReadonlyMap<string, ReadonlyMap<string, number>>,
    present: (node: string) => boolean,
    counts: (a: string, b: string) => boolean,
    findingsOf: (members: readonly string[]) => readonly Finding[],
  ): string[] {
    const seeds = new Set<string>();
    const drop = (group: Group): void => {
      this.#groupsWithFindings.delete(group);
      for (const m of group.members) {
        if (groupOf.get(m) === group) groupOf.delete(m);
        seeds.add(m);
      }
    };
    for (const node of dirty) {
      seeds.add(node);
      const old = groupOf.get(node);
      if (old !== undefined) drop(old);
    }
    const regrouped: string[] = [];
    for (const seed of seeds) {
      if (groupOf.has(seed) || !present(seed)) continue;
      const group: Group = { members: [], findings: [] };
      groupOf.set(seed, group);
      const queue = [seed];
      while (queue.length > 0) {
        const node = queue.pop() as string;
        group.members.push(node);
        for (const other of edges.get(node)?.keys() ?? []) {
          const theirs = groupOf.get(other);
          if (theirs === group || !counts(node, other)) continue;
          if (theirs !== undefined) drop(theirs);
          groupOf.set(other, group);
          queue.push(other);
        }
      }
      group.findings = group.members.length > 1 ? findingsOf(group.members) : [];
      if (group.findings.length > 0) this.#groupsWithFindings.add(group);
      regrouped.push(...group.members);
    }
    return regrouped;
  }

  /** Two pages alike count unless they are of two pictures already found alike (one finding, not two). */
  #pageEdgeCounts(a: string, b: string): boolean {
    const ga = this.#imageGroup.get((this.#pages.get(a) as PageNode).sha256);
    const gb = this.#imageGroup.get((this.#pages.get(b) as PageNode).sha256);
    return ga === undefined || ga !== gb;
  }

  #usesOf(sha: string): Use[] {
    return [...(this.#uses.get(sha)?.values() ?? [])].flat();
  }

  // 1. The same file.
  #sameFile(sha: string): Finding[] {
    const findings: Finding[] = [];
    const uses = this.#usesOf(sha);
    const now = uses.filter((u) => !u.earlier);
    if (now.length === 0 || !now.some(cites)) return findings;
    const earlier = uses.filter((u) => u.earlier);
    if (earlier.length > 0) {
      const places = uniquePlaces([...now, ...earlier]);
      findings.push({
        kind: 'reused-from-earlier-year',
        identifier: null,
        places,
        detail: `同一文件（SHA-256 ${sha.slice(0, 12)}…）在 ${yearsOf(earlier)} 年的材料包里已经出现过：${listLabels(places, true)}。${newItemsNote(now)}${HINT}`,
      });
    }
    const alliances = new Set(now.map((u) => u.allianceId));
    const pages = new Map<string, Set<string>>();
    // Items citing one page of a file (or the whole of a one-page file, a photo) at once are a
    // finding; a document of several pages cited whole by several items (a members' list
    // cited by each new member) is how packages are made.
    // Only list items count here: flag and judged claims share documents by design (one white
    // paper for the four I10 claims, package-format.md).
    const onePage = (this.#files.get(sha)?.features.pageCount ?? 1) <= 1;
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
    return findings;
  }

  // 2. Similar images: a group of images each near another (a certificate photo re-saved in
  // three packages is one finding, not three), across alliances and against earlier years.
  #similarImages(members: readonly string[]): Finding[] {
    let distance = 0;
    for (const sha of members) for (const d of this.#imageEdges.get(sha)?.values() ?? []) distance = Math.max(distance, d);
    return groupFindings(
      members.flatMap((sha) => this.#usesOf(sha)),
      'similar-image',
      (count) => `${count} 张图片看起来几乎一样（像是同一张图重新保存、缩放、压缩或略有裁剪；感知哈希最多相差 ${distance}/64 位）`,
    );
  }

  // 3. Similar pages, grouped the same way.
  #similarPages(members: readonly string[]): Finding[] {
    let share = 1;
    for (const node of members) {
      for (const [other, s] of this.#pageEdges.get(node) ?? []) if (this.#pageEdgeCounts(node, other)) share = Math.min(share, s);
    }
    const uses = members.flatMap((node) => {
      const { sha256, page } = this.#pages.get(node) as PageNode;
      return this.#usesOf(sha256)
        .filter((u) => u.page === null || u.page === page)
        .map((u) => ({ ...u, page }));
    });
    return groupFindings(uses, 'similar-page', (count) => `${count} 页的文字几乎一样（两两至少约 ${Math.floor(share * 100)}% 相同）`);
  }

  // 4. Identifiers: from claim fields and from the pages of the files claims cite.
  #identifier(key: string): Finding[] {
    const findings: Finding[] = [];
    const list = [...(this.#occurrences.get(key)?.values() ?? [])].flat();
    const now = list.filter((o) => !o.earlier);
    if (now.length === 0 || !now.some(cites)) return findings;
    // The identifier as a finding names it: as a claim's field writes it, else as a page does;
    // of several, the one at the first place (whatever order the packages came in).
    const first = now.reduce((a, b) => (firstOccurrence(b, a) ? b : a));
    const value = first.identifier.value;
    const kindName = identifierKindNames[first.identifier.kind];
    const earlier = list.filter((o) => o.earlier);
    if (earlier.length > 0) {
      const places = uniquePlaces([...now, ...earlier]);
      findings.push({
        kind: 'reused-from-earlier-year',
        identifier: value,
        places,
        detail: `${kindName} ${value} 在 ${yearsOf(earlier)} 年的材料包里已经申报过：${listLabels(places, true)}。${newItemsNote(now)}${HINT}`,
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
      const k = `${o.allianceId}\u0000${o.year}\u0000${o.identifier.value}`;
      perPackage.set(k, [...(perPackage.get(k) ?? []), o]);
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
    return findings;
  }

  // 5. Dates: of one package alone.
  #dates(pkg: PreparedPackage): Finding[] {
    const findings: Finding[] = [];
    for (const item of pkg.datedItems) {
      const itemPlace: FindingPlace = { allianceId: pkg.allianceId, year: pkg.year, criterion: item.criterion, itemId: item.itemId, file: null, page: null };
      if (!item.date.startsWith(`${pkg.year}-`)) {
        findings.push({
          kind: 'date-outside-year',
          identifier: null,
          places: [itemPlace],
          detail: `${placeLabel(itemPlace)} 的日期 ${item.date} 不在考核年度 ${pkg.year} 年内。请核实这一项是否属于本年度。`,
        });
      }
      for (const use of item.uses) {
        const taken = pkg.files.get(use.sha256)?.features.photoDate ?? null;
        if (taken === null) continue;
        const days = daysBetween(taken, item.date);
        if (days === null || days <= EXIF_DAYS) continue;
        findings.push({
          kind: 'exif-date',
          identifier: null,
          places: [place(use)],
          detail: `照片 ${use.file ?? ''} 的拍摄日期（EXIF）是 ${taken}，与这一项的日期 ${item.date} 相差 ${days} 天：${placeLabel(use)}。相机时间可能没设对，请核实照片是否拍自这次活动。`,
        });
      }
    }
    return findings;
  }
}

/** Whether `a` names an identifier before `b`: a claim's field first, then by place, then as written. */
function firstOccurrence(a: PreparedOccurrence, b: PreparedOccurrence): boolean {
  const field = Number(b.source === 'field') - Number(a.source === 'field');
  if (field !== 0) return field < 0;
  const order = comparePlaces(a, b);
  if (order !== 0) return order < 0;
  return a.identifier.value < b.identifier.value;
}

const place = (u: FindingPlace): FindingPlace => ({ allianceId: u.allianceId, year: u.year, criterion: u.criterion, itemId: u.itemId, file: u.file, page: u.page });

function uniquePlaces(places: readonly FindingPlace[]): FindingPlace[] {
  const sorted = places.map(place).sort(comparePlaces);
  return sorted.filter((p, i) => i === 0 || !samePlace(p, sorted[i - 1] as FindingPlace));
}

const cites = (p: FindingPlace): boolean => p.criterion !== null;

const yearsOf = (earlier: readonly FindingPlace[]): string => [...new Set(earlier.map((u) => u.year))].sort().join('、');

function listLabels(places: readonly FindingPlace[], years: boolean): string {
  const shown = places.slice(0, 6).map((p) => placeLabel(p, { year: years }));
  return places.length > 6 ? `${shown.join('；')} 等 ${places.length} 处` : shown.join('；');
}

const HINT = '这只是提示，不是结论，也不改变分数：请对照原件核实。';

function newItemsNote(places: readonly FindingPlace[]): string {
  // Sorted, so the note is the same whatever order the places came in.
  const criteria = [...new Set(places.flatMap((p) => (p.criterion !== null && newItemsOnlyCriteria.has(p.criterion) ? [p.criterion] : [])))].sort();
  return criteria.length === 0 ? '' : `${criteria.join('、')} 只计当年新增的项，往年已申报过的这一项可能不能计分。`;
}

function textsDisagree(a: FileFeatures | undefined, b: FileFeatures | undefined): boolean {
  const fa = a?.pages.find((p) => p.page === 1)?.fingerprint ?? null;
  const fb = b?.pages.find((p) => p.page === 1)?.fingerprint ?? null;
  return fa !== null && fb !== null && fingerprintSimilarity(fa, fb) < IMAGE_TEXT_AGREEMENT;
}

/** How many images or pages the uses show: a file's page (or a picture) counted once. */
const shownCount = (uses: readonly Use[]): number => new Set(uses.map((u) => `${u.sha256}#${u.page ?? ''}`)).size;

/**
 * Similar things (images, pages): a finding across alliances, and a reuse when one is from an
 * earlier year. `what` words the group of `count` images or pages each finding lists: the
 * reuse counts the earlier years' too, the meeting's finding only this year's.
 */
function groupFindings(all: readonly Use[], kind: FindingKind, what: (count: number) => string): Finding[] {
  const findings: Finding[] = [];
  const now = all.filter((u) => !u.earlier);
  if (now.length === 0 || !now.some(cites)) return findings;
  const earlier = all.filter((u) => u.earlier);
  if (earlier.length > 0) {
    const places = uniquePlaces(all);
    findings.push({ kind: 'reused-from-earlier-year', identifier: null, places, detail: `${what(shownCount(all))}，其中有 ${yearsOf(earlier)} 年的材料包里已经用过的：${listLabels(places, true)}。${newItemsNote(now)}${HINT}` });
  }
  if (new Set(now.map((u) => u.allianceId)).size < 2) return findings;
  const places = uniquePlaces(now);
  findings.push({ kind, identifier: null, places, detail: `${what(shownCount(now))}，分别在：${listLabels(places, false)}。${HINT}` });
  return findings;
}

function daysBetween(a: string, b: string): number | null {
  const ta = Date.parse(`${a}T00:00:00Z`);
  const tb = Date.parse(`${b}T00:00:00Z`);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return null;
  return Math.round(Math.abs(ta - tb) / 86_400_000);
}
