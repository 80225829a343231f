/**
 * Previews of the members of a zip inside the package (zip-in-package.ts), the same way as the
 * package's own files: by their content type. A PDF or an image the renderer shows from its
 * bytes, which have no URL of their own in the store: they are copied out of the zip into a
 * rendition named by the member's own content hash (`<sha256>/zip-member-v1/file.<ext>`, so the
 * same file in two zips is kept once) and the viewer opens that. Every other type goes through
 * its previewer with the member's bytes and hash. A zip in the zip is not opened.
 */
import { createHash } from 'node:crypto';
import type { EvidencePreview } from '../../../shared/api/evidence-preview-types.ts';
import { shownFromBytes } from '../../../shared/evidence/evidence-type.ts';
import { AppError } from '../../errors/app-error.ts';
import { inspectEvidence } from '../../package-reader/inspect-evidence.ts';
import { previewers } from '../previewers.ts';
import { converterFolderName } from '../renditions.ts';
import type { ZipMemberBytes } from './zip-in-package.ts';
import { storeZipMember, zipMemberConverter, zipMemberFileName } from './zip-member-file.ts';

export async function zipMemberPreview(found: ZipMemberBytes, path: string, dataDir: string): Promise<EvidencePreview> {
  const { bytes } = found;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // The inspection hands a PDF's bytes to pdf.js, which takes them: it gets a copy.
  const { type } = await inspectEvidence({ path, bytes: bytes.slice(), size: bytes.length });
  const shown = shownFromBytes[type];
  if (shown !== undefined) {
    await storeZipMember(dataDir, sha256, type, bytes);
    return { kind: 'file', type: shown, sha256, file: { sha256, converter: converterFolderName(zipMemberConverter), name: zipMemberFileName(type) } };
  }
  if (type === 'zip') throw new AppError('preview-refused', '压缩包里的压缩包只列出，不打开。请让联盟解压后把其中的文件直接放进材料包。');
  const previewer = previewers[type];
  if (previewer === undefined) throw new AppError('no-preview', '此类文件不能在本程序中预览。');
  return previewer({ bytes, sha256, path, fileName: found.memberPath.split('/').at(-1) ?? found.memberPath, dataDir });
}
