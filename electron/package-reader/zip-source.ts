/**
 * Zip source: a package handed in as a `.zip` file, read with yauzl straight from the file
 * (random access, one entry at a time, never unpacked to disk).
 *
 * yauzl is opened with `decodeStrings: false`, so that names are decoded here exactly as
 * package-format.md orders (decode-entry-name.ts) rather than as CP437, and with
 * `validateEntrySizes: false`, so that size and CRC are checked by read-package.ts for zips
 * and folders alike, with the clerk's messages and codes.
 *
 * - external attributes: the high 16 bits hold a Unix mode (`st_mode`) when the zip was made
 *   on Unix or macOS, or by tools such as 7-Zip that store it on any host; the low bits hold
 *   MS-DOS/Windows attributes. Either can mark a link.
 */
import { open as openFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { open as openZip, type Entry, type ZipFile } from 'yauzl';
import { problem, type PackageProblem } from '../../shared/package/problem.ts';
import { decodeEntryName } from './decode-entry-name.ts';
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
  const source: PackageSource = {
    kind: 'zip',
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
      return { entries, problems, fatal: false };
    },
    close(): Promise<void> {
      zip.close();
      return Promise.resolve();
    },
  };
  return { ok: true, source };
}
