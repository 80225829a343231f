/**
 * Meeting file limits: what a meeting file may unpack to, checked before a byte of it is
 * written to the laptop's disk. The meeting file's own description (meeting.json) is no
 * guarantee: its hash only proves it was not changed after it was written, so a hostile file
 * can declare any sizes it likes, with matching entry headers and hashes, and a few hundred
 * KB of deflated zeros would otherwise become hundreds of MB in `<data>/incoming/` before the
 * package importer refused them.
 *
 * The limits are the package reader's (electron/package-reader/limits.ts), applied the same
 * way: per package, its file count and unpacked total; per file, its compression ratio above
 * `ratioMinBytes`; for the whole meeting file, its unpacked total ÷ its size above
 * `packageRatioMinBytes`. Every entry's local header must agree with its central record and
 * no two entries may share bytes, as in a package zip. While unpacking, no entry may yield
 * more than it declared (yauzl's size check), so the bytes written stay within what was
 * checked here.
 */
import type { FileHandle } from 'node:fs/promises';
import type { Entry } from 'yauzl';
import type { MeetingDescription } from '../../shared/meeting/meeting-file-format.ts';
import { formatBytes } from '../../shared/format/format-bytes.ts';
import { decodeEntryName } from '../package-reader/decode-entry-name.ts';
import { defaultLimits, tooCompressedPackage, type PackageLimits } from '../package-reader/limits.ts';
import { checkLocalHeader } from '../package-reader/local-header.ts';

export type LimitFinding = { readonly code: 'meeting-file-too-large' | 'meeting-file-altered'; readonly message: string } | null;

/** The first limit the meeting file passes, or null when it keeps within all of them. */
export async function checkMeetingFileLimits(
  handle: FileHandle,
  fileSize: number,
  entries: readonly Entry[],
  description: MeetingDescription,
  limits: PackageLimits = defaultLimits,
): Promise<LimitFinding> {
  let total = 0;
  for (const pkg of description.packages) {
    if (pkg.files.length > limits.maxEntries) {
      return { code: 'meeting-file-too-large', message: `联盟 ${pkg.allianceId} 的材料包有 ${pkg.files.length} 个文件，超过了材料包的上限 ${limits.maxEntries} 个。` };
    }
    const size = pkg.files.reduce((sum, file) => sum + file.size, 0);
    if (size > limits.maxTotalBytes) {
      return {
        code: 'meeting-file-too-large',
        message: `联盟 ${pkg.allianceId} 的材料包解压后共 ${formatBytes(size)}，超过了材料包的上限 ${formatBytes(limits.maxTotalBytes)}。`,
      };
    }
    total += size;
  }
  const spans: { start: number; end: number; name: string }[] = [];
  let declared = 0;
  for (const entry of entries) {
    declared += entry.uncompressedSize;
    if (entry.uncompressedSize > limits.ratioMinBytes && entry.uncompressedSize > limits.maxCompressionRatio * entry.compressedSize) {
      return {
        code: 'meeting-file-too-large',
        message: `文件 ${entry.fileName} 的压缩比超过了 ${limits.maxCompressionRatio}:1，是“压缩炸弹”的特征。`,
      };
    }
    const decoded = decodeEntryName(entry.fileNameRaw, entry.generalPurposeBitFlag, entry.extraFields);
    const local = await checkLocalHeader(handle, entry, fileSize, decoded.ok ? decoded.name : entry.fileName);
    if (!local.ok) return { code: 'meeting-file-altered', message: `文件 ${entry.fileName} 在压缩包目录和它自己的文件头里的记录不一致（${local.what}）。` };
    spans.push({ start: local.start, end: local.end, name: entry.fileName });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i += 1) {
    const before = spans[i - 1];
    const after = spans[i];
    if (before !== undefined && after !== undefined && after.start < before.end) {
      return { code: 'meeting-file-altered', message: `文件 ${before.name} 和 ${after.name} 指向同一段压缩数据（“压缩炸弹”的构造方式）。` };
    }
  }
  const unpacked = Math.max(total, declared);
  if (tooCompressedPackage(unpacked, fileSize, limits)) {
    return {
      code: 'meeting-file-too-large',
      message: `会议包只有 ${formatBytes(fileSize)}，解压后却声称共 ${formatBytes(unpacked)}，整体压缩比超过了 ${limits.maxPackageCompressionRatio}:1，是“压缩炸弹”的特征。`,
    };
  }
  return null;
}
