/**
 * 考核结果汇总表 (the summary): every alliance of the year, ranked, with each expert's total,
 * the panel's score, grade, consequence and award, the flags the chair saw and the chair's
 * notes; the score distribution chart; and the signature block: each expert's handwritten
 * signature, name and key fingerprint, the chair's line, and the certificate that signs the
 * PDF (its fingerprint, so a reader can check the digital signature against the paper); then
 * the annex of the panel's agreement and the unstable alliances (analysis-annex.ts).
 */
import type { AllianceResult } from '../../../shared/panel/types.ts';
import type { Grade } from '../../../shared/rubric/types.ts';
import type { ResultDocumentsInput, ResultIndex } from '../result-documents-input.ts';
import {
  awardText,
  consequenceText,
  dateText,
  flagText,
  gradeText,
  METHOD_LABELS,
  scoreText,
} from '../result-labels.ts';
import { rankAlliances } from '../result-ranking.ts';
import type { CertificateSummary } from '../signing/result-signer.ts';
import { drawAnalysisAnnex } from './analysis-annex.ts';
import type { Column, Row } from './draw-table.ts';
import { drawTable } from './draw-table.ts';
import type { PdfCanvas } from './pdf-canvas.ts';
import { drawScoreCharts, SCORE_CHART_HEIGHT } from './score-chart.ts';
import { drawSignatureBox, SIGNATURE_BOX_HEIGHT, signatureBoxContentOf } from './signature-box.ts';

export const SUMMARY_TITLE = '考核结果汇总表';

export interface SigningCertificate {
  readonly summary: CertificateSummary;
  /** The bureau's certificate, or this computer's self-signed one. */
  readonly origin: 'bureau' | 'local';
}

export function drawSummary(
  canvas: PdfCanvas,
  input: ResultDocumentsInput,
  index: ResultIndex,
  certificate: SigningCertificate,
): void {
  const { result, rubric } = input;
  canvas.paragraph(`${result.year} 年度合肥市产业技术创新战略联盟${SUMMARY_TITLE}`, { size: 16, weight: 'bold' }, {
    align: 'center',
    after: 4,
  });
  const facts = [
    `评分细则：${rubric.title}（${rubric.id}）`,
    `汇总方法：${METHOD_LABELS[result.method]}`,
    `偏离阈值：${input.deviationThreshold ?? 10} 分`,
    ...(input.budgetYuan === null || input.budgetYuan === undefined ? [] : [`奖励预算：${awardText(input.budgetYuan)} 元`]),
    `联盟 ${result.alliances.length} 个，专家 ${index.expertIds.length} 位`,
  ];
  canvas.facts(facts, { size: 8.5, color: '#333333' }, { align: 'center', after: 8 });

  const experts = index.expertIds;
  const columns: Column[] = [
    { header: '排名', width: 28, align: 'center' },
    { header: '联盟', flex: 1 },
    ...experts.map((id): Column => ({ header: `${id}\n${index.expertName(id)}`, width: 46, align: 'right' })),
    { header: '自评分', width: 40, align: 'right' },
    { header: '专家组得分', width: 50, align: 'right' },
    { header: '等级', width: 38, align: 'center' },
    { header: '结果运用', width: 62, align: 'center' },
    { header: '奖励（元）', width: 56, align: 'right' },
  ];
  const rows: Row[] = [];
  for (const { alliance, rank } of rankAlliances(result.alliances)) {
    const byExpert = new Map(alliance.experts.map((expert) => [expert.id, expert]));
    rows.push({
      cells: [
        rank === null ? '—' : String(rank),
        `${alliance.allianceId}\n${alliance.name}`,
        ...experts.map((id) => {
          const expert = byExpert.get(id);
          if (expert === undefined) return '';
          return expert.recused ? { text: '回避', color: '#777777', align: 'center' as const } : scoreText(expert.total);
        }),
        scoreText(alliance.selfTotal),
        { text: scoreText(alliance.total, { fixed: true }), bold: true },
        { text: gradeText(alliance.grade), bold: true, color: gradeColor(alliance.grade) },
        consequenceText(alliance.consequence),
        awardText(alliance.award),
      ],
    });
    const remarks = remarksOf(alliance, input, index);
    if (remarks !== '') rows.push({ cells: [remarks], span: true, fill: '#f6f7f9' });
  }
  drawTable(canvas, columns, rows, { size: 8.5 });

  const count = (grade: Grade): number => result.alliances.filter((alliance) => alliance.grade === grade).length;
  const awards = result.alliances.reduce((sum, alliance) => sum + (alliance.award ?? 0), 0);
  const flags = result.alliances.reduce((sum, alliance) => sum + alliance.flags.length, 0);
  canvas.y += 6;
  canvas.paragraph(
    `合计：优秀 ${count('excellent')} 个${awards > 0 ? `（奖励合计 ${awardText(awards)} 元）` : ''}，合格 ${count('pass')} 个，不合格 ${count('fail')} 个；需组长审阅的标记 ${flags} 条。` +
      `等级按四舍五入到两位小数的专家组得分确定：≥ ${rubric.grades.excellent} 分为优秀，${rubric.grades.pass}–${rubric.grades.excellent} 分（不含）为合格，< ${rubric.grades.pass} 分为不合格。`,
    { size: 8.5 },
    { after: 10 },
  );

  // The heading goes with the first chart: alone at a page's foot it would head nothing.
  canvas.ensureRoom(24 + SCORE_CHART_HEIGHT);
  canvas.paragraph('专家评分分布图', { size: 12, weight: 'bold' }, { after: 4 });
  drawScoreCharts(canvas, result.alliances, rubric.grades);

  drawSignatures(canvas, input, index, certificate);
  drawAnalysisAnnex(canvas, input, index);
}

function gradeColor(grade: Grade | null): string {
  return grade === 'excellent' ? '#1e8449' : grade === 'fail' ? '#c0392b' : '#000000';
}

function remarksOf(alliance: AllianceResult, input: ResultDocumentsInput, index: ResultIndex): string {
  const parts = alliance.flags.map((flag) => flagText(flag, index.expertName));
  const note = input.chairNotes?.[alliance.allianceId];
  if (note !== undefined && note.trim() !== '') parts.push(`组长意见：${note.trim()}`);
  return parts.length === 0 ? '' : `${alliance.allianceId} 标记与意见：${parts.join('；')}`;
}

function drawSignatures(canvas: PdfCanvas, input: ResultDocumentsInput, index: ResultIndex, certificate: SigningCertificate): void {
  const perRow = Math.max(1, Math.floor(canvas.contentWidth / 150));
  const width = canvas.contentWidth / perRow - 8;
  const rows = Math.ceil(index.expertIds.length / perRow);
  canvas.ensureRoom(30 + Math.min(rows, 2) * (SIGNATURE_BOX_HEIGHT + 8));
  canvas.y += 6;
  canvas.paragraph('专家组签名', { size: 12, weight: 'bold' }, { after: 4 });
  index.expertIds.forEach((id, i) => {
    if (i % perRow === 0) {
      if (i > 0) canvas.y += SIGNATURE_BOX_HEIGHT + 8;
      canvas.ensureRoom(SIGNATURE_BOX_HEIGHT + 8);
    }
    drawSignatureBox(canvas, canvas.left + (i % perRow) * (width + 8), canvas.y, width, signatureBoxContentOf(id, index.expertName(id), index.sheetOf(id)));
  });
  if (index.expertIds.length > 0) canvas.y += SIGNATURE_BOX_HEIGHT + 14;

  canvas.ensureRoom(110);
  const chair = input.chairName === null || input.chairName === undefined || input.chairName.trim() === '' ? '' : input.chairName.trim();
  canvas.paragraph(
    `专家组组长：${chair === '' ? '________________' : chair}\u3000\u3000\u3000签字：________________\u3000\u3000\u3000日期：${dateText(input.generatedAt)}`,
    { size: 10 },
    { after: 10 },
  );
  const who = certificate.origin === 'bureau' ? '市科技局数字证书' : '本机生成的自签名证书（未经第三方认证）';
  canvas.paragraph('电子签名', { size: 10, weight: 'bold' }, { after: 2 });
  canvas.paragraph(
    `本文件以${who}签名（PDF 数字签名 adbe.pkcs7.detached，SHA-256）。签名证书：${certificate.summary.subject}。` +
      `证书 SHA-256 指纹：${certificate.summary.fingerprint}。` +
      '验证：alliance-review verify <文件>，或 pdfsig <文件>，核对显示的证书指纹与此处一致；文件签名后有任何改动，验证都会失败。',
    { size: 8.5 },
  );
}
