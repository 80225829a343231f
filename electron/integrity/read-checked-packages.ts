/**
 * Checked packages from package files (a zip or a folder each), for `alliance-review
 * cross-check`: each package read and checked once (check-package.ts), the features of each of
 * its images and PDFs read from their bytes as they stream past (the reader's sink), once per
 * content hash (`FeatureCache`): a file two packages share is read once.
 *
 * With `ocr`, the files OCR reads (scanned PDFs, photos, TIFF and HEIC pages: `reads`) are
 * spooled to a folder as they stream past, read by OCR once the package is checked, once per
 * content hash, and removed; their OCR pages join their features as the app's stored OCR
 * joins them (`withOcrPages`, as meeting-cross-check.ts does), so the findings are the app's.
 * Only one package's spooled files are on disk at a time.
 *
 * Invalid input, reported as package problems: a package that is not valid, and two packages
 * of one alliance and year (the cross-check could not tell their places apart).
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvidenceType } from '../../shared/evidence/evidence-type.ts';
import type { CheckedPackage, FileFeatures } from '../../shared/integrity/cross-check.ts';
import type { PackageProblem } from '../../shared/package/problem.ts';
import { checkPackage } from '../package-reader/check-package.ts';
import { signatureType } from '../package-reader/inspect-evidence.ts';
import { resolveLimits } from '../package-reader/limits.ts';
import { bothSinks, type FileSink } from '../package-reader/read-package.ts';
import { featureTypes } from './feature-store.ts';
import { noFeatures, readFileFeatures, withOcrPages, type FeatureCache, type OcrPageText } from './file-features.ts';

export interface PackageToCheck {
  readonly path: string;
  readonly earlier: boolean;
}

/** A file for OCR: spooled, of a type OCR reads, in the package named. */
export interface OcrFile {
  readonly sha256: string;
  readonly path: string;
  /** Its type from its content. */
  readonly type: EvidenceType;
  /** Where its bytes are, until `read` is done. */
  readonly spooled: string;
  /** Its pages with a text layer (they need no OCR). */
  readonly ownText: ReadonlySet<number>;
  readonly allianceId: string;
  readonly year: number;
  readonly earlier: boolean;
}

export interface PackageOcr {
  /** A folder for the spooled files (the caller makes it and removes it). */
  readonly spoolDir: string;
  /** Whether OCR reads a file of this type. */
  reads(type: EvidenceType): boolean;
  /** The file's OCR pages. */
  read(file: OcrFile): Promise<readonly OcrPageText[]>;
}

export type ReadCheckedPackages =
  | { readonly ok: true; readonly packages: readonly CheckedPackage[] }
  | { readonly ok: false; readonly problems: readonly CrossCheckProblem[] };

/** A package's errors, or the cross-check's own (`cross-check-same-alliance-year`), one a line. */
export interface CrossCheckProblem {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

export async function readCheckedPackages(
  inputs: readonly PackageToCheck[],
  options: { cache?: FeatureCache; ocr?: PackageOcr } = {},
): Promise<ReadCheckedPackages> {
  const cache = options.cache ?? new Map<string, FileFeatures>();
  const limits = resolveLimits(undefined);
  const packages: CheckedPackage[] = [];
  const problems: CrossCheckProblem[] = [];
  const seen = new Map<string, string>();
  // By content hash, for every package: a file two packages hold is read by OCR once.
  const ocrTexts = new Map<string, readonly OcrPageText[]>();
  for (const input of inputs) {
    const featureSink = ({ size }: { path: string; size: number }): FileSink | undefined => {
      if (size > limits.maxInspectBytes) return undefined;
      const chunks: Uint8Array[] = [];
      return {
        write(chunk) {
          chunks.push(chunk);
        },
        async finish(file) {
          if (cache.get(file.sha256) !== undefined) return;
          const bytes = new Uint8Array(Buffer.concat(chunks));
          chunks.length = 0;
          const type = signatureType(bytes.subarray(0, 1024));
          cache.set(file.sha256, type !== null && featureTypes.has(type) ? await readFileFeatures(bytes, type as EvidenceType) : noFeatures);
        },
        abort() {
          chunks.length = 0;
        },
      };
    };
    const spooled = new Set<string>();
    const ocr = options.ocr;
    const openFile =
      ocr === undefined ? featureSink : bothSinks(featureSink, ocrSpool(ocr, (sha256) => !ocrTexts.has(sha256) && !spooled.has(sha256), (sha256) => spooled.add(sha256)));
    let check;
    try {
      check = await checkPackage(input.path, { openFile });
      if (!check.valid || check.manifest === null) {
        problems.push(...check.problems.filter((p: PackageProblem) => p.severity === 'error'));
        continue;
      }
      if (ocr !== undefined) {
        for (const file of check.reading.files) {
          if (!spooled.has(file.sha256) || ocrTexts.has(file.sha256)) continue;
          const type = check.reading.inspections.get(file.path)?.type;
          if (type === undefined || !ocr.reads(type)) continue;
          const ownText = new Set((cache.get(file.sha256)?.pages ?? []).filter((p) => p.text === 'document').map((p) => p.page));
          const spooledAt = join(ocr.spoolDir, file.sha256);
          const { alliance, year } = check.manifest;
          ocrTexts.set(file.sha256, await ocr.read({ sha256: file.sha256, path: file.path, type, spooled: spooledAt, ownText, allianceId: alliance.id, year, earlier: input.earlier }));
          spooled.delete(file.sha256);
          await rm(spooledAt, { force: true });
        }
      }
    } finally {
      // The declarations' bytes, an invalid package's: nothing reads them.
      if (ocr !== undefined) for (const sha256 of spooled) await rm(join(ocr.spoolDir, sha256), { force: true });
    }
    const { alliance, year, claims, selfReport } = check.manifest;
    const key = `${alliance.id} ${year}`;
    const twin = seen.get(key);
    if (twin !== undefined) {
      problems.push({
        code: 'cross-check-same-alliance-year',
        path: check.reading.name,
        message: `“${check.reading.name}”和“${twin}”都是 ${alliance.id} ${year} 年的材料包，一次核查只能有一个。请只保留其中一个（通常是较新的版本）后重试。`,
      });
      continue;
    }
    seen.set(key, check.reading.name);
    const declarations = new Set(['manifest.json', check.reading.workbook?.path]);
    packages.push({
      allianceId: alliance.id,
      year,
      earlier: input.earlier,
      claims,
      selfReport,
      files: check.reading.files
        .filter((f) => !declarations.has(f.path))
        .map((f) => ({ path: f.path, sha256: f.sha256, features: withOcrPages(cache.get(f.sha256) ?? noFeatures, ocrTexts.get(f.sha256) ?? null) })),
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, packages };
}

/** The bytes `signatureType` looks at; a file's first chunk is held until it has them. */
const HEAD_BYTES = 1024;

const written = (out: WriteStream, chunk: Uint8Array): Promise<void> =>
  new Promise((done, fail) => {
    out.write(chunk, (error) => (error ? fail(error) : done()));
  });
const ended = (out: WriteStream): Promise<void> => new Promise((done) => out.end(done));

/**
 * Writes a file OCR reads (its head says so: a PDF, a picture) to `<spoolDir>/<sha256>` as it
 * streams past, unless `wanted` says that content is read already; other files are not written.
 */
function ocrSpool(ocr: PackageOcr, wanted: (sha256: string) => boolean, spooled: (sha256: string) => void): (file: { path: string; size: number }) => FileSink {
  return () => {
    const temp = join(ocr.spoolDir, `.part-${randomBytes(6).toString('hex')}`);
    let head: Uint8Array[] = [];
    let headBytes = 0;
    let decided = false;
    let out: WriteStream | null = null;
    const decide = async (): Promise<void> => {
      decided = true;
      const bytes = Buffer.concat(head);
      head = [];
      const type = signatureType(bytes.subarray(0, HEAD_BYTES));
      if (type === null || type === 'ole' || !ocr.reads(type)) return;
      out = createWriteStream(temp);
      await written(out, bytes);
    };
    return {
      async write(chunk) {
        if (decided) {
          if (out !== null) await written(out, chunk);
          return;
        }
        head.push(chunk);
        headBytes += chunk.length;
        if (headBytes >= HEAD_BYTES) await decide();
      },
      async finish(file) {
        if (!decided) await decide();
        if (out === null) return;
        await ended(out);
        if (wanted(file.sha256)) {
          await rename(temp, join(ocr.spoolDir, file.sha256));
          spooled(file.sha256);
        } else {
          await rm(temp, { force: true });
        }
      },
      async abort() {
        head = [];
        if (out === null) return;
        await ended(out);
        await rm(temp, { force: true });
      },
    };
  };
}
