/**
 * The evidence channels the viewer needs beyond the content-addressed file URLs: previews of
 * the formats the renderer cannot show itself (previewers.ts, chosen by the file's content),
 * opening other files with the system's viewer, how the expert last viewed a file (its
 * rotation, evidence-view-store.ts), and the searches and 自动定位 (evidence-search.ts).
 */
import { readFile } from 'node:fs/promises';
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
import { packageEvidenceFile } from './package-evidence.ts';
import { previewers } from './previewers.ts';

/** Larger files are opened in the system's viewer instead: converting them would take too long. */
const MAX_PREVIEW_BYTES = 30 * 1024 * 1024;

export const evidenceHandlers = {
  'evidence-preview': async (ctx, request): Promise<EvidencePreview> => {
    const evidence = packageEvidenceFile(ctx.db, ctx.dataDir, request.packageId, request.path);
    if (evidence.size > MAX_PREVIEW_BYTES) throw new AppError('too-large-to-preview', '文件太大，不能在本程序中预览，请用系统程序打开。');
    const bytes = await readFile(evidence.file);
    const { type } = await inspectEvidence({ path: request.path, bytes, size: bytes.length });
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
