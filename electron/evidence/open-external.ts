/**
 * Opening evidence with the system's viewer (desktop shell only), for files the app cannot
 * preview. The store names files by hash, without an extension, so the file is first copied
 * under its own name into `<data>/open/<hash>/`, where the viewer can tell its type.
 *
 * Only document, image, audio and video types are opened: an alliance's package must never
 * get a program, script or shortcut started on the expert's laptop by a double click. A zip is
 * not opened either, though it is no program: the system's zip viewer would let a program
 * inside it be started, and its members are already in the package's file list, each opened
 * by itself. A refusal says which kind of file it is, so a photo or a zip is never called a
 * program.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ServiceContext } from '../app/context.ts';
import { AppError } from '../errors/app-error.ts';
import { packageEvidenceFile } from './package-evidence.ts';

const OPENABLE = new Set([
  '.pdf', '.doc', '.docx', '.wps', '.rtf', '.odt', '.txt', '.csv',
  '.xls', '.xlsx', '.et', '.ods', '.ppt', '.pptx', '.dps', '.odp', '.ofd',
  '.jpg', '.jpeg', '.jpe', '.jfif', '.png', '.gif', '.bmp', '.tif', '.tiff', '.webp', '.heic', '.heif',
  '.mp3', '.wav', '.m4a', '.mp4', '.mov', '.avi', '.wmv', '.mkv',
]);

const ARCHIVES = new Set(['.zip', '.rar', '.7z']);

export function canOpenExternally(path: string): boolean {
  return OPENABLE.has(extname(path).toLowerCase());
}

/** Why a file is not opened with the system's program, in the expert's words. */
export function refusalToOpen(path: string): string {
  const ext = extname(path).toLowerCase();
  if (ARCHIVES.has(ext)) {
    return `不用系统程序打开压缩包 ${basename(path)}：压缩包里的文件可能包含程序。它里面的文件已列在“全部文件”中，请在那里逐个打开。`;
  }
  return `出于安全考虑，本程序只用系统程序打开文档、图片、音频和视频文件，不打开 ${ext || '无扩展名'} 类型的文件（这类文件可能是程序、脚本或快捷方式）。如需查看，请会务人员在其他电脑上检查此文件。`;
}

export async function openWithSystemViewer(ctx: ServiceContext, packageId: number, path: string): Promise<void> {
  if (!ctx.openPath) {
    throw new AppError(
      'not-available',
      '浏览器版不能调用本机程序打开文件。请在桌面版中打开；或请会务人员在其他电脑上查看此文件。',
    );
  }
  if (!canOpenExternally(path)) {
    throw new AppError('unsafe-file-type', refusalToOpen(path));
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
