/**
 * The signing channels: sign and export the year's sheet, write a recorded
 * sheet again, print the unsigned draft, revise a signed year, and, in the desktop shell, pick the folder to write to.
 */
import { AppError } from '../errors/app-error.ts';
import type { sheetChannels } from '../../shared/api/sheet-channels.ts';
import type { HandlerSlice } from '../ipc/handler.ts';
import { expertWorkspace } from '../reviews/expert-workspace.ts';
import { writeDraftSheetPdf } from './draft-sheet-pdf.ts';
import { exportSheetAgain, reviseSignedSheet, signAndExportSheet } from './sign-expert-sheet.ts';

export const sheetHandlers = {
  'sheet-sign': (ctx, request) => signAndExportSheet(ctx, request),
  'sheet-export-again': (ctx, request) => exportSheetAgain(ctx, request),
  'sheet-draft-pdf': (ctx, request) => writeDraftSheetPdf(ctx, request),
  'sheet-revise': async (ctx, request) => {
    reviseSignedSheet(ctx, request.expertId, request.year);
    return expertWorkspace(ctx, request.expertId, request.year);
  },
  /** Desktop shell: the system's folder picker; null when the expert cancels. */
  'sheet-folder-pick': async (ctx) => {
    if (!ctx.pickPaths) {
      throw new AppError('not-available', '浏览器版不能打开系统的文件夹选择框，请直接填写文件夹路径。');
    }
    const [folder] = await ctx.pickPaths('export-folder');
    return folder ?? null;
  },
} satisfies HandlerSlice<keyof typeof sheetChannels>;
