/**
 * 专家签到表 (the sign-in sheet): every member of the panel, with title and employer (from the
 * roster, when known), when they signed in (China time) and their drawn signature, so the
 * bureau can see who attended and that each one signed in before scoring.
 *
 * A member whose sheet carries no sign-in (format 1, or typed in from paper) shows the chair's
 * record of their paper pledge, or that no sign-in is known and a line to sign on by hand; a
 * member without a drawn signature gets the line too.
 */
import type { ResultDocumentsInput, ResultIndex } from '../result-documents-input.ts';
import { isPaperSheet } from '../result-documents-input.ts';
import { dateText } from '../result-labels.ts';
import { columnWidths } from './draw-table.ts';
import type { Column } from './draw-table.ts';
import type { PdfCanvas, TextStyle } from './pdf-canvas.ts';
import { membersOf, signInText } from './procedure-members.ts';
import { drawHandSignature } from './signature-box.ts';

export const SIGN_IN_TITLE = '专家签到表';

const GRID = '#8a8a8a';
const ROW_MIN = 46;

export function drawSignInSheet(canvas: PdfCanvas, input: ResultDocumentsInput, index: ResultIndex): void {
  const members = membersOf(input, index);
  canvas.paragraph(`${input.result.year} 年度合肥市产业技术创新战略联盟考核评审`, { size: 15, weight: 'bold' }, { align: 'center', after: 2 });
  canvas.paragraph(SIGN_IN_TITLE, { size: 15, weight: 'bold' }, { align: 'center', after: 4 });
  canvas.facts([`评审会：${input.meetingName}`, `专家 ${members.length} 位`], { size: 9, color: '#333333' }, { align: 'center', after: 10 });

  const columns: Column[] = [
    { header: '序号', width: 30 },
    { header: '姓名', width: 92 },
    { header: '职称', width: 72 },
    { header: '工作单位', flex: 1 },
    { header: '签到时间', width: 84 },
    { header: '签名', width: 118 },
  ];
  const widths = columnWidths(columns, canvas.contentWidth);
  const style: TextStyle = { size: 9 };
  const header = (): void => drawRowFrame(canvas, widths, columns.map((c) => c.header), 22, { size: 9, weight: 'bold' }, '#e8edf3');
  canvas.ensureRoom(22 + ROW_MIN);
  header();
  members.forEach((member, i) => {
    const signIn = signInText(member);
    const paper = member.entry !== undefined && isPaperSheet(member.entry);
    const cells = [
      String(i + 1),
      `${member.name}\n${member.id}${member.leader ? '  组长' : ''}`,
      member.title === '' ? '—' : member.title,
      member.employer === '' ? '—' : member.employer,
      signIn ?? '无签到记录',
    ];
    const height = Math.max(ROW_MIN, rowHeight(canvas, widths, cells, style));
    if (canvas.y + height > canvas.bottom) {
      canvas.addPage();
      header();
    }
    const top = canvas.y;
    drawRowFrame(canvas, widths, [...cells, ''], height, style);
    const x = canvas.left + widths.slice(0, 5).reduce((a, b) => a + b, 0);
    const width = widths[5] ?? 0;
    const drew = !paper && drawHandSignature(canvas, member.entry?.sheet.expert.handSignature, x + 4, top + 4, width - 8, height - 8);
    if (!drew) {
      canvas.rule(top + height - 10, '#444444', 0.5, x + 8, x + width - 8);
      const why = paper ? '纸质录入，见纸质原件' : member.entry === undefined ? '未签名，请手签' : '未附手写签名，请手签';
      canvas.label(why, x, top + 8, { size: 6.5, color: '#888888' }, 'center', width);
    }
  });
  canvas.y += 10;
  canvas.paragraph(
    '签到时间为专家在本人电脑上签到并签署承诺书的时间（北京时间），取自其签名的评分表；评分表不含签到记录的专家（旧格式或纸质录入），' +
      '列出主任登记的纸质承诺书日期，没有登记的写“无签到记录”，由本人在签名栏手签。签名为专家在签名板上手写的签名。',
    { size: 7.5, color: '#555555' },
    { after: 14 },
  );
  canvas.ensureRoom(30);
  canvas.paragraph(`会务人员：________________\u3000\u3000\u3000日期：${dateText(input.generatedAt)}`, { size: 10 });
}

function rowHeight(canvas: PdfCanvas, widths: readonly number[], cells: readonly string[], style: TextStyle): number {
  const lines = cells.map((text, i) => canvas.wrap(text, style, Math.max(1, (widths[i] ?? 0) - 8)).length);
  return Math.max(...lines) * canvas.lineHeight(style) + 8;
}

function drawRowFrame(canvas: PdfCanvas, widths: readonly number[], cells: readonly string[], height: number, style: TextStyle, fill?: string): void {
  const top = canvas.y;
  let x = canvas.left;
  widths.forEach((width, i) => {
    if (fill !== undefined) canvas.doc.save().rect(x, top, width, height).fill(fill).restore();
    const lines = canvas.wrap(cells[i] ?? '', style, Math.max(1, width - 8));
    const textHeight = lines.length * canvas.lineHeight(style);
    const start = top + (height - textHeight) / 2;
    lines.forEach((line, n) => canvas.drawLine(line, x + 4, canvas.baselineOf(start + n * canvas.lineHeight(style), style), style, i === 0 ? 'center' : 'left', width - 8));
    canvas.doc.save().rect(x, top, width, height).lineWidth(0.4).strokeColor(GRID).stroke().restore();
    x += width;
  });
  canvas.y = top + height;
}
