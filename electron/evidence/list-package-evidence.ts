/**
 * Package evidence list: every file of a package with what its inspection found
 * (inspect-evidence.ts), for `alliance-review evidence`. The files of a zip inside the package
 * (one level deep) are listed too, each as `<zip path>/<member path>`, read from the zip's
 * bytes in memory, never unpacked to disk.
 *
 * - limits: a zip inside the package counts in the package's limits (limits.ts): its members
 *   in the entry count, their unpacked sizes in the total, each member's compression ratio as a
 *   package entry's, and no member is held beyond `maxInspectBytes` (a larger one is hashed
 *   while streamed and inspected from its head). Past a limit the package is refused, as the
 *   reader refuses one.
 * - order: by the UTF-8 bytes of the paths, as the digest orders them.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unsupportedProblem, type EvidenceInspection } from '../../shared/evidence/evidence-inspection.ts';
import { normalizePackagePath } from '../../shared/package/package-path.ts';
import { hasErrors, problem, type PackageProblem } from '../../shared/package/problem.ts';
import { formatBytes } from '../../shared/format/format-bytes.ts';
import { checkPackage, type PackageCheck } from '../package-reader/check-package.ts';
import { compareUtf8Paths } from '../package-reader/digest.ts';
import { resolveLimits, type PackageLimits } from '../package-reader/limits.ts';
import { bothSinks, type FileSink } from '../package-reader/read-package.ts';
import { isSystemFile } from '../package-reader/system-files.ts';
import { inspectEvidence } from '../package-reader/inspect-evidence.ts';
import { openZipInMemory } from '../package-reader/inspect/zip-members.ts';

export interface EvidenceEntry extends EvidenceInspection {
  readonly path: string;
  readonly sha256: string;
  /** With `spoolDir`: where the file's bytes were written (`<spoolDir>/<sha256>`); else null. */
  readonly spooled: string | null;
}

export interface EvidenceList {
  readonly check: PackageCheck;
  /** Every file, zip members included, in UTF-8 byte order of their paths. */
  readonly files: readonly EvidenceEntry[];
  /** The check's problems and those of the zips inside (limits). */
  readonly problems: readonly PackageProblem[];
  readonly valid: boolean;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** Keeps the bytes of files that start like a zip (a zip inside the package may be one), up to `cap`. */
function zipCollector(cap: number, into: Map<string, Uint8Array>): (file: { path: string; size: number }) => FileSink | undefined {
  return ({ path, size }) => {
    if (size > cap || size < ZIP_SIGNATURE.length) return undefined;
    const chunks: Uint8Array[] = [];
    let length = 0;
    let zipLike: boolean | null = null;
    return {
      write(chunk) {
        if (zipLike === null) zipLike = ZIP_SIGNATURE.every((b, i) => chunk[i] === b);
        if (!zipLike) return;
        chunks.push(chunk);
        length += chunk.length;
      },
      finish() {
        if (zipLike === true) into.set(path, new Uint8Array(Buffer.concat(chunks, length)));
      },
      abort() {
        chunks.length = 0;
      },
    };
  };
}

/**
 * Writes each file's bytes to `<dir>/<sha256>` as they stream by, for commands that read files
 * again after the listing (`evidence --text`, OCR): the reader's own limits bound what is written.
 */
function spooler(dir: string): (file: { path: string; size: number }) => FileSink {
  return () => {
    const temp = join(dir, `.part-${randomBytes(6).toString('hex')}`);
    const out = createWriteStream(temp);
    return {
      write: (chunk) =>
        new Promise<void>((done, fail) => {
          out.write(chunk, (error) => (error ? fail(error) : done()));
        }),
      finish: async (file) => {
        await new Promise<void>((done) => out.end(done));
        await rename(temp, join(dir, file.sha256));
      },
      abort: async () => {
        await new Promise<void>((done) => out.end(done));
        await rm(temp, { force: true });
      },
    };
  };
}

export interface ListOptions {
  readonly limits?: Partial<PackageLimits>;
  /** A folder to keep every listed file's bytes in, by SHA-256 (the caller removes it). */
  readonly spoolDir?: string;
}

export async function listPackageEvidence(path: string, options: ListOptions = {}): Promise<EvidenceList> {
  const limits = resolveLimits(options.limits);
  const zips = new Map<string, Uint8Array>();
  const spoolDir = options.spoolDir ?? null;
  const collect = zipCollector(limits.maxInspectBytes, zips);
  const openFile = spoolDir === null ? collect : bothSinks(collect, spooler(spoolDir));
  const check = await checkPackage(path, { limits, openFile });
  const spooledAt = (sha256: string): string | null => (spoolDir === null ? null : join(spoolDir, sha256));
  const problems: PackageProblem[] = [...check.problems];
  const files: EvidenceEntry[] = [];
  if (!check.valid) return { check, files, problems, valid: false };
  let entries = check.reading.files.length;
  let total = check.reading.files.reduce((sum, f) => sum + f.size, 0);
  for (const file of check.reading.files) {
    const inspection = check.reading.inspections.get(file.path);
    if (inspection === undefined) continue;
    // The declaration (manifest.json or the 自查表) is read by the program, not shown to experts as evidence.
    const declaration = file.path === 'manifest.json' || file.path === check.reading.workbook?.path;
    files.push({ path: file.path, sha256: file.sha256, ...inspection, ...(declaration ? { problem: null } : {}), spooled: spooledAt(file.sha256) });
    const bytes = zips.get(file.path);
    zips.delete(file.path);
    if (inspection.type !== 'zip' || bytes === undefined) continue;
    const opened = await openZipInMemory(bytes, limits.maxEntries - entries);
    if (!opened.ok) {
      if (opened.reason === 'too-many-entries') {
        problems.push(problem('limit-entry-count', file.path, `包里的压缩包“${file.path}”连同包里的其他文件超过了条目数上限 ${limits.maxEntries} 个，不能列出其中的文件。请让联盟解压后把文件直接放进材料包。`));
        break;
      }
      continue; // A damaged inner zip is already warned about (file-not-viewable).
    }
    const zip = opened.zip;
    try {
      for (const member of zip.members) {
        const memberPath = normalizePackagePath(member.name);
        if (member.directory || isSystemFile(memberPath)) continue;
        entries += 1;
        total += member.size;
        const where = `${file.path}/${memberPath}`;
        if (total > limits.maxTotalBytes) {
          problems.push(problem('limit-total-size', where, `材料包连同其中压缩包“${file.path}”里的文件解压后超过了上限 ${formatBytes(limits.maxTotalBytes)}，拒绝列出（可能是“压缩炸弹”）。`));
          break;
        }
        if (member.size > limits.ratioMinBytes && member.size > limits.maxCompressionRatio * member.packedSize) {
          problems.push(problem('limit-compression-ratio', where, `压缩包“${file.path}”里的这个文件压缩比超过了 ${limits.maxCompressionRatio}:1，是“压缩炸弹”的特征，拒绝列出。`));
          break;
        }
        const read = await zip.hashed(member, limits.maxInspectBytes);
        if (read === null) continue;
        // A member held whole is spooled from memory (before the inspection consumes its bytes).
        let spooled: string | null = null;
        if (spoolDir !== null && read.head.length >= member.size) {
          spooled = join(spoolDir, read.sha256);
          await writeFile(spooled, read.head);
        }
        const inspection = await inspectEvidence({ path: where, bytes: read.head, size: member.size });
        // One level deep: the viewer lists a zip in the zip but does not open it.
        const nested = inspection.type === 'zip' ? { viewable: false, problem: unsupportedProblem(where, 'zip') } : {};
        files.push({ path: where, sha256: read.sha256, ...inspection, ...nested, spooled });
      }
    } finally {
      zip.close();
    }
  }
  files.sort((a, b) => compareUtf8Paths(a.path, b.path));
  return { check, files, problems, valid: !hasErrors(problems) };
}
