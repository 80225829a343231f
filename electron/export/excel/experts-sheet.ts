/**
 * 专家名单 sheet: the experts whose sheets were merged: id, name, the fingerprint of the key that
 * signed the sheet (to compare with the sign-in sheet), the public key itself, when they signed,
 * how many alliances they reviewed, their recusals, and whether a handwritten signature came.
 * A paper sheet has no key: its row says 纸质录入 where the fingerprint would be, and who typed it
 * in and who confirmed it (last column).
 */
import type { Workbook } from 'exceljs';
import type { ResultDocumentsInput, ResultIndex } from '../result-documents-input.ts';
import { isPaperSheet } from '../result-documents-input.ts';
import { FLAG_LABELS } from '../result-labels.ts';
import { addFilter, setUpSheet } from './sheet-style.ts';
import { chinaDateTime } from '../../../shared/meeting/china-time.ts';

export const EXPERTS_SHEET = '专家名单';

export function addExpertsSheet(workbook: Workbook, input: ResultDocumentsInput, index: ResultIndex): void {
  const sheet = workbook.addWorksheet(EXPERTS_SHEET);
  setUpSheet(
    sheet,
    [
      { header: '专家编号', width: 9 },
      { header: '姓名', width: 12 },
      { header: '密钥指纹', width: 22 },
      { header: '公钥（Ed25519，base64）', width: 48 },
      { header: '评分表签署时间', width: 26 },
      { header: '评审联盟数', width: 10 },
      { header: '回避联盟', width: 30 },
      { header: '手写签名', width: 9 },
      { header: '纸质录入', width: 30 },
    ],
    { frozenColumns: 2 },
  );
  for (const expertId of index.expertIds) {
    const entry = index.sheetOf(expertId);
    const recused = input.result.alliances
      .filter((alliance) => alliance.experts.some((expert) => expert.id === expertId && expert.recused))
      .map((alliance) => `${alliance.allianceId} ${alliance.name}`);
    const paper = entry !== undefined && isPaperSheet(entry);
    const people = entry?.paper;
    sheet.addRow([
      expertId,
      index.expertName(expertId),
      paper ? `${FLAG_LABELS['paper-entered']}（无密钥）` : (entry?.fingerprint ?? ''),
      entry?.sheet.signature?.publicKey ?? '',
      entry === undefined ? '' : paper ? entry.sheet.signedAt.slice(0, 10) : chinaDateTime(entry.sheet.signedAt),
      entry?.sheet.reviews.length ?? 0,
      recused.join('\n'),
      paper ? '见纸质原件' : entry?.sheet.expert.handSignature === undefined ? '无' : '有',
      !paper ? '' : people === null || people === undefined ? FLAG_LABELS['paper-entered'] : `${people.enteredBy} 录入，${people.confirmedBy} 复核`,
    ]).alignment = { vertical: 'top', wrapText: true };
  }
  addFilter(sheet);
}
