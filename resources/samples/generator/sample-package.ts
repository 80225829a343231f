/**
 * Sample package: one invented alliance's self-assessment as the clerk receives it: a
 * manifest, its evidence files and its self-check report, and how it is delivered.
 *
 * - delivery: `zip` (UTF-8 names, as yazl or macOS write), `zip-top-folder` (everything under
 *   one folder, as Windows' "send to compressed folder" of a folder writes), `zip-gbk` (GBK
 *   names without the UTF-8 flag, as Chinese Windows zip tools write), or `folder`.
 * - file maker: makes one file's bytes on demand; files named twice are made once.
 * - intended warnings: the warning codes the package is built to show; every other sample
 *   shows none (checked by test/resources/samples.test.ts).
 */
import type { Manifest } from '../../../shared/package/manifest.ts';
import type { AllianceKind, Claim, ClaimItem } from '../../../shared/rubric/types.ts';
import { certificateKinds } from './certificate-kinds.ts';
import type { AllianceContext, DocItem } from './evidence-documents.ts';
import { certificates } from './evidence-documents.ts';
import type { Block, PdfSpec } from './pdf-document.ts';
import { renderPdf } from './pdf-document.ts';
import type { ImageFormat, Scene } from './raster-image.ts';
import { renderImage } from './raster-image.ts';

export type Delivery = 'zip' | 'zip-top-folder' | 'zip-gbk' | 'folder';

export type FileMaker = () => Promise<Uint8Array>;

export interface SamplePackage {
  /** The zip's name without `.zip`, or the folder's name. */
  readonly name: string;
  readonly delivery: Delivery;
  /** What the sample shows, for README.md. */
  readonly demonstrates: string;
  readonly intendedWarnings: readonly string[];
  readonly manifest: Manifest;
  /** Package path → maker, in the order the files are listed. */
  readonly files: ReadonlyMap<string, FileMaker>;
}

export interface AllianceProfile extends AllianceContext {
  readonly id: string;
  readonly kind: AllianceKind;
  readonly contact: { readonly name: string; readonly phone: string };
}

export interface SampleItem extends DocItem {
  /** Overrides the evidence the builder would give (`[]`: an item without evidence). */
  readonly evidence?: readonly string[] | undefined;
}

/** Short prefixes of item ids, per criterion name (`tc-1` for the first technology contract). */
const ID_PREFIX: Readonly<Record<string, string>> = {
  techContracts: 'tc',
  achievements: 'ach',
  projects: 'prj',
  newProducts: 'np',
  breakthroughs: 'bt',
  international: 'intl',
  services: 'svc',
  nationalIncubators: 'ni',
  provincialIncubators: 'pi',
  listings: 'lst',
  financialProducts: 'fp',
  leadStandards: 'ls',
  joinStandards: 'js',
  inventionPatents: 'pat',
  organizedEvents: 'oe',
  joinedEvents: 'je',
  newMembers: 'nm',
  bureauEvents: 'be',
  hostedEvents: 'he',
  majorProjects: 'mp',
};

export class PackageBuilder {
  readonly profile: AllianceProfile;
  private readonly files = new Map<string, FileMaker>();
  /** PDFs put together from several parts (certificates of several criteria), by path. */
  private readonly bundles = new Map<string, Block[]>();
  private readonly claims: Record<string, Claim> = {};

  constructor(profile: AllianceProfile) {
    this.profile = profile;
  }

  pdf(path: string, spec: PdfSpec): string {
    this.files.set(path, () => renderPdf(spec));
    return path;
  }

  /**
   * Appends the blocks of `spec` to the PDF at `path`, on a new page. Alliances bundle the
   * proof of one indicator into one file; sharing a file also shares its font subset, which
   * keeps the samples small.
   */
  bundle(path: string, spec: PdfSpec): string {
    this.appendToBundle(path, spec);
    return path;
  }

  /** Appends as `bundle` does; returns the page the appended blocks start on (1-based). */
  private appendToBundle(path: string, spec: PdfSpec): number {
    const existing = this.bundles.get(path);
    const start = existing === undefined ? 1 : pagesOf(existing) + 1;
    this.bundleBlocks(path, spec);
    return start;
  }

  private bundleBlocks(path: string, spec: PdfSpec): void {
    const blocks = this.bundles.get(path);
    if (blocks === undefined) {
      const made: Block[] = [...spec.blocks];
      this.bundles.set(path, made);
      const title = path.slice(path.lastIndexOf('/') + 1).replace(/\.pdf$/, '');
      this.files.set(path, () => renderPdf({ title, author: this.profile.name, blocks: made }));
    } else {
      blocks.push({ kind: 'pageBreak' }, ...spec.blocks);
    }
  }

  image(path: string, scene: Scene): string {
    const format: ImageFormat = /\.jpe?g$/i.test(path) ? 'jpeg' : 'png';
    this.files.set(path, () => renderImage(scene, format));
    return path;
  }

  flag(criterionId: string, evidence: readonly string[], note?: string): void {
    this.claims[criterionId] = { claimed: true, ...(note === undefined ? {} : { note }), evidence: [...evidence] };
  }

  /** A flag answered 否, with the reason. */
  claimNot(criterionId: string, note: string): void {
    this.claims[criterionId] = { claimed: false, note, evidence: [] };
  }

  judged(criterionId: string, value: number, evidence?: readonly string[]): void {
    this.claims[criterionId] = { value, ...(evidence === undefined ? {} : { evidence: [...evidence] }) };
  }

  /**
   * A list claim whose items are proven by one certificate PDF (a page per item) at `path`,
   * plus `extra` evidence for every item (an event photo).
   */
  certified(criterionId: string, path: string, items: readonly SampleItem[], extra: readonly string[] = []): void {
    const kind = certificateKinds[criterionId];
    if (kind === undefined) throw new Error(`no certificate kind for ${criterionId}`);
    const proven = items.filter((item) => item.evidence === undefined);
    if (proven.length === 0) {
      this.list(criterionId, items, [path, ...extra]);
      return;
    }
    // Each certificate is one page: an item cites its own page (`…#page=N`), as the format allows.
    const start = this.appendToBundle(path, certificates(this.profile, kind, proven));
    let k = 0;
    const cited = items.map((item) => (item.evidence !== undefined ? item : { ...item, evidence: [`${path}#page=${start + k++}`, ...extra] }));
    this.list(criterionId, cited, [path, ...extra]);
  }

  /** A list claim whose items all name the same evidence (a list document made by the caller). */
  list(criterionId: string, items: readonly SampleItem[], evidence: readonly string[]): void {
    const name = criterionId.slice(criterionId.indexOf('.') + 1);
    const prefix = ID_PREFIX[name] ?? name;
    const claimItems: ClaimItem[] = items.map((item, i) => ({
      id: `${prefix}-${i + 1}`,
      title: item.title,
      ...(item.date === undefined ? {} : { date: item.date }),
      ...(item.note === undefined ? {} : { note: item.note }),
      ...(item.amountWan === undefined ? {} : { amountWan: item.amountWan }),
      evidence: [...(item.evidence ?? evidence)],
    }));
    this.claims[criterionId] = { items: claimItems };
  }

  /** A file no claim names (for the warnings sample). */
  file(path: string, make: FileMaker): void {
    this.files.set(path, make);
  }

  build(options: {
    readonly name: string;
    readonly delivery: Delivery;
    readonly demonstrates: string;
    readonly intendedWarnings?: readonly string[] | undefined;
    readonly selfReport: (manifest: Manifest) => PdfSpec;
  }): SamplePackage {
    const p = this.profile;
    const manifest: Manifest = {
      format: 'alliance-review/package',
      version: 1,
      year: p.year,
      rubric: 'hefei-2017',
      alliance: { id: p.id, name: p.name, kind: p.kind, leadOrganization: p.lead, contact: { name: p.contact.name, phone: p.contact.phone } },
      selfReport: '自查报告.pdf',
      claims: { ...this.claims },
    };
    const files = new Map<string, FileMaker>();
    const text = `${JSON.stringify(manifest, null, 2)}\n`;
    files.set('manifest.json', () => Promise.resolve(new TextEncoder().encode(text)));
    const report = options.selfReport(manifest);
    files.set('自查报告.pdf', () => renderPdf(report));
    for (const [path, make] of [...this.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) files.set(path, make);
    return {
      name: options.name,
      delivery: options.delivery,
      demonstrates: options.demonstrates,
      intendedWarnings: options.intendedWarnings ?? [],
      manifest,
      files,
    };
  }
}

/** Pages of a bundle's blocks: one more than its page breaks (each certificate fits one page). */
function pagesOf(blocks: readonly Block[]): number {
  return blocks.filter((b) => b.kind === 'pageBreak').length + 1;
}
