/**
 * 评审专家承诺书 (the experts' pledges): one page per member of the panel with the pledge text
 * exactly as they signed it (carried in their format-2 sheet's sign-in), when they signed it
 * (China time), their drawn signature and the fingerprint of the key that signed it.
 *
 * A member whose sheet carries no sign-in signed (or is to sign) the pledge on paper: their
 * page says so, with the chair's record of the paper pledge when there is one, and prints the
 * standard pledge text with a line to sign on by hand.
 */
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';
import { PLEDGE_TEXT } from '../../../shared/sheet/sign-in.ts';
import type { ResultDocumentsInput, ResultIndex } from '../result-documents-input.ts';
import { isPaperSheet } from '../result-documents-input.ts';
import type { PdfCanvas } from './pdf-canvas.ts';
import type { MemberView } from './procedure-members.ts';
import { membersOf } from './procedure-members.ts';
import { drawHandSignature } from './signature-box.ts';

export const PLEDGE_TITLE = '评审专家承诺书';

export function drawPledges(canvas: PdfCanvas, input: ResultDocumentsInput, index: ResultIndex): void {
  membersOf(input, index).forEach((member, i) => {
    if (i > 0) canvas.addPage();
    drawPledge(canvas, input, member);
  });
}

function drawPledge(canvas: PdfCanvas, input: ResultDocumentsInput, member: MemberView): void {
  const signIn = member.entry?.sheet.signIn;
  const text = signIn?.pledge.text ?? PLEDGE_TEXT;
  const [first = PLEDGE_TITLE, ...rest] = text.split('\n');
  canvas.y += 10;
  canvas.paragraph(first, { size: 17, weight: 'bold' }, { align: 'center', after: 4 });
  canvas.paragraph(`${input.result.year} 年度 · ${input.meetingName}`, { size: 9, color: '#444444' }, { align: 'center', after: 14 });
  for (const line of rest) canvas.paragraph(line, { size: 11.5 }, { after: 5 });
  canvas.y += 16;

  const facts = [
    `承诺人：${member.name}（${member.id}）${member.leader ? '，专家组组长' : ''}`,
    ...(member.title === '' ? [] : [`职称：${member.title}`]),
    ...(member.employer === '' ? [] : [`工作单位：${member.employer}`]),
  ];
  for (const fact of facts) canvas.paragraph(fact, { size: 11 }, { after: 3 });

  if (signIn !== undefined) {
    canvas.paragraph(`签署时间：${chinaDateTime(signIn.pledge.signedAt)}（北京时间）`, { size: 11 }, { after: 3 });
    canvas.paragraph(`签到时间：${chinaDateTime(signIn.at)}（北京时间）`, { size: 11 }, { after: 8 });
  } else {
    const pledge = member.paperPledge;
    const state =
      pledge !== undefined
        ? `本承诺书由专家于 ${pledge.signedOn} 以纸质签署${pledge.recordedBy === undefined ? '' : `，${pledge.recordedBy} 登记`}，手写签名见纸质原件。`
        : member.entry === undefined
          ? '本专家的评分表未计入，没有电子签到记录。以上为承诺书标准文本，请专家手签。'
          : '本专家的评分表不含电子签到记录（旧格式或纸质录入）。以上为承诺书标准文本，请专家手签。';
    canvas.paragraph(state, { size: 10, color: '#8d2b0b' }, { after: 8 });
  }

  canvas.ensureRoom(90);
  canvas.paragraph('承诺人签名：', { size: 11, weight: 'bold' }, { after: 4 });
  const top = canvas.y;
  const width = 220;
  canvas.doc.save().rect(canvas.left, top, width, 64).lineWidth(0.4).strokeColor('#8a8a8a').stroke().restore();
  const paper = member.entry !== undefined && isPaperSheet(member.entry);
  const drew = signIn !== undefined && !paper && drawHandSignature(canvas, member.entry?.sheet.expert.handSignature, canvas.left + 6, top + 4, width - 12, 56);
  if (!drew) canvas.rule(top + 50, '#444444', 0.5, canvas.left + 12, canvas.left + width - 12);
  canvas.y = top + 70;
  if (signIn !== undefined && member.entry !== undefined && !paper) {
    canvas.paragraph(`签到记录由专家本人的密钥签名，密钥指纹 ${member.entry.fingerprint}`, { size: 8.5, color: '#444444' });
  }
}
