/**
 * Prepared package: everything the cross-check (cross-check.ts) derives from one package alone,
 * before comparing it with any other: its uses, the identifiers of its claims' fields and of the
 * pages its claims cite, its dated items, and for each file the keys the cross-package indexes
 * file it under (the perceptual hash's segments, the page fingerprints' bands). It depends on
 * nothing but the package (its claims and its files' features), so it is made once and kept for
 * as long as those stay the same: the cross-check of a meeting one package larger prepares that
 * one package only.
 *
 * - use: one place a claim names a file: the criterion, the item (null for a flag or judged
 *   claim), the file and the page of `#page=N` (null: the whole file). A file no claim names
 *   has one use with a null criterion: it can be a place of a finding, but a finding needs at
 *   least one place a claim names (nothing rests on files nobody cited).
 * - occurrence: one identifier at one place, and its source: a claim's own fields (`field`),
 *   or one page of one file (`<sha256>#<page>`). Two places that name an identifier through one
 *   source (two items citing one contract page) are the same-file finding's business, not
 *   another same-identifier finding.
 */
import type { Claim } from '../rubric/types.ts';
import { parseEvidenceReference } from '../package/evidence-reference.ts';
import { normalizePackagePath } from '../package/package-path.ts';
import type { CheckedPackage, FileFeatures } from './checked-package.ts';
import type { FindingPlace } from './finding.ts';
import { extractIdentifiers, type Identifier } from './identifiers.ts';
import { fingerprintBands } from './page-fingerprint.ts';
import { hashHalves, hashSegments } from './perceptual-hash.ts';

export interface PreparedUse extends FindingPlace {
  readonly sha256: string;
}

export interface PreparedOccurrence extends FindingPlace {
  readonly source: string;
  readonly identifier: Identifier;
  readonly fromOcr: boolean;
}

/** An item with a date, and the uses of its evidence (for the dates' findings). */
export interface DatedItem {
  readonly criterion: string;
  readonly itemId: string | null;
  readonly date: string;
  readonly uses: readonly PreparedUse[];
}

export interface PreparedPage {
  readonly page: number;
  readonly fingerprint: string;
  readonly bands: readonly string[];
}

export interface PreparedFile {
  readonly sha256: string;
  readonly features: FileFeatures;
  /** The perceptual hash as halves and its bucket keys, for an image. */
  readonly image: { readonly halves: readonly [number, number]; readonly segments: readonly number[] } | null;
  /** The pages with a fingerprint. */
  readonly pages: readonly PreparedPage[];
}

export interface PreparedPackage {
  readonly allianceId: string;
  readonly year: number;
  readonly uses: readonly PreparedUse[];
  readonly occurrences: readonly PreparedOccurrence[];
  readonly datedItems: readonly DatedItem[];
  /** By content hash: every file of the package has at least one use. */
  readonly files: ReadonlyMap<string, PreparedFile>;
}

function claimItems(claim: Claim): { itemId: string | null; title?: string; note?: string; date?: string; evidence: readonly string[] }[] {
  if ('items' in claim) return claim.items.map((item) => ({ itemId: item.id, title: item.title, ...(item.note === undefined ? {} : { note: item.note }), ...(item.date === undefined ? {} : { date: item.date }), evidence: item.evidence }));
  if ('claimed' in claim) return [{ itemId: null, ...(claim.note === undefined ? {} : { note: claim.note }), evidence: claim.claimed ? claim.evidence : [] }];
  return [{ itemId: null, evidence: claim.evidence ?? [] }];
}

/** The key of a claim's item: two places of one item name it through one claim. */
export const claimKey = (p: FindingPlace): string => `${p.allianceId}\u0000${p.year}\u0000${p.criterion ?? ''}\u0000${p.itemId ?? ''}`;

const placeOf = (u: FindingPlace): FindingPlace => ({ allianceId: u.allianceId, year: u.year, criterion: u.criterion, itemId: u.itemId, file: u.file, page: u.page });

export function preparePackage(pkg: CheckedPackage): PreparedPackage {
  const byPath = new Map(pkg.files.map((f) => [f.path, f]));
  const uses: PreparedUse[] = [];
  const occurrences: PreparedOccurrence[] = [];
  const dated: Omit<DatedItem, 'uses'>[] = [];
  const cited = new Set<string>();
  const at = { allianceId: pkg.allianceId, year: pkg.year };
  for (const criterion of Object.keys(pkg.claims).sort()) {
    const claim = pkg.claims[criterion];
    if (claim === undefined) continue;
    for (const item of claimItems(claim)) {
      for (const text of [item.title ?? '', item.note ?? '']) {
        if (text === '') continue;
        for (const identifier of extractIdentifiers(text)) occurrences.push({ ...at, criterion, itemId: item.itemId, file: null, page: null, source: 'field', identifier, fromOcr: false });
      }
      if (item.date !== undefined) dated.push({ criterion, itemId: item.itemId, date: item.date });
      for (const reference of item.evidence) {
        const target = parseEvidenceReference(reference);
        if (!target.ok) continue;
        const path = normalizePackagePath(target.path);
        const file = byPath.get(path);
        if (file === undefined) continue;
        cited.add(path);
        uses.push({ ...at, criterion, itemId: item.itemId, file: path, page: target.page, sha256: file.sha256 });
      }
    }
  }
  for (const file of pkg.files) {
    if (cited.has(file.path)) continue;
    uses.push({ ...at, criterion: null, itemId: null, file: file.path, page: null, sha256: file.sha256 });
  }

  const datedItems = dated.map((d) => ({ ...d, uses: uses.filter((u) => u.criterion === d.criterion && u.itemId === d.itemId) }));

  const files = new Map<string, PreparedFile>();
  for (const file of pkg.files) {
    if (files.has(file.sha256)) continue;
    const { features } = file;
    const halves = features.imageHash === null ? null : hashHalves(features.imageHash);
    files.set(file.sha256, {
      sha256: file.sha256,
      features,
      image: halves === null ? null : { halves, segments: hashSegments(halves) },
      pages: features.pages.flatMap((p) => (p.fingerprint === null ? [] : [{ page: p.page, fingerprint: p.fingerprint, bands: fingerprintBands(p.fingerprint) }])),
    });
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
    for (const p of files.get(use.sha256)?.features.pages ?? []) {
      if (use.page !== null && use.page !== p.page) continue;
      const owners = use.page === null ? citedPages.get(use.sha256)?.get(p.page) : undefined;
      if (owners !== undefined && !owners.has(claimKey(use))) continue;
      for (const identifier of p.identifiers) {
        occurrences.push({ ...placeOf(use), page: p.page, source: `${use.sha256}#${p.page}`, identifier, fromOcr: p.text === 'ocr' });
      }
    }
  }
  return { allianceId: pkg.allianceId, year: pkg.year, uses, occurrences, datedItems, files };
}
