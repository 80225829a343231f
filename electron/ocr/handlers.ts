import type { ocrChannels } from '../../shared/api/ocr-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { listedZipScanMembers } from '../evidence/zip/zip-scan-members.ts';
import { packageOcrProgress } from './ocr-store.ts';

export const ocrHandlers = {
  'ocr-progress': (ctx) => packageOcrProgress(ctx.db, (sha256) => listedZipScanMembers(ctx.dataDir, sha256).map((m) => m.sha256)),
  'ocr-put-first': (ctx, request) => {
    ctx.ocr.putFirst(request.sha256);
    return { queued: true };
  },
} satisfies HandlerSlice<keyof typeof ocrChannels>;
