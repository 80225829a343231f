/**
 * The evidence channels the viewer needs beyond the content-addressed file URLs: previews of
 * the formats the renderer cannot show itself (previewers.ts, chosen by the file's content),
 * of the members of a zip inside the package (zip/, by the path `<zip path>/<member path>`),
 * opening other files with the system's viewer, and how the expert last viewed a file (its
 * rotation, evidence-view-store.ts), and the searches and 自动定位 (evidence-search.ts).
 */
import { open, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { EvidencePreview } from '../../shared/api/evidence-preview-types.ts';
import { AppError } from '../errors/app-error.ts';
import type { evidenceChannels } from '../../shared/api/evidence-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { inspectEvidence } from '../package-reader/inspect-evidence.ts';
import { locateInFile, searchFile, searchPackage } from './evidence-search.ts';
import { pdfSkeletonOf } from './read-pdf-skeleton.ts';
import { evidenceView, setEvidenceView } from './evidence-view-store.ts';
import { openWithSystemViewer } from './open-external.ts';
import { defaultLimits } from '../package-reader/limits.ts';
import { packageEvidenceFile, type PackageEvidenceFile } from './package-evidence.ts';
import { maxPreviewBytes, previewers } from './previewers.ts';
import { zipMemberPreview } from './zip/member-preview.ts';
import { zipMemberBytes } from './zip/zip-in-package.ts';

/**
 * A file is previewed from its bytes, held in memory: a larger one is opened in the system's
 * viewer instead, converting it would take too long. A zip inside the package is only listed
 * (its central directory and each member's first bytes), so it may be as large as a file the
 * package reader inspects; its members are read one at a time, each within `maxPreviewBytes`.
 */
async function startsLikeZip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

const tooLarge = () => new AppError('too-large-to-preview', '文件太大，不能在本程序中预览，请用系统程序打开。');

export const evidenceHandlers = {
  'evidence-preview': async (ctx, request): Promise<EvidencePreview> => {
    let evidence: PackageEvidenceFile;
    try {
      evidence = packageEvidenceFile(ctx.db, ctx.dataDir, request.packageId, request.path);
    } catch (error) {
      // Not a file of the package: it may name a member of a zip inside it (`<zip>/<member>`).
      if (!(error instanceof AppError) || error.code !== 'evidence-not-found') throw error;
      const member = await zipMemberBytes(ctx.db, ctx.dataDir, request.packageId, request.path, maxPreviewBytes);
      if (member === null) throw error;
      return zipMemberPreview(member, request.path, ctx.dataDir);
    }
    if (evidence.size > Math.max(maxPreviewBytes, defaultLimits.maxInspectBytes)) throw tooLarge();
    // Only a zip may be larger; anything else is refused before it is read.
    if (evidence.size > maxPreviewBytes && !(await startsLikeZip(evidence.file))) throw tooLarge();
    const bytes = await readFile(evidence.file);
    const { type } = await inspectEvidence({ path: request.path, bytes, size: bytes.length });
    if (type !== 'zip' && bytes.length > maxPreviewBytes) throw tooLarge();
    const previewer = previewers[type];
    if (previewer === undefined) throw new AppError('no-preview', '此类文件不能在本程序中预览。');
    return previewer({ bytes, sha256: evidence.sha256, path: request.path, fileName: basename(request.path), dataDir: ctx.dataDir });
  },
  'evidence-open': async (ctx, request) => {
    await openWithSystemViewer(ctx, request.packageId, request.path);
    return { opened: true };
  },
  'evidence-view': (ctx, request) => evidenceView(ctx.db, request.expertId, request.sha256),
  'evidence-view-set': (ctx, request) => setEvidenceView(ctx.db, request.expertId, request.sha256, { rotation: request.rotation }, ctx.now()),
  'evidence-search': (ctx, request) => searchFile(ctx, request.packageId, request.path, request.query),
  'package-search': (ctx, request) => searchPackage(ctx, request.packageId, request.query),
  'evidence-locate': (ctx, request) => locateInFile(ctx, request.packageId, request.path, request.item),
  'evidence-pdf-skeleton': (ctx, request) => {
    const evidence = packageEvidenceFile(ctx.db, ctx.dataDir, request.packageId, request.path);
    return pdfSkeletonOf(ctx.dataDir, evidence.sha256, evidence.file, evidence.size);
  },
} satisfies HandlerSlice<keyof typeof evidenceChannels>;
