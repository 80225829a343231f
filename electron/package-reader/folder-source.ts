/**
 * Folder source: a package handed in as an unpacked folder (e.g. copied from a USB stick).
 *
 * The walk never follows a link: every item is examined with `lstat`, links are listed as
 * links (and refused by the reader), and each file is opened with `O_NOFOLLOW` and checked to
 * still be the very file that was listed (same device and inode), so a file swapped for a link
 * between listing and reading cannot make the reader leave the folder.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { problem, type PackageProblem } from '../../shared/package/problem.ts';
import type { PackageLimits } from './limits.ts';
import type { EntryType, PackageSource, SourceEntry, SourceListing } from './package-source.ts';

function typeOf(stats: Stats): EntryType {
  if (stats.isSymbolicLink()) return 'link';
  if (stats.isDirectory()) return 'directory';
  if (stats.isFile()) return 'file';
  return 'special';
}

/** O_NOFOLLOW does not exist on Windows; there the lstat/fstat identity check still holds. */
const openFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

async function openListedFile(absolute: string, listed: Stats): Promise<Readable> {
  const handle = await open(absolute, openFlags);
  try {
    const now = await handle.stat();
    if (!now.isFile() || now.ino !== listed.ino || now.dev !== listed.dev) {
      throw new Error('文件在读取过程中被替换 (file replaced while reading)');
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle.createReadStream({ autoClose: true });
}

export function openFolderSource(root: string): PackageSource {
  const where = basename(root);
  return {
    kind: 'folder',
    size: null,
    async list(limits: PackageLimits): Promise<SourceListing> {
      const entries: SourceEntry[] = [];
      const problems: PackageProblem[] = [];
      // Depth-first with an explicit stack; names sorted so the listing order is stable.
      const pending: string[] = [''];
      while (pending.length > 0) {
        const relative = pending.pop() ?? '';
        let names: string[];
        try {
          names = (await readdir(join(root, relative))).sort();
        } catch (error) {
          problems.push(
            problem(
              'package-unreadable',
              relative === '' ? where : relative,
              `无法读取这个文件夹（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）。请检查文件夹的访问权限后重试。`,
            ),
          );
          return { entries, problems, fatal: true };
        }
        const subfolders: string[] = [];
        for (const name of names) {
          const childRelative = relative === '' ? name : `${relative}/${name}`;
          const absolute = join(root, childRelative);
          let stats: Stats;
          try {
            stats = await lstat(absolute);
          } catch (error) {
            problems.push(
              problem(
                'package-unreadable',
                childRelative,
                `无法读取这个文件（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）。请检查文件的访问权限后重试。`,
              ),
            );
            continue;
          }
          const type = typeOf(stats);
          entries.push({
            name: type === 'directory' ? `${childRelative}/` : childRelative,
            type,
            encrypted: false,
            unsupportedCompression: null,
            declaredSize: type === 'file' ? stats.size : 0,
            packedSize: null,
            crc32: null,
            open: () => openListedFile(absolute, stats),
          });
          // Stop walking as soon as the limit is passed: a folder of a million files is
          // refused without listing them all.
          if (entries.length > limits.maxEntries) {
            return {
              entries: [],
              problems: [
                problem(
                  'limit-entry-count',
                  where,
                  `文件夹里的文件和子文件夹超过了上限 ${limits.maxEntries} 个，拒绝导入。请确认选对了联盟的资料文件夹；如确属正常材料，请把材料合并（例如多张照片合成一个 PDF）后再提交。`,
                ),
              ],
              fatal: true,
            };
          }
          if (type === 'directory') subfolders.push(childRelative);
        }
        // Reverse so that popping visits subfolders in sorted order.
        pending.push(...subfolders.reverse());
      }
      return { entries, problems, fatal: false };
    },
    close(): Promise<void> {
      return Promise.resolve();
    },
  };
}
