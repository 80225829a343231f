/**
 * Test helper: the one way tests build alliance packages (package-format.md) and other real
 * zips and folders. A package is a set of files at package paths; it is written as a real zip
 * (yazl, the way ordinary tools make them: UTF-8 names with the UTF-8 flag, deflate), as a zip
 * Buffer, or as a real folder. Content is small but real: bytes that hash, PDFs that start
 * like PDFs, PNGs with the PNG signature.
 *
 *   const pkg = alliancePackage(manifest({ year: 2025 }))   // manifest.json + every named file
 *     .with('其他/未引用的文件.txt', '…')                     // an extra file
 *     .without('白皮书.pdf');                                 // a missing one
 *   await pkg.writeZip(join(dir, 'p.zip'));                   // or pkg.writeFolder(dir), pkg.zipBuffer()
 *
 * Each test changes the defaults in exactly the way the test is about. Zips that no ordinary
 * tool would make (GBK names, lying headers, bombs) come from raw-zip.ts instead.
 */
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import yazl from 'yazl';
import type { AllianceKind, Claims } from '../../shared/rubric/types.ts';
import { specDigest } from './spec-digest.ts';
import { minimalJpeg, minimalPdf } from './evidence-bytes.ts';

export type Json = Record<string, unknown>;
export type Content = string | Uint8Array;
export type FileList = Iterable<readonly [string, Content]>;

// ---------------------------------------------------------------------------------------------
// Manifests

/**
 * Three claims that score a self total of 6.5 (fail): I1.office (a photo, 2), two tech
 * contracts (2) and I10.status 2.5 without evidence.
 */
export function sampleClaims(): Json {
  return {
    'I1.office': { claimed: true, evidence: ['制度建设/办公室照片.png'] },
    'I4.techContracts': {
      items: [
        { id: 'tc-1', title: '语音识别技术许可合同', date: '2026-05-12', evidence: ['成果转化/技术合同1.pdf'] },
        { id: 'tc-2', title: '声学模型联合开发合同', date: '2026-08-01', evidence: ['成果转化/技术合同2.pdf'] },
      ],
    },
    'I10.status': { value: 2.5 },
  };
}

/**
 * One claim of every shape the manifest validator knows, each with evidence: a flag, a list
 * item with a note, a value with evidence and a list item with an amount.
 */
export function everyShapeClaims(): Json {
  return {
    'I1.office': { claimed: true, evidence: ['制度建设/办公室照片.jpg'] },
    'I4.techContracts': {
      items: [
        { id: 'tc-1', title: '语音识别技术许可合同', date: '2026-05-12', note: '登记号 1', evidence: ['成果转化/技术合同1.pdf'] },
      ],
    },
    'I10.status': { value: 2.5, evidence: ['白皮书.pdf'] },
    'B2.majorProjects': {
      items: [{ id: 'mp-1', title: '某项目', amountWan: 52000, evidence: ['招商/mp1.pdf'] }],
    },
  };
}

export interface ManifestOverrides extends Json {
  /** Merged over the default alliance, so `{ id: 'HFA-020' }` keeps the default contact. */
  readonly alliance?: Json;
  readonly claims?: Json | Claims;
}

/**
 * A small valid manifest for hefei-2017 (alliance HFA-012, `sampleClaims()`); every key of
 * `overrides` replaces the default, `alliance` is merged over the default alliance. Keys keep
 * the order of package-format.md, so error positions (line, column) stay where tests expect.
 */
export function manifest(overrides: ManifestOverrides = {}): Json {
  const { alliance, ...rest } = overrides;
  const m: Json = {
    format: 'alliance-review/package',
    version: 1,
    year: 2026,
    rubric: 'hefei-2017',
    alliance: {
      id: 'HFA-012',
      name: '合肥市智能语音产业技术创新战略联盟',
      kind: 'general',
      leadOrganization: '合肥某某科技有限公司',
      contact: { name: '张三', phone: '0551-00000000' },
      ...alliance,
    },
    selfReport: '自查报告.pdf',
    claims: sampleClaims(),
  };
  // Assigned one by one: a default key keeps its place, a new key goes last.
  for (const [key, value] of Object.entries(rest)) m[key] = value;
  return m;
}

/** The manifest of alliance `id` with `claims`, named 合肥市<id>产业技术创新战略联盟 unless named. */
export function allianceManifest(id: string, claims: Claims | Json, options: { name?: string; kind?: AllianceKind } = {}): Json {
  return manifest({ alliance: { id, name: options.name ?? `合肥市${id}产业技术创新战略联盟`, kind: options.kind ?? 'general' }, claims });
}

/** Every path the manifest names (selfReport and evidence), as given. */
export function namedPaths(m: Json): string[] {
  const paths: unknown[] = [m['selfReport']];
  const claims = m['claims'];
  if (claims !== null && typeof claims === 'object' && !Array.isArray(claims)) {
    for (const claim of Object.values(claims as Record<string, unknown>)) {
      if (claim === null || typeof claim !== 'object') continue;
      const { evidence, items } = claim as { evidence?: unknown; items?: unknown };
      if (Array.isArray(evidence)) paths.push(...(evidence as unknown[]));
      if (Array.isArray(items)) {
        for (const item of items as { evidence?: unknown }[]) if (Array.isArray(item?.evidence)) paths.push(...(item.evidence as unknown[]));
      }
    }
  }
  // Only what a file could be named by: a test that breaks a path on purpose gets no file for it.
  return paths.filter((p): p is string => typeof p === 'string' && p !== '');
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The small file written for a named path: it starts the way its kind starts (so content
 * sniffing agrees with the name) and names its path and alliance, so files differ by content.
 */
export function sampleContent(path: string, allianceId = ''): Buffer {
  const label = allianceId === '' ? path : `${allianceId} ${path}`;
  const lower = path.toLowerCase();
  if (lower.endsWith('.pdf')) return Buffer.from(minimalPdf(label));
  if (lower.endsWith('.jpg') || lower.endsWith('.jpeg')) return Buffer.from(minimalJpeg(label));
  if (lower.endsWith('.png')) return Buffer.concat([Buffer.from(PNG_SIGNATURE), Buffer.from(label, 'utf8')]);
  return Buffer.from(`内容 ${label}\n`, 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Packages

function bytes(content: Content): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
}

/** A package written to disk: where it is, and what it says, to compare with what the app read. */
export interface TestPackage {
  readonly path: string;
  readonly allianceId: string;
  readonly name: string;
  /** Computed here from package-format.md's words, apart from the reader's digest. */
  readonly digest: string;
  readonly claims: Claims;
  readonly manifest: Json;
}

export interface ZipOptions {
  /** A folder every name is put under, as when someone zips the package's folder. */
  readonly prefix?: string;
  /** Deflate (default) or store. */
  readonly compress?: boolean;
  /** Entries read from a stream with a declared size, for files too big to hold in memory. */
  readonly streams?: Iterable<readonly [string, Readable, number]>;
}

/** Files at package paths; `with`/`without` return a changed copy, so a base can be reused. */
export class PackageBuilder implements Iterable<[string, Buffer]> {
  readonly #files: ReadonlyMap<string, Buffer>;

  constructor(files: FileList | Record<string, Content> = []) {
    const list: FileList = Symbol.iterator in files ? (files as FileList) : Object.entries(files);
    this.#files = new Map([...list].map(([path, content]) => [path, bytes(content)]));
  }

  /** A copy with these files added or replaced. */
  with(path: string, content: Content): PackageBuilder;
  with(files: FileList | Record<string, Content>): PackageBuilder;
  with(pathOrFiles: string | FileList | Record<string, Content>, content?: Content): PackageBuilder {
    const added = typeof pathOrFiles === 'string' ? [[pathOrFiles, content ?? '']] as const : new PackageBuilder(pathOrFiles);
    return new PackageBuilder([...this, ...added]);
  }

  /** A copy without these files. */
  without(...paths: string[]): PackageBuilder {
    return new PackageBuilder([...this].filter(([path]) => !paths.includes(path)));
  }

  /** A copy whose self-check report differs by `note`: a new version of the same package. */
  newVersion(note: string): PackageBuilder {
    const path = this.manifest['selfReport'] as string;
    return this.with(path, Buffer.concat([this.get(path) ?? Buffer.alloc(0), Buffer.from(`% ${note}\n`, 'utf8')]));
  }

  /** A copy with a new manifest.json (for a test that changes the manifest after the files). */
  withManifest(m: Json): PackageBuilder {
    return this.with('manifest.json', manifestText(m));
  }

  [Symbol.iterator](): Iterator<[string, Buffer]> {
    return this.#files.entries();
  }

  get(path: string): Buffer | undefined {
    return this.#files.get(path);
  }

  get paths(): string[] {
    return [...this.#files.keys()];
  }

  /** The package digest of package-format.md, computed from the spec's words (spec-digest.ts). */
  get digest(): string {
    return specDigest(this);
  }

  /** manifest.json, parsed; throws when the package has none (or a broken one on purpose). */
  get manifest(): Json {
    const text = this.get('manifest.json');
    if (text === undefined) throw new Error('package-builder: this package has no manifest.json');
    return JSON.parse(text.toString('utf8')) as Json;
  }

  get allianceId(): string {
    return (this.manifest['alliance'] as { id: string }).id;
  }

  get name(): string {
    return (this.manifest['alliance'] as { name: string }).name;
  }

  get claims(): Claims {
    return this.manifest['claims'] as Claims;
  }

  /**
   * Writes the package at `path`, as a zip when the path ends in .zip and as a folder
   * otherwise, and says what was written for tests to compare with what the app read.
   */
  async write(path: string): Promise<TestPackage> {
    const written = path.toLowerCase().endsWith('.zip') ? await this.writeZip(path) : this.writeFolder(path);
    return { path: written, allianceId: this.allianceId, name: this.name, digest: this.digest, claims: this.claims, manifest: this.manifest };
  }

  /** Writes every file under the folder `dir` (made if missing); returns `dir`. */
  writeFolder(dir: string): string {
    mkdirSync(dir, { recursive: true });
    for (const [path, content] of this) {
      const target = join(dir, ...path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    return dir;
  }

  /** Writes the files as the zip `file`; returns `file`. */
  async writeZip(file: string, options: ZipOptions = {}): Promise<string> {
    const zip = this.#zip(options);
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(file);
      out.on('close', () => resolve());
      out.on('error', reject);
      zip.outputStream.on('error', reject);
      zip.outputStream.pipe(out);
    });
    return file;
  }

  /** The zip's bytes, for readers that take a Buffer. */
  async zipBuffer(options: ZipOptions = {}): Promise<Buffer> {
    const zip = this.#zip(options);
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    zip.outputStream.pipe(sink);
    for await (const chunk of sink) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  #zip(options: ZipOptions): yazl.ZipFile {
    const prefix = options.prefix ?? '';
    const zip = new yazl.ZipFile();
    // A fixed time, so the same files always make the same zip bytes.
    const mtime = new Date('2026-12-01T00:00:00Z');
    for (const [path, content] of this) zip.addBuffer(content, prefix + path, { mtime, compress: options.compress ?? true });
    for (const [path, stream, size] of options.streams ?? []) zip.addReadStream(stream, prefix + path, { mtime, compress: false, size });
    zip.end();
    return zip;
  }
}

function manifestText(m: Json): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** A package: manifest.json (default `manifest()`) and a small file for every path it names. */
export function alliancePackage(m: Json = manifest()): PackageBuilder {
  const id = (m['alliance'] as { id?: unknown } | undefined)?.id;
  const allianceId = typeof id === 'string' ? id : '';
  return new PackageBuilder([['manifest.json', manifestText(m)], ...namedPaths(m).map((path) => [path, sampleContent(path, allianceId)] as const)]);
}

/** Exactly these files (a zip or folder that is not a package, or is broken on purpose). */
export function packageFiles(files: FileList | Record<string, Content>): PackageBuilder {
  return new PackageBuilder(files);
}
