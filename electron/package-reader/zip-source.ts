/**
 * Zip source: a package handed in as a `.zip` file, read with yauzl straight from the file
 * (random access, one entry at a time, never unpacked to disk).
 *
 * yauzl is opened with `decodeStrings: false`, so that names are decoded here exactly as
 * package-format.md orders (decode-entry-name.ts) rather than as CP437, and with
 * `validateEntrySizes: false`, so that size and CRC are checked by read-package.ts for zips
 * and folders alike, with the clerk's messages and codes.
 *
 * Beyond what yauzl checks, every entry's local header must agree with its central record
 * (local-header.ts), a name carried by a Unicode Path extra field must not hide a raw name
 * that would be unsafe for a tool that ignores the field, no two entries may share bytes
 * (several central records pointing at one compressed entry is how a 257 KB zip claims
 * 4 GiB). The zip's size is given to read-package.ts for the whole-package compression ratio.
 *
 * - external attributes: the high 16 bits hold a Unix mode (`st_mode`) when the zip was made
 *   on Unix or macOS, or by tools such as 7-Zip that store it on any host; the low bits hold
 *   MS-DOS/Windows attributes. Either can mark a link.
 */
import { open as openFile, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { open as openZip, type Entry, type ZipFile } from 'yauzl';
import { normalizePackagePath } from '../../shared/package/package-path.ts';
import { problem, type PackageProblem } from '../../shared/package/problem.ts';
import { checkEntryName, displayName } from './check-entry-name.ts';
import { decodeEntryName } from './decode-entry-name.ts';
import { checkLocalHeader } from './local-header.ts';
import type { PackageLimits } from './limits.ts';
import type { EntryType, PackageSource, SourceEntry, SourceListing } from './package-source.ts';

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
/** Windows FILE_ATTRIBUTE_DIRECTORY and FILE_ATTRIBUTE_REPARSE_POINT (symlinks, junctions). */
const DOS_DIRECTORY = 0x10;
const DOS_REPARSE_POINT = 0x400;

const ENCRYPTED_FLAG = 0x1;
const STORED = 0;
const DEFLATED = 8;

function entryType(entry: Entry, name: string): EntryType {
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode === S_IFLNK || (entry.externalFileAttributes & DOS_REPARSE_POINT) !== 0) return 'link';
  if (mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) return 'special';
  if (name.endsWith('/') || name.endsWith('\\') || mode === S_IFDIR) return 'directory';
  if ((entry.externalFileAttributes & DOS_DIRECTORY) !== 0 && entry.uncompressedSize === 0) return 'directory';
  return 'file';
}

function openZipFile(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    openZip(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false, strictFileNames: false },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    );
  });
}

/** The next central directory record, or null at the end. */
function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: Entry): void => {
      cleanup();
      resolve(entry);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(null);
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    function cleanup(): void {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    }
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function openEntryStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream)));
  });
}

/** Why a file that yauzl cannot open as a zip is not one, from its first bytes, for the clerk. */
async function notAZipHint(path: string): Promise<string | null> {
  const handle = await openFile(path, 'r');
  try {
    const head = new Uint8Array(8);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead === 0) return '文件是空的';
    const ascii = String.fromCharCode(...head.subarray(0, bytesRead));
    if (ascii.startsWith('PK')) return null;
    if (ascii.startsWith('Rar!')) return '这是 RAR 压缩文件';
    if (ascii.startsWith('7z\u00bc\u00af')) return '这是 7z 压缩文件';
    if (ascii.startsWith('%PDF')) return '这是一个 PDF 文件';
    return '文件内容不是 zip 格式';
  } finally {
    await handle.close();
  }
}

const RESEND = '可能是下载或拷贝不完整，请让联盟重新发送这个压缩包。';
const REPACK = '请让联盟用系统自带的“压缩”功能或 7-Zip 重新打包后提交。';

/** Where an entry's bytes (local header and data) lie in the zip. */
interface Span {
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

/** The first two entries that share bytes, or null. */
function firstOverlap(spans: readonly Span[]): [Span, Span] | null {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i += 1) {
    const before = sorted[i - 1];
    const after = sorted[i];
    if (before !== undefined && after !== undefined && after.start < before.end) return [before, after];
  }
  return null;
}

export async function openZipSource(
  path: string,
): Promise<{ ok: true; source: PackageSource } | { ok: false; problem: PackageProblem }> {
  const where = basename(path);
  let zip: ZipFile;
  try {
    zip = await openZipFile(path);
  } catch (error) {
    const hint = await notAZipHint(path).catch(() => null);
    if (hint !== null) {
      return {
        ok: false,
        problem: problem(
          'not-a-zip',
          where,
          `这个文件不是 zip 压缩包（${hint}）。请让联盟把资料文件夹压缩成 .zip 文件（Windows：右键文件夹 → 发送到 → 压缩(zipped)文件夹；macOS：右键文件夹 → 压缩）后重新提交。`,
        ),
      };
    }
    return {
      ok: false,
      problem: problem('zip-damaged', where, `压缩包已损坏，读不出它的目录。${RESEND}（技术信息：${(error as Error).message}）`),
    };
  }
  let handle: FileHandle;
  let fileSize: number;
  try {
    handle = await openFile(path, 'r');
    fileSize = (await handle.stat()).size;
  } catch (error) {
    zip.close();
    return {
      ok: false,
      problem: problem('package-unreadable', where, `无法打开这个压缩包（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）。请检查访问权限后重试。`),
    };
  }
  const source: PackageSource = {
    kind: 'zip',
    size: fileSize,
    async list(limits: PackageLimits): Promise<SourceListing> {
      // The end-of-central-directory record states the entry count before any entry is read,
      // so a package with too many entries is refused without walking them.
      if (zip.entryCount > limits.maxEntries) {
        return {
          entries: [],
          problems: [
            problem(
              'limit-entry-count',
              where,
              `压缩包里有 ${zip.entryCount} 个条目，超过了上限 ${limits.maxEntries} 个，拒绝导入（可能是恶意构造的压缩包）。如确属正常材料，请把材料合并（例如多张照片合成一个 PDF）后重新打包。`,
            ),
          ],
          fatal: true,
        };
      }
      const entries: SourceEntry[] = [];
      const problems: PackageProblem[] = [];
      const spans: Span[] = [];
      for (;;) {
        let entry: Entry | null;
        try {
          entry = await nextEntry(zip);
        } catch (error) {
          const message = (error as Error).message;
          // yauzl refuses "strong encryption" (bit 6) while listing, before we see the entry.
          if (/strong encryption/i.test(message)) {
            problems.push(
              problem('entry-encrypted', where, '压缩包使用了加密（强加密），无法读取。请让联盟去掉密码、不加密重新打包后提交。'),
            );
          } else {
            problems.push(problem('zip-damaged', where, `压缩包已损坏，目录读到一半出错。${RESEND}（技术信息：${message}）`));
          }
          return { entries, problems, fatal: true };
        }
        if (entry === null) break;
        const current = entry;
        const raw = current.fileNameRaw;
        const decoded = decodeEntryName(raw, current.generalPurposeBitFlag, current.extraFields);
        if (!decoded.ok) {
          const shown = new TextDecoder('gb18030').decode(raw);
          problems.push(
            problem(
              'entry-name-undecodable',
              shown,
              '这个文件名的编码无法识别（既不是 UTF-8 也不是 GBK/GB18030）。请把文件改成普通的中文或英文名后重新打包。',
            ),
          );
          continue;
        }
        const shown = displayName(normalizePackagePath(decoded.name));
        // A tool that ignores the Unicode Path field unpacks the raw name: it must be safe too.
        const rawOnly = decodeEntryName(raw, current.generalPurposeBitFlag, []);
        if (rawOnly.ok && rawOnly.name !== decoded.name) {
          const checked = checkEntryName(rawOnly.name);
          if (!checked.ok) {
            problems.push(
              problem(
                checked.code,
                displayName(normalizePackagePath(rawOnly.name)),
                `这个文件在压缩包里另有一个名字“${shown}”（记在 Unicode 路径扩展字段里），不读这个字段的解压工具会用原来的名字解压。${checked.message}`,
              ),
            );
            continue;
          }
        }
        const local = await checkLocalHeader(handle, current, fileSize, decoded.name);
        if (local.start !== undefined && local.end !== undefined) spans.push({ start: local.start, end: local.end, name: shown });
        if (!local.ok) {
          problems.push(
            problem(
              'entry-header-mismatch',
              shown,
              `这个文件在压缩包目录里和在它自己的文件头里的记录不一致（${local.what}），不同的解压工具会解出不同的文件，为安全起见拒绝导入整个包。${REPACK}`,
            ),
          );
          continue;
        }
        const method = current.compressionMethod;
        entries.push({
          name: decoded.name,
          type: entryType(current, decoded.name),
          encrypted: (current.generalPurposeBitFlag & ENCRYPTED_FLAG) !== 0,
          unsupportedCompression: method === STORED || method === DEFLATED ? null : method,
          declaredSize: current.uncompressedSize,
          packedSize: current.compressedSize,
          crc32: current.crc32,
          open: () => openEntryStream(zip, current),
        });
      }
      const overlap = firstOverlap(spans);
      if (overlap !== null) {
        // One reason is enough: the many header mismatches of records that share one local
        // header say the same thing less clearly.
        const others = problems.filter((p) => p.code !== 'entry-header-mismatch');
        return {
          entries: [],
          problems: [
            problem(
              'entry-overlap',
              overlap[1].name,
              `压缩包里“${overlap[0].name}”和“${overlap[1].name}”两个条目指向同一段压缩数据，这是“压缩炸弹”的构造方式（很小的压缩包解出巨量数据），拒绝导入整个包。${REPACK}`,
            ),
            ...others,
          ],
          fatal: true,
        };
      }
      return { entries, problems, fatal: false };
    },
    async close(): Promise<void> {
      zip.close();
      await handle.close();
    },
  };
  return { ok: true, source };
}
