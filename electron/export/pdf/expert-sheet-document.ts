/**
 * 专家评分表 (one expert's sheet): the expert's own scores of every alliance they reviewed,
 * per indicator and in total, as the result holds them; their recusals with reasons; their
 * overrides and comments; and their signature (handwritten image, key fingerprint, when they
 * signed the sheet file).
 */
import { indicatorsOf } from '../../../shared/rubric/rubric-index.ts';
import type { ResultDocumentsInput, ResultIndex } from '../result-documents-input.ts';
import { isPaperSheet } from '../result-documents-input.ts';
import { gradeText, scoreText } from '../result-labels.ts';
import { gradeOf } from '../../../shared/rubric/grade.ts';
import { dec } from '../../../shared/decimal/decimal.ts';
import type { Column, Row } from './draw-table.ts';
import { drawTable } from './draw-table.ts';
import type { PdfCanvas } from './pdf-canvas.ts';
import { drawSignatureBox, paperEntryText, SIGNATURE_BOX_HEIGHT, signatureBoxContentOf } from './signature-box.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';

export const EXPERT_TITLE = '专家评分表';

export function drawExpertSheet(canvas: PdfCanvas, input: ResultDocumentsInput, index: ResultIndex, expertId: string): void {
  const { result, rubric } = input;
  const entry = index.sheetOf(expertId);
  const name = index.expertName(expertId);
  canvas.paragraph(`${result.year} 年度${EXPERT_TITLE}`, { size: 15, weight: 'bold' }, { align: 'center', after: 2 });
  canvas.paragraph(`专家：${name}（${expertId}）`, { size: 12, weight: 'bold' }, { align: 'center', after: 4 });
  canvas.facts(
    [
      entry !== undefined && isPaperSheet(entry) ? `${paperEntryText(entry.paper)}（无电子签名，无密钥指纹）` : `密钥指纹：${entry?.fingerprint ?? '—'}`,
      `评分表签署${entry !== undefined && isPaperSheet(entry) ? '日期' : '时间'}：${entry === undefined ? '—' : isPaperSheet(entry) ? entry.sheet.signedAt.slice(0, 10) : chinaDateTime(entry.sheet.signedAt)}`,
      `评审联盟：${entry?.sheet.reviews.length ?? 0} 个`,
    ],
    { size: 9 },
    { align: 'center', after: 8 },
  );

  const indicators = indicatorsOf(rubric);
  const columns: Column[] = [
    { header: '联盟', flex: 1 },
    ...indicators.map((indicator): Column => ({ header: `${indicator.id}\n${indicator.cap === null ? '—' : indicator.cap}`, width: 33, align: 'right' })),
    { header: '总分', width: 42, align: 'right' },
    { header: '等级', width: 38, align: 'center' },
  ];
  const rows: Row[] = [];
  const notes: string[][] = [];
  for (const alliance of result.alliances) {
    const expert = alliance.experts.find((candidate) => candidate.id === expertId);
    if (expert === undefined) continue;
    const review = index.reviewOf(expertId, alliance.allianceId);
    const who = `${alliance.allianceId}\n${alliance.name}`;
    if (expert.recused) {
      rows.push({ cells: [`${alliance.allianceId} ${alliance.name}\u3000回避：${review?.comment ?? ''}`], span: true, fill: '#f6f7f9' });
      continue;
    }
    rows.push({
      cells: [
      who,
      ...indicators.map((indicator) => {
        const overridden = review?.overrides?.[indicator.id] !== undefined;
        return { text: `${scoreText(expert.indicators?.[indicator.id])}${overridden ? '*' : ''}`, bold: overridden };
      }),
      { text: scoreText(expert.total), bold: true },
      // The grade this expert's total alone would give (shown so each expert can see where their own score lands).
      expert.total === null ? '—' : gradeText(gradeOf(rubric, dec(expert.total))),
      ],
    });
    for (const [indicatorId, override] of Object.entries(review?.overrides ?? {})) {
      notes.push([`${alliance.allianceId} ${alliance.name}`, `改判 ${indicatorId} 为 ${scoreText(override.score)} 分：${override.reason}`]);
    }
    if (review?.comment !== undefined && review.comment.trim() !== '') notes.push([`${alliance.allianceId} ${alliance.name}`, review.comment]);
  }
  // The signature box and its heading go with the table above them, never alone on a page.
  const signatureRoom = SIGNATURE_BOX_HEIGHT + 40;
  const captionRoom = 2 * 7 * 1.4 + 8;
  drawTable(canvas, columns, rows, { size: 7.5, padding: 2.5, keepWithNext: notes.length > 0 ? captionRoom : captionRoom + signatureRoom });
  canvas.paragraph('表中为本专家的得分，表头数字为指标上限（— 为不设上限），带 * 者为本专家改判的指标。等级一栏为按本专家总分所在的等级，仅供参考；正式等级以专家组得分为准。', {
    size: 7,
    color: '#555555',
  }, { after: 8 });

  if (notes.length > 0) {
    canvas.ensureRoom(60);
    canvas.paragraph('改判与评审意见', { size: 11, weight: 'bold' }, { after: 3 });
    drawTable(canvas, [{ header: '联盟', width: 220 }, { header: '内容', flex: 1 }], notes, { size: 8, keepWithNext: signatureRoom });
  }

  canvas.ensureRoom(signatureRoom);
  canvas.y += 10;
  canvas.paragraph('专家签名', { size: 11, weight: 'bold' }, { after: 4 });
  drawSignatureBox(canvas, canvas.left, canvas.y, 200, signatureBoxContentOf(expertId, name, entry));
  canvas.y += SIGNATURE_BOX_HEIGHT + 6;
}
