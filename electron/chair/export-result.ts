/**
 * Saving the locked result (定稿结果) for the archive and for the bureau: the result file of
 * format 1, byte for byte the locked text (the same bytes `merge --json` prints from the same
 * files), and the publicity list (公示名单) of excellent alliances as plain UTF-8 text. Both are
 * written atomically; an existing file is never overwritten.
 *
 * Next to them, each paper sheet the locked result counts is written as `<expert>.paper.json`
 * (shared/paper/paper-sheet-file.ts), so the archive (packages, signed sheets, paper sheet
 * files) is enough for `alliance-review merge --paper` to recompute the same bytes.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chinaDateTime } from '../../shared/meeting/china-time.ts';
import { paperSheetFileName } from '../../shared/paper/paper-sheet-file.ts';
import type { ServiceContext } from '../app/context.ts';
import { AppError } from '../errors/app-error.ts';
import { writeFileAtomically } from '../files/atomic-write.ts';
import { meetingRow } from '../meeting/meeting-store.ts';
import { currentLock } from '../meeting/lock-state.ts';
import { panelView } from './panel-state.ts';
import { agreedPaperSheetFiles } from './paper-sheets.ts';

export async function exportLockedResult(
  ctx: ServiceContext,
  meetingId: number,
  folder: string,
): Promise<{ resultPath: string; publicityPath: string; paperPaths: string[] }> {
  const meeting = meetingRow(ctx.db, meetingId);
  const lockRow = currentLock(ctx.db, meetingId);
  if (lockRow === null) throw new AppError('not-locked', '结果尚未定稿，不能导出。请先定稿。');
  const view = await panelView(ctx, meetingId);
  const lock = view.lock;
  if (lock === null) throw new AppError('not-locked', '结果尚未定稿，不能导出。');
  if (!lock.intact) throw new AppError('lock-damaged', '本机保存的定稿结果与其 SHA-256 不符（数据被改动过），不能导出。');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new AppError('folder-missing', `找不到文件夹 ${folder}。`);
  const resultPath = join(folder, `${meeting.year}-result.json`);
  const publicityPath = join(folder, `${meeting.year}-公示名单.txt`);
  const lockedPaper = (JSON.parse(lockRow.settingsJson) as { paperSheets?: { expert: string }[] }).paperSheets ?? [];
  const paperFiles = agreedPaperSheetFiles(ctx.db, meetingId, lockedPaper.map((p) => p.expert)).map((f) => ({ path: join(folder, paperSheetFileName(f.expertId)), text: f.text }));
  if (paperFiles.length !== lockedPaper.length) throw new AppError('paper-missing', '定稿结果计入的纸质评分表在本机找不到，不能导出。');
  for (const path of [resultPath, publicityPath, ...paperFiles.map((f) => f.path)]) {
    if (existsSync(path)) throw new AppError('file-exists', `${path} 已经存在，请换一个文件夹或先移走旧文件。`);
  }
  const lines = [
    `${meeting.name}`,
    `${meeting.year} 年度考核优秀联盟公示名单`,
    '',
    ...(lock.publicity.length === 0
      ? ['（本年度没有考核优秀的联盟）']
      : lock.publicity.map(
          (entry) => `${entry.rank}. ${entry.name}（${entry.allianceId}）  总分 ${entry.total}${entry.award === null ? '' : `  奖励 ${entry.award.toLocaleString('en-US')} 元`}`,
        )),
    '',
    `定稿：${chinaDateTime(lock.lockedAt)} ${lock.lockedBy}；结果文件 SHA-256：${lock.resultSha256}`,
    '',
  ];
  // Checked above, and again as each name is given: a file that appeared meanwhile is kept.
  const write = async (path: string, text: string): Promise<void> => {
    if ((await writeFileAtomically(path, text, { overwrite: false })) === 'exists') {
      throw new AppError('file-exists', `${path} 已经存在，请换一个文件夹或先移走旧文件。`);
    }
  };
  await write(resultPath, lock.resultText);
  await write(publicityPath, lines.join('\n'));
  for (const paper of paperFiles) await write(paper.path, paper.text);
  return { resultPath, publicityPath, paperPaths: paperFiles.map((f) => f.path) };
}
