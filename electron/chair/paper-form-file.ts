/**
 * The blank paper score form as a file: the meeting's rubric and packages, drawn by
 * export/pdf/paper-form-document.ts, written whole (never half a file) into the folder the
 * clerk chose, or `<data folder>/exports/<year>` when none.
 *
 * - The form is printed for one roster line (the expert's name on every page) or for nobody in
 *   particular (empty name lines). Its file name says which, so forms for two experts do not
 *   replace each other.
 * - Printing again replaces the file: the form holds nothing but the meeting's own rubric and
 *   packages, so the newest is always the one to print (safe to repeat).
 */
import { mkdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { PaperFormFile } from '../../shared/api/chair-types.ts';
import type { ServiceContext } from '../app/context.ts';
import { AppError } from '../errors/app-error.ts';
import { loadShippedFonts } from '../export/fonts/shipped-fonts.ts';
import { renderPaperForm } from '../export/pdf/paper-form-document.ts';
import { paperFormAlliances } from '../../shared/paper/paper-form-rows.ts';
import { writeFileAtomically } from '../files/atomic-write.ts';
import { meetingExperts, meetingRow, meetingSettings } from '../meeting/meeting-store.ts';
import { meetingMergePackages, meetingRubric } from './meeting-inputs.ts';

export function paperFormFileName(year: number, expertId: string | null): string {
  return expertId === null ? `${year}-空白评分表.pdf` : `${year}-空白评分表-${expertId}.pdf`;
}

export async function writePaperForm(ctx: ServiceContext, meetingId: number, expertId: string | null, folder: string): Promise<PaperFormFile> {
  const meeting = meetingRow(ctx.db, meetingId);
  const settings = meetingSettings(ctx.db, meetingId);
  if (settings === null) throw new AppError('meeting-not-prepared', '本会议还没有准备好（没有名册和材料包），还不能打印空白评分表。');
  const expert = expertId === null ? null : (meetingExperts(ctx.db, meetingId).find((e) => e.id === expertId) ?? null);
  if (expertId !== null && expert === null) throw new AppError('expert-not-in-roster', `专家 ${expertId} 不在本会议的名册中。`);
  const { packages, missing } = meetingMergePackages(ctx.db, meetingId);
  if (missing.length > 0) throw new AppError('package-missing', '本机缺少会议材料包，请先导入会议包，再打印空白评分表。');
  const typed = folder.trim();
  if (typed !== '' && !isAbsolute(typed)) throw new AppError('folder-not-absolute', `请填写完整的文件夹路径（如 E:\\评审 或 /media/usb），而不是 ${typed}。`);
  const target = typed === '' ? join(ctx.dataDir, 'exports', String(meeting.year)) : resolve(typed);
  if (typed === '') await mkdir(target, { recursive: true });
  else if (!(await stat(target).then((s) => s.isDirectory(), () => false))) throw new AppError('folder-missing', `找不到文件夹 ${target}，请检查路径或另选一个文件夹。`);
  const pdf = await renderPaperForm(loadShippedFonts(join(ctx.resourcesDir, 'fonts')), {
    year: meeting.year,
    meetingName: meeting.name,
    rubric: await meetingRubric(ctx, settings.rubricId),
    alliances: paperFormAlliances(packages),
    expert: expert === null ? null : { id: expert.id, name: expert.name },
    generatedAt: ctx.now(),
  });
  const path = join(target, paperFormFileName(meeting.year, expertId));
  await writeFileAtomically(path, pdf.bytes, { overwrite: true });
  return { path, pages: pdf.pages, alliances: packages.length };
}
