/**
 * Zips inside a package, for the viewer: the files of a `.zip` an alliance put among its
 * evidence, listed and opened one level deep, read from the zip's stored bytes in memory and
 * never unpacked to disk.
 *
 * - member: a file of the zip (folders and system files are not members), named by its path
 *   inside the zip as the package's own names are decoded (decode-entry-name.ts: GBK names of
 *   Chinese Windows zips without the UTF-8 flag read right), normalised like package paths.
 * - member path: `<zip path>/<member path>`, how the viewer asks for a member (the `evidence`
 *   command lists members by the same paths).
 * - limits: the package's (limits.ts), as the `evidence` command applies them: members in the
 *   entry count, their unpacked sizes in the total, each member's compression ratio as a
 *   package entry's. A member past a limit is listed with why and never inflated.
 * - zip in a zip: listed, not opened.
 */
import type { Database } from 'better-sqlite3';
import { readFile } from 'node:fs/promises';
import { normalizePackagePath } from '../../../shared/package/package-path.ts';
import { formatBytes } from '../../../shared/format/format-bytes.ts';
import { AppError } from '../../errors/app-error.ts';
import { defaultLimits, type PackageLimits } from '../../package-reader/limits.ts';
import { isSystemFile } from '../../package-reader/system-files.ts';
import { openZipInMemory, type ZipInMemory, type ZipMember } from '../../package-reader/inspect/zip-members.ts';
import { packageEvidenceFile, type PackageEvidenceFile } from '../package-evidence.ts';

export interface ListedMember {
  readonly index: number;
  readonly path: string;
  readonly member: ZipMember;
  /** Why the member is not read, for the expert; null when it may be. */
  readonly refusal: string | null;
}

/**
 * The members of an opened zip with what the limits say of each, in the zip's order. The
 * reasons name no zip path: a zip's list is kept by its content, whatever path it has.
 */
export function listMembers(zip: ZipInMemory, limits: PackageLimits, cap: number): ListedMember[] {
  const listed: ListedMember[] = [];
  let total = 0;
  zip.members.forEach((member, index) => {
    const path = normalizePackagePath(member.name);
    if (member.directory || isSystemFile(path)) return;
    total += member.size;
    let refusal: string | null = null;
    if (member.encrypted) refusal = '这个文件加了密码，不能打开。';
    else if (!member.supported) refusal = '这个文件的压缩方式本程序不支持，不能打开。';
    else if (total > limits.maxTotalBytes) refusal = `压缩包里的文件解压后超过了上限 ${formatBytes(limits.maxTotalBytes)}，不再打开其后的文件（可能是“压缩炸弹”）。`;
    else if (member.size > limits.ratioMinBytes && member.size > limits.maxCompressionRatio * member.packedSize)
      refusal = `压缩比超过了 ${limits.maxCompressionRatio}:1，是“压缩炸弹”的特征，不打开。`;
    else if (member.size > cap) refusal = `文件太大（${formatBytes(member.size)}），不能在本程序中从压缩包里打开。请让联盟解压后把文件直接放进材料包。`;
    listed.push({ index, path, member, refusal });
  });
  return listed;
}

/** The parts that make a zip a document (OFD, Office, OpenDocument) rather than a zip of files. */
const documentParts = new Set(['OFD.xml', '[Content_Types].xml', 'mimetype']);

/** Opens the zip bytes of `zipPath`, within the package's entry limit; a document's parts are no members. */
export async function openPackageZip(bytes: Uint8Array, zipPath: string, limits: PackageLimits = defaultLimits): Promise<ZipInMemory> {
  const opened = await openZipInMemory(bytes, limits.maxEntries);
  if (opened.ok && opened.zip.members.some((m) => documentParts.has(m.name))) {
    opened.zip.close();
    throw new AppError('evidence-not-found', `“${zipPath}”是文档，不是压缩包，其中没有可单独打开的文件。`);
  }
  if (opened.ok) return opened.zip;
  throw new AppError(
    'preview-failed',
    opened.reason === 'damaged'
      ? `压缩包“${zipPath}”已损坏，无法列出其中的文件。`
      : `压缩包“${zipPath}”里的文件超过了 ${limits.maxEntries} 个，不能列出。请让联盟解压后把文件直接放进材料包。`,
  );
}

export interface ZipMemberBytes {
  /** The stored zip the member is read from. */
  readonly zip: PackageEvidenceFile;
  readonly memberPath: string;
  /** The member's index in the zip (its renditions are named by it). */
  readonly index: number;
  readonly bytes: Uint8Array;
}

/**
 * The bytes of the member `path` names (`<zip path>/<member path>`), read from the stored zip
 * in memory; null when no file of the package is a prefix of the path (it names no member).
 * A member the limits refuse, or that is not there, is an error with the reason.
 */
export async function zipMemberBytes(
  db: Database,
  dataDir: string,
  packageId: number,
  path: string,
  cap: number,
  limits: PackageLimits = defaultLimits,
): Promise<ZipMemberBytes | null> {
  // The zip is the longest prefix of the path that is a file of the package; a member path
  // may hold `/` of its own, so every split is tried, longest first.
  for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) {
    const zipPath = path.slice(0, at);
    const row = db.prepare<[number, string], { n: number }>('SELECT 1 AS n FROM package_file WHERE package_id = ? AND path = ?').get(packageId, zipPath);
    if (row === undefined) continue;
    const zipFile = packageEvidenceFile(db, dataDir, packageId, zipPath);
    if (zipFile.size > limits.maxInspectBytes) throw new AppError('too-large-to-preview', `压缩包“${zipPath}”太大，不能在本程序中打开其中的文件，请用系统程序打开。`);
    const memberPath = path.slice(at + 1);
    const zip = await openPackageZip(new Uint8Array(await readFile(zipFile.file)), zipPath, limits);
    try {
      const listed = listMembers(zip, limits, cap).find((m) => m.path === memberPath);
      if (listed === undefined) throw new AppError('evidence-not-found', `压缩包“${zipPath}”里没有文件 ${memberPath}。`);
      if (listed.refusal !== null) throw new AppError('preview-refused', `不能打开压缩包“${zipPath}”里的“${memberPath}”：${listed.refusal}`);
      const bytes = await zip.read(listed.member, cap);
      if (bytes === null) throw new AppError('preview-failed', `压缩包“${zipPath}”里的“${memberPath}”已损坏，无法读出。`);
      return { zip: zipFile, memberPath, index: listed.index, bytes };
    } finally {
      zip.close();
    }
  }
  return null;
}
