/**
 * The expert's score sheet as a printable draft, before signing (打印评分表（未签名草稿）): so
 * an expert can check their scores on paper, and sign in ink where the bureau wants ink.
 *
 * - draft: every alliance of the year with the expert's score per indicator and in total as the
 *   scoring engine gives them now (the same `computeReview` the scoring view shows), what is
 *   still undecided, recusals with their reasons, overrides and comments; and lines to sign and
 *   date by hand. Every page says, in its head, foot and across the page, that it is an
 *   unsigned draft and not the signed sheet, so a draft cannot pass for the record.
 * - It changes nothing: no key is opened, nothing is recorded or locked, and printing again
 *   writes the same file again (the expert may print as often as they like).
 * - file: `<roster id>-<name>-<year>-评分表草稿.pdf` in the folder chosen for the sheet (default
 *   `<data>/exports`), written atomically.
 */
import { join } from 'node:path';
import type { DraftSheetPdf, ExpertProfile } from '../../shared/api/expert-work-types.ts';
import { dec } from '../../shared/decimal/decimal.ts';
import { formatScore } from '../../shared/decimal/print-score.ts';
import { chinaDateTime } from '../../shared/meeting/china-time.ts';
import { indicatorsOf } from '../../shared/rubric/rubric-index.ts';
import { GRADE_LABELS } from '../../shared/rubric/grade.ts';
import type { ServiceContext } from '../app/context.ts';
import { AppError } from '../errors/app-error.ts';
import { expertById } from '../experts/expert-store.ts';
import { loadShippedFonts } from '../export/fonts/shipped-fonts.ts';
import type { Column, Row } from '../export/pdf/draw-table.ts';
import { drawTable } from '../export/pdf/draw-table.ts';
import { drawPageFooter, drawRunningHead, renderFramedPdf } from '../export/pdf/framed-pdf.ts';
import type { PdfCanvas } from '../export/pdf/pdf-canvas.ts';
import { writeFileAtomically } from '../files/atomic-write.ts';
import { latestPackages, type ReviewPackage } from '../reviews/review-package.ts';
import { computeReview } from '../reviews/review-state.ts';
import { exportFolder } from './sign-expert-sheet.ts';

export const DRAFT_MARK = '未签名草稿';
const DRAFT_COLOR = '#b03a2e';

export interface DraftRequest {
  readonly expertId: number;
  readonly year: number;
  readonly folder?: string | undefined;
}

export function draftFileName(rosterId: string, name: string, year: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  const safeName = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  return `${rosterId}-${safeName}-${year}-评分表草稿.pdf`;
}

export async function writeDraftSheetPdf(ctx: ServiceContext, request: DraftRequest): Promise<DraftSheetPdf> {
  const { db } = ctx;
  const expert = expertById(db, request.expertId);
  const packages = await latestPackages(ctx, request.year);
  if (packages.length === 0) throw new AppError('no-packages', `本机没有 ${request.year} 年度的材料包，没有可打印的评分。请先导入会议包。`);
  const folder = exportFolder(ctx, request.folder);
  const now = ctx.now();

  const fonts = loadShippedFonts(join(ctx.resourcesDir, 'fonts'));
  const who = `${expert.name}（${expert.rosterId}）`;
  const { bytes, pages: count } = await renderFramedPdf(
    fonts,
    {
      title: `${request.year} 年度专家评分表（${DRAFT_MARK}）`,
      subject: `${who} · ${DRAFT_MARK}，不是签名的评分表`,
      author: expert.name,
      createdAt: now,
      firstPage: 'landscape',
      head: (page) =>
        drawRunningHead(page, {
          left: { text: `${request.year} 年度专家评分表 · ${DRAFT_MARK}（仅供核对，不是签名的评分表）`, bold: true, color: DRAFT_COLOR },
          right: { text: who },
        }),
      foot: (page, n, pages) => {
        draftWatermark(page);
        drawPageFooter(page, `${DRAFT_MARK} · 不是签名的评分表 · ${who}`, n, pages);
      },
    },
    (canvas) => drawDraft(canvas, ctx, request.year, expert, packages, now),
  );
  const path = join(folder, draftFileName(expert.rosterId, expert.name, request.year));
  try {
    await writeFileAtomically(path, bytes, { overwrite: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new AppError('write-failed', `无法把评分表草稿写入 ${folder}（${code}）。请检查 U 盘是否插好、是否写保护、空间是否足够，然后重试。`);
  }
  return { path, pages: count };
}

/** Across the page, light, so the scores stay readable and the draft is never taken for the record. */
function draftWatermark(canvas: PdfCanvas): void {
  const { doc } = canvas;
  const width = doc.page.width;
  const height = doc.page.height;
  doc.save();
  doc.rotate(-28, { origin: [width / 2, height / 2] });
  doc.fillOpacity(0.1);
  canvas.label(DRAFT_MARK, 0, height / 2 - 60, { size: 96, weight: 'bold', color: DRAFT_COLOR }, 'center', width);
  doc.restore();
}

function drawDraft(canvas: PdfCanvas, ctx: ServiceContext, year: number, expert: ExpertProfile, packages: readonly ReviewPackage[], now: Date): void {
  const { db } = ctx;
  const rubric = packages[0]!.rubric;
  canvas.paragraph(`${year} 年度专家评分表（${DRAFT_MARK}）`, { size: 15, weight: 'bold' }, { align: 'center', after: 2 });
  canvas.facts(
    [`专家：${expert.name}（${expert.rosterId}）`, ...(expert.title === '' ? [] : [`职称：${expert.title}`]), ...(expert.employer === '' ? [] : [`工作单位：${expert.employer}`]), `打印时间：${chinaDateTime(now.toISOString())}`],
    { size: 9.5 },
    { align: 'center', after: 4 },
  );
  canvas.paragraph('本表为评分的未签名草稿，供专家核对，或按市科技局要求在纸上签字。正式评分以专家用密钥签名导出的评分表为准；签名前评分仍可修改，修改后请重新打印。', { size: 9, color: DRAFT_COLOR }, { align: 'center', after: 8 });

  const indicators = indicatorsOf(rubric);
  const columns: Column[] = [
    { header: '联盟', flex: 1 },
    ...indicators.map((indicator): Column => ({ header: `${indicator.id}\n${indicator.cap === null ? '—' : indicator.cap}`, width: 31, align: 'right' })),
    { header: '总分', width: 42, align: 'right' },
    { header: '状态', width: 84, align: 'center' },
  ];
  const rows: Row[] = [];
  const notes: string[][] = [];
  for (const pkg of packages) {
    const computed = computeReview(db, pkg, expert.id);
    const who = `${pkg.allianceId}\n${pkg.allianceName}`;
    if (computed.recusalReason !== null) {
      rows.push({ cells: [`${pkg.allianceId} ${pkg.allianceName}\u3000回避：${computed.recusalReason}`], span: true, fill: '#f6f7f9' });
      continue;
    }
    const { score } = computed;
    const undecided = score.undecided.length;
    rows.push({
      cells: [
        who,
        ...indicators.map((indicator) => {
          const entry = score.indicators[indicator.id];
          const overridden = entry?.override !== null && entry?.override !== undefined;
          return { text: `${entry === undefined ? '—' : formatScore(dec(entry.score.toString()))}${overridden ? '*' : ''}`, bold: overridden };
        }),
        { text: formatScore(dec(score.total.toString())), bold: true },
        undecided === 0 ? `已评完 · ${GRADE_LABELS[score.grade]}` : { text: `尚有 ${undecided} 项未判断`, color: DRAFT_COLOR, bold: true },
      ],
    });
    for (const override of computed.work.overrides) notes.push([`${pkg.allianceId} ${pkg.allianceName}`, `改判 ${override.indicatorId} 为 ${override.score} 分：${override.reason}`]);
    const comment = computed.work.comment?.trim() ?? '';
    if (comment !== '') notes.push([`${pkg.allianceId} ${pkg.allianceName}`, comment]);
  }
  const signRoom = 90;
  drawTable(canvas, columns, rows, { size: 7.5, padding: 2.5, keepWithNext: notes.length > 0 ? 40 : signRoom });
  canvas.y += 3;
  canvas.paragraph('表头数字为指标上限（— 为不设上限），带 * 者为本专家改判的指标；未判断的评分项按 0 分计入草稿中的分数。', { size: 7, color: '#555555' }, { after: 8 });
  if (notes.length > 0) {
    canvas.ensureRoom(60);
    canvas.paragraph('改判与评审意见', { size: 11, weight: 'bold' }, { after: 3 });
    drawTable(canvas, [{ header: '联盟', width: 220 }, { header: '内容', flex: 1 }], notes, { size: 8, keepWithNext: signRoom });
  }
  canvas.ensureRoom(signRoom);
  canvas.y += 24;
  canvas.paragraph(`专家签字：________________________\u3000\u3000\u3000日期：____________________`, { size: 11 }, { align: 'right' });
}
