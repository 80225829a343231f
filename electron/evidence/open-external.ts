/**
 * Opening evidence with the system's viewer (desktop shell only), for files the app cannot
 * preview. The store names files by hash, without an extension, so the file is first copied
 * under its own name into `<data>/open/<hash>/`, where the viewer can tell its type.
 *
 * Only document, image, audio and video types are opened: an alliance's package must never
 * get a program, script or shortcut started on the expert's laptop by a double click.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ServiceContext } from '../app/context.ts';
import { AppError } from '../errors/app-error.ts';
import { packageEvidenceFile } from './package-evidence.ts';

const OPENABLE = new Set([
  '.pdf', '.doc', '.docx', '.wps', '.rtf', '.odt', '.txt', '.csv',
  '.xls', '.xlsx', '.et', '.ods', '.ppt', '.pptx', '.dps', '.odp', '.ofd',
  '.jpg', '.jpeg', '.png', '.gif', '.bmp', '.tif', '.tiff', '.webp',
  '.mp3', '.wav', '.m4a', '.mp4', '.mov', '.avi', '.wmv', '.mkv',
]);

export function canOpenExternally(path: string): boolean {
  return OPENABLE.has(extname(path).toLowerCase());
}

export async function openWithSystemViewer(ctx: ServiceContext, packageId: number, path: string): Promise<void> {
  if (!ctx.openPath) {
    throw new AppError(
      'not-available',
      '浏览器版不能调用本机程序打开文件。请在桌面版中打开；或请会务人员在其他电脑上查看此文件。',
    );
  }
  if (!canOpenExternally(path)) {
    throw new AppError('unsafe-file-type', `出于安全考虑，不打开 ${extname(path) || '无扩展名'} 类型的文件（可能是程序或脚本）。`);
  }
  const evidence = packageEvidenceFile(ctx.db, ctx.dataDir, packageId, path);
  const folder = join(ctx.dataDir, 'open', evidence.sha256);
  const copy = join(folder, basename(path));
  if (!existsSync(copy)) {
    mkdirSync(folder, { recursive: true });
    copyFileSync(evidence.file, copy);
    // Read-only, so an edit in the viewer cannot look like the alliance's evidence.
    chmodSync(copy, 0o444);
  }
  try {
    await ctx.openPath(copy);
  } catch (error) {
    throw new AppError('open-failed', `系统无法打开 ${basename(path)}：${error instanceof Error ? error.message : String(error)}。本机可能没有能打开此类文件的程序。`);
  }
}
