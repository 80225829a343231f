/**
 * The zip preview: the members of a zip inside the package (zip-in-package.ts), each with its
 * size, its type by content and whether the viewer opens it, made once per zip (a rendition,
 * `zip-list-v1/list.json`: typing every member inflates it once).
 *
 * A member's type is told from its first bytes (inspect-evidence.ts, as the `evidence` command
 * does for members larger than it holds), or from all of it when it is small.
 */
import type { ZipMemberView, ZipPreview } from '../../../shared/api/evidence-preview-types.ts';
import { defaultLimits, type PackageLimits } from '../../package-reader/limits.ts';
import { inspectEvidence } from '../../package-reader/inspect-evidence.ts';
import { rendition, type Converter } from '../renditions.ts';
import { listMembers, openPackageZip } from './zip-in-package.ts';

export const zipListConverter: Converter = { name: 'zip-list', version: 1 };

/** How much of a member is read to tell its type. */
const HEAD_BYTES = 64 * 1024;

const nestedZip = '压缩包里的压缩包只列出，不打开。请让联盟解压后把其中的文件直接放进材料包。';

export async function zipMemberViews(bytes: Uint8Array, zipPath: string, cap: number, limits: PackageLimits = defaultLimits): Promise<ZipMemberView[]> {
  const zip = await openPackageZip(bytes, zipPath, limits);
  try {
    const views: ZipMemberView[] = [];
    for (const listed of listMembers(zip, limits, cap)) {
      const { path, member } = listed;
      if (listed.refusal !== null) {
        views.push({ path, size: member.size, type: null, viewable: false, problem: listed.refusal });
        continue;
      }
      const read = await zip.hashed(member, HEAD_BYTES);
      if (read === null) {
        views.push({ path, size: member.size, type: null, viewable: false, problem: '这个文件已损坏，无法读出。' });
        continue;
      }
      // Named by its path in the zip: the list is kept by the zip's content, whatever its path.
      const inspection = await inspectEvidence({ path, bytes: read.head, size: member.size });
      const nested = inspection.type === 'zip';
      views.push({
        path,
        size: member.size,
        type: inspection.type,
        viewable: inspection.viewable && !nested,
        problem: nested ? nestedZip : (inspection.problem?.message ?? null),
      });
    }
    return views;
  } finally {
    zip.close();
  }
}

export async function zipPreview(input: { bytes: Uint8Array; sha256: string; path: string; dataDir: string }, cap: number): Promise<ZipPreview> {
  const made = await rendition(input.dataDir, input.sha256, zipListConverter, async () => {
    const members = await zipMemberViews(input.bytes, input.path, cap);
    return new Map([['list.json', JSON.stringify(members)]]);
  });
  const members = JSON.parse((await made.read('list.json')).toString('utf8')) as ZipMemberView[];
  return {
    kind: 'zip',
    members,
    notice: members.length === 0 ? '这个压缩包里没有文件。' : null,
  };
}
