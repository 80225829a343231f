/**
 * 空白评分表 (the blank paper score form): what an expert who scores on paper writes on, so the
 * clerk can later type it into the chair's double-entry screen row by row.
 *
 * - form row: one line of the form, from shared/paper/paper-form-rows.ts, the same list the
 *   double-entry screen lays itself out from, in the same order: an indicator (where an
 *   override is written), a claimed flag, a claimed item, a judged criterion.
 * - box: an empty ruled cell the expert writes in (✓ for 认定 or 不予认定, a score, a reason);
 *   a shaded cell is one with nothing to write.
 * - draft marking: every page says 空白评分表 · 未签名草稿 at its head and foot, so a blank or
 *   half-filled copy is never taken for a signed sheet.
 *
 * One alliance per page group (each alliance starts a new page), as the screen shows one
 * alliance at a time; the expert's statement and signature line end the form.
 */
import type { PaperFormView } from '../../../shared/api/chair-types.ts';
import { itemClaimText, paperFormRows } from '../../../shared/paper/paper-form-rows.ts';
import type { FontSet } from '../fonts/shipped-fonts.ts';
import type { Column, Row } from './draw-table.ts';
import { drawTable } from './draw-table.ts';
import { drawPageFooter, drawRunningHead, renderFramedPdf } from './framed-pdf.ts';
import type { PdfCanvas } from './pdf-canvas.ts';

export const PAPER_FORM_TITLE = '专家纸质评分表';
export const PAPER_FORM_MARK = '空白评分表 · 未签名草稿';

export interface PaperFormInput {
  readonly year: number;
  readonly meetingName: string;
  readonly rubric: PaperFormView['rubric'];
  readonly alliances: PaperFormView['alliances'];
  /** The roster line the form is printed for; null: a form with an empty name line. */
  readonly expert: { readonly id: string; readonly name: string } | null;
  readonly generatedAt: Date;
}

export interface RenderedPaperForm {
  readonly bytes: Buffer;
  readonly pages: number;
  /** Characters no shipped face has (printed as 〓). */
  readonly missing: ReadonlySet<string>;
}

const NOTHING = '#e4e7eb';
const INDICATOR = '#f0f4f8';
const MARK_COLOR = '#b42318';

export async function renderPaperForm(fonts: FontSet, input: PaperFormInput): Promise<RenderedPaperForm> {
  const { bytes, pages, canvas } = await renderFramedPdf(
    fonts,
    {
      title: `${input.year} 年度${PAPER_FORM_TITLE}（${PAPER_FORM_MARK}）`,
      subject: `${input.meetingName} · ${PAPER_FORM_MARK}`,
      createdAt: input.generatedAt,
      firstPage: 'portrait',
      head: (page) => runningHead(page, input),
      foot: (page, n, count) => footer(page, input, n, count),
    },
    (page) => drawPaperForm(page, input),
  );
  return { bytes, pages, missing: canvas.missing };
}

function expertLine(input: PaperFormInput): string {
  return input.expert === null ? '专家姓名：____________　专家编号：________' : `专家：${input.expert.name}（${input.expert.id}）`;
}

export function drawPaperForm(canvas: PdfCanvas, input: PaperFormInput): void {
  canvas.paragraph(`${input.year} 年度${PAPER_FORM_TITLE}`, { size: 16, weight: 'bold' }, { align: 'center', after: 2 });
  canvas.paragraph(PAPER_FORM_MARK, { size: 12, weight: 'bold', color: MARK_COLOR }, { align: 'center', after: 4 });
  canvas.facts([`评分细则：${input.rubric.title}`, `会议：${input.meetingName}`, `联盟 ${input.alliances.length} 个`], { size: 9 }, { align: 'center', after: 4 });
  canvas.paragraph(expertLine(input), { size: 11, weight: 'bold' }, { align: 'center', after: 8 });
  canvas.paragraph('填写说明', { size: 11, weight: 'bold' }, { after: 2 });
  for (const line of [
    '1. 每个联盟一页（或数页），行的顺序与主任电脑上的录入界面相同，会务人员将逐行录入。',
    '2. 每个申报的评分项和条目：在“认定”或“不予认定”格中打 ✓；不予认定的，在“理由”格中写明理由。',
    '3. 白皮书等由专家打分的项目：在“得分”格中写分数（不超过括号中的上限，至多一位小数）。',
    '4. 需要改判某个指标的得分时：在该指标行的“得分”格写改判后的分数，“理由”格写改判理由。',
    '5. 与某联盟有利害关系需回避的：在该联盟的“回避”格打 ✓ 并写回避理由，其余各行不填。',
    '6. 每个联盟末尾写本联盟总分，供录入时与程序计算的总分核对；最后一页签名并写日期。',
  ]) {
    canvas.paragraph(line, { size: 9 }, { after: 1 });
  }
  input.alliances.forEach((alliance, i) => {
    canvas.addPage();
    drawAlliance(canvas, input, alliance, i);
  });
  canvas.ensureRoom(200);
  canvas.y += 16;
  canvas.paragraph('专家声明与签名', { size: 12, weight: 'bold' }, { after: 4 });
  canvas.paragraph('本人对以上联盟独立评分，评分依据为各联盟提交的材料；需回避的已如实注明。', { size: 10 }, { after: 18 });
  canvas.paragraph(expertLine(input), { size: 11 }, { after: 22 });
  canvas.paragraph('专家签名：______________________　　签字日期：______年____月____日', { size: 11 }, { after: 22 });
  canvas.paragraph('录入记录（会务填写）：第 1 次录入人 ____________　第 2 次录入人 ____________', { size: 9, color: '#444444' });
}

function drawAlliance(canvas: PdfCanvas, input: PaperFormInput, alliance: PaperFormInput['alliances'][number], index: number): void {
  canvas.paragraph(`第 ${index + 1} / ${input.alliances.length} 个联盟`, { size: 9, color: '#444444' }, { after: 1 });
  canvas.paragraph(`${alliance.allianceName}（${alliance.allianceId}）`, { size: 13, weight: 'bold' }, { after: 4 });
  const columns: Column[] = [
    { header: '评分项及申报内容', flex: 1 },
    { header: '认定', width: 32, align: 'center' },
    { header: '不予\n认定', width: 32, align: 'center' },
    { header: '得分', width: 44, align: 'center' },
    { header: '理由', width: 150 },
  ];
  const nothing = { text: '', fill: NOTHING };
  const box = { text: '' };
  const rows: Row[] = [{ cells: ['回避（打 ✓ 并写理由；回避的联盟其余各行不填）', box, nothing, nothing, box] }];
  for (const row of paperFormRows(input.rubric, alliance.claims)) {
    switch (row.kind) {
      case 'indicator':
        rows.push({
          cells: [
            { text: `${row.indicator.id} ${row.indicator.label}${row.indicator.cap === null ? '' : `（上限 ${row.indicator.cap} 分）`}\u3000改判时填得分与理由`, bold: true },
            nothing,
            nothing,
            box,
            box,
          ],
          fill: INDICATOR,
        });
        break;
      case 'flag':
        rows.push({ cells: [`${row.criterion.label}${row.note === null ? '' : `：${row.note}`}`, box, box, nothing, '\n'] });
        break;
      case 'item': {
        const claim = itemClaimText(row.item);
        rows.push({ cells: [`${row.criterion.label}：${row.item.title}${claim === '' ? '' : `（${claim}）`}`, box, box, nothing, '\n'] });
        break;
      }
      case 'judged':
        rows.push({ cells: [`${row.criterion.label}（0–${row.criterion.max} 分）`, nothing, nothing, box, nothing] });
        break;
    }
  }
  rows.push({ cells: ['总体意见（可不填）\n\n\n'], span: true });
  rows.push({ cells: [{ text: '本联盟总分（专家填写）', bold: true }, nothing, nothing, box, nothing] });
  drawTable(canvas, columns, rows, { size: 9, padding: 4 });
}

function runningHead(canvas: PdfCanvas, input: PaperFormInput): void {
  drawRunningHead(canvas, {
    left: { text: `${input.year} 年度${PAPER_FORM_TITLE}`, bold: true },
    center: { text: PAPER_FORM_MARK, bold: true, color: MARK_COLOR },
    right: { text: expertLine(input) },
  });
}

function footer(canvas: PdfCanvas, input: PaperFormInput, page: number, pages: number): void {
  drawPageFooter(canvas, `${input.meetingName} · ${PAPER_FORM_MARK}，专家签名前不是评分结果`, page, pages);
}
