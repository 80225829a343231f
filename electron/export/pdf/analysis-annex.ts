/**
 * 附：专家组一致性分析 (the summary's annex): the result's `analysis` on paper, for the record of
 * how far the panel agreed (shared/panel/panel-analysis.ts): the alliances whose outcome was
 * unstable with what would have flipped, the agreement table per indicator with its reading, and
 * each expert's leniency. Advisory only, as the heading says: no number here changed a score.
 * A result made before the analysis existed has no annex.
 */
import { agreementReading, leniencyText, statisticText } from '../../../shared/panel/agreement-reading.ts';
import { indicatorsOf } from '../../../shared/rubric/rubric-index.ts';
import type { ResultDocumentsInput, ResultIndex } from '../result-documents-input.ts';
import type { Column, Row } from './draw-table.ts';
import { drawTable } from './draw-table.ts';
import type { PdfCanvas } from './pdf-canvas.ts';

export const ANALYSIS_ANNEX_TITLE = '附：专家组一致性分析（仅供参考）';

export function drawAnalysisAnnex(canvas: PdfCanvas, input: ResultDocumentsInput, index: ResultIndex): void {
  const { result, rubric } = input;
  const analysis = result.analysis;
  if (analysis === undefined) return;
  canvas.addPage();
  canvas.paragraph(ANALYSIS_ANNEX_TITLE, { size: 14, weight: 'bold' }, { align: 'center', after: 6 });
  canvas.paragraph(
    '本附件不改变任何分数。结果不稳：去掉一位评分专家，或改用另一种汇总方法后，联盟的等级、结果运用或奖励会改变。' +
      '一致性：各指标专家得分的组内相关系数 ICC(2,1)，及认定 / 不予认定的 Krippendorff α；ICC ≥ 0.75、α ≥ 0.8 为一致性好，ICC ≥ 0.5、α ≥ 0.667 为一般，更低为差；' +
      '只用每位专家都评了分的联盟，专家少于 3 位或联盟少于 5 个时不计算。宽严度：专家总分与其他评分专家平均分之差的平均（正为偏宽），波动为其标准差。',
    { size: 8.5, color: '#333333' },
    { after: 8 },
  );

  canvas.paragraph('结果不稳的联盟', { size: 11, weight: 'bold' }, { after: 4 });
  const unstable = result.alliances.flatMap((alliance) =>
    alliance.flags.filter((flag) => flag.kind === 'unstable').map((flag) => [`${alliance.allianceId}\n${alliance.name}`, flag.detail]),
  );
  if (unstable.length === 0) canvas.paragraph('无：去掉任何一位专家或改用另一种汇总方法，各联盟的等级、结果运用和奖励都不变。', { size: 9 }, { after: 8 });
  else {
    drawTable(canvas, [{ header: '联盟', width: 190 }, { header: '变化', flex: 1 }], unstable, { size: 8.5 });
    canvas.y += 8;
  }

  canvas.ensureRoom(80);
  canvas.paragraph('各指标的一致性', { size: 11, weight: 'bold' }, { after: 4 });
  const labels = new Map(indicatorsOf(rubric).map((indicator) => [indicator.id, indicator.label]));
  const agreementColumns: Column[] = [
    { header: '指标', flex: 1 },
    { header: '得分 ICC', width: 52, align: 'right' },
    { header: '读法', width: 110 },
    { header: '认定 α', width: 52, align: 'right' },
    { header: '读法', width: 160 },
    { header: '联盟 × 专家', width: 60, align: 'center' },
  ];
  const agreementRows: Row[] = Object.entries(analysis.indicators).map(([id, agreement]) => ({
    cells: [
      `${id} ${labels.get(id) ?? ''}`,
      statisticText(agreement.icc),
      agreementReading('icc', agreement).text,
      statisticText(agreement.alpha),
      agreementReading('alpha', agreement).text,
      `${agreement.alliances} × ${agreement.experts}`,
    ],
  }));
  drawTable(canvas, agreementColumns, agreementRows, { size: 8.5 });

  canvas.y += 8;
  canvas.ensureRoom(60);
  canvas.paragraph('各专家的宽严度（仅供参考）', { size: 11, weight: 'bold' }, { after: 4 });
  const expertRows: Row[] = Object.entries(analysis.experts).map(([id, expert]) => ({
    cells: [`${id} ${index.expertName(id)}`, leniencyText(expert.leniency), statisticText(expert.spread), String(expert.alliances)],
  }));
  drawTable(
    canvas,
    [
      { header: '专家', flex: 1 },
      { header: '宽严度', width: 70, align: 'right' },
      { header: '波动', width: 70, align: 'right' },
      { header: '联盟数', width: 60, align: 'right' },
    ],
    expertRows,
    { size: 8.5 },
  );
}
