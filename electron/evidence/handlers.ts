/**
 * The evidence channels the viewer needs beyond the content-addressed file URLs: Word and
 * Excel previews read in main (text only), opening other files with the system's viewer, and
 * how the expert last viewed a file (its rotation, evidence-view-store.ts).
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { EvidencePreview } from '../../shared/api/expert-work-types.ts';
import { AppError } from '../errors/app-error.ts';
import type { evidenceChannels } from '../../shared/api/evidence-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { readDocxPreview } from './read-docx-preview.ts';
import { evidenceView, setEvidenceView } from './evidence-view-store.ts';
import { openWithSystemViewer } from './open-external.ts';
import { packageEvidenceFile } from './package-evidence.ts';
import { readXlsxPreview } from './read-xlsx-preview.ts';

/** Larger office files are opened in the system's viewer instead: parsing them would stall main. */
const MAX_PREVIEW_BYTES = 30 * 1024 * 1024;

export const evidenceHandlers = {
  'evidence-preview': async (ctx, request): Promise<EvidencePreview> => {
    const evidence = packageEvidenceFile(ctx.db, ctx.dataDir, request.packageId, request.path);
    const kind = extname(request.path).toLowerCase();
    if (kind !== '.docx' && kind !== '.xlsx') throw new AppError('no-preview', '此类文件不能在本程序中预览。');
    if (evidence.size > MAX_PREVIEW_BYTES) throw new AppError('too-large-to-preview', '文件太大，不能在本程序中预览，请用系统程序打开。');
    const bytes = await readFile(evidence.file);
    if (kind === '.xlsx') {
      // In a capped worker: a workbook that expands costs its preview, not the shell.
      const reading = await readXlsxPreview(bytes, basename(request.path));
      if (!reading.ok) throw new AppError(reading.failed === true ? 'preview-failed' : 'preview-refused', reading.message);
      return { kind: 'xlsx', sheets: reading.sheets };
    }
    // In a capped worker too: a document that expands costs its preview, not the shell.
    const reading = await readDocxPreview(bytes);
    if (!reading.ok) throw new AppError(reading.failed === true ? 'preview-failed' : 'preview-refused', reading.message);
    return { kind: 'docx', blocks: reading.blocks, truncated: reading.truncated };
  },
  'evidence-open': async (ctx, request) => {
    await openWithSystemViewer(ctx, request.packageId, request.path);
    return { opened: true };
  },
  'evidence-view': (ctx, request) => evidenceView(ctx.db, request.expertId, request.sha256),
  'evidence-view-set': (ctx, request) => setEvidenceView(ctx.db, request.expertId, request.sha256, { rotation: request.rotation }, ctx.now()),
} satisfies HandlerSlice<keyof typeof evidenceChannels>;
