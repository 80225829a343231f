import type { ocrChannels } from '../../shared/api/ocr-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { packageOcrProgress } from './ocr-store.ts';

export const ocrHandlers = {
  'ocr-progress': (ctx) => packageOcrProgress(ctx.db),
  'ocr-put-first': (ctx, request) => {
    ctx.ocr.putFirst(request.sha256);
    return { queued: true };
  },
} satisfies HandlerSlice<keyof typeof ocrChannels>;
