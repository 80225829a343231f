/**
 * Reading a sheet file: the bytes of a `*.sheet.json` from disk (a USB stick, an archive),
 * verified.
 *
 * - sheet file: UTF-8 JSON text (a BOM tolerated) of at most 16 MB; the largest real sheet
 *   (a 200 KB handwritten signature and a few hundred reviews) is far smaller, and a limit keeps
 *   a wrong file (a video on the stick) from being read into memory whole.
 */
import { open } from 'node:fs/promises';
import type { PaperSheetParseResult } from '../../shared/paper/parse-paper-sheet.ts';
import { parsePaperSheetText } from '../../shared/paper/parse-paper-sheet.ts';
import type { SheetProblem } from '../../shared/sheet/sheet-problem.ts';
import { ROOT_PATH, sheetProblem } from '../../shared/sheet/sheet-problem.ts';
import type { SheetVerification } from './verify-sheet.ts';
import { verifySheetText } from './verify-sheet.ts';

export const SHEET_FILE_MAX_BYTES = 16 * 1024 * 1024;

export interface SheetFileReading {
  /** The path as given. */
  readonly path: string;
  readonly verification: SheetVerification;
}

export async function readSheetFile(path: string): Promise<SheetFileReading> {
  const bytes = await readLimited(path);
  if (!(bytes instanceof Uint8Array)) return { path, verification: failed(bytes) };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { path, verification: failed(sheetProblem('not-utf8', ROOT_PATH, '文件不是 UTF-8 文本 (not UTF-8 text)')) };
  }
  return { path, verification: verifySheetText(text) };
}

/** A paper sheet file (`*.paper.json`), read under the same limits; `source` names it in messages. */
export async function readPaperSheetFile(path: string, source: string): Promise<PaperSheetParseResult> {
  const bytes = await readLimited(path);
  if (!(bytes instanceof Uint8Array)) return { ok: false, problems: [bytes] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [sheetProblem('not-utf8', ROOT_PATH, '文件不是 UTF-8 文本 (not UTF-8 text)')] };
  }
  return parsePaperSheetText(text, source);
}

function failed(problem: SheetProblem): SheetVerification {
  return { ok: false, sheet: null, expert: null, fingerprint: null, problems: [problem] };
}

/** The file's bytes, or the problem that stopped us reading them. */
async function readLimited(path: string): Promise<Uint8Array | SheetProblem> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return sheetProblem('file-unreadable', ROOT_PATH, `无法读取文件：${reasonOf(error)} (cannot read file)`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return sheetProblem('file-unreadable', ROOT_PATH, '不是普通文件 (not a regular file)');
    if (info.size > SHEET_FILE_MAX_BYTES) {
      return sheetProblem('file-too-large', ROOT_PATH, `文件过大（超过 16 MB），不是评分表 (file too large for a sheet)`);
    }
    // Read in chunks rather than trusting `size`, so a file that grows while we read is caught.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > SHEET_FILE_MAX_BYTES) {
        return sheetProblem('file-too-large', ROOT_PATH, `文件过大（超过 16 MB），不是评分表 (file too large for a sheet)`);
      }
    }
    return Buffer.concat(chunks, length);
  } catch (error) {
    return sheetProblem('file-unreadable', ROOT_PATH, `无法读取文件：${reasonOf(error)} (cannot read file)`);
  } finally {
    await handle.close();
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return '文件不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    case 'EISDIR':
      return '这是文件夹';
    default:
      return code ?? String(error);
  }
}
