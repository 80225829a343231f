/**
 * 公示名单 (the publication list): the alliances graded 优秀 this year, by score, for the
 * bureau to publish. It names only what the result decided: the alliance, its score and grade.
 */
import type { ResultDocumentsInput } from '../result-documents-input.ts';
import { dateText, scoreText } from '../result-labels.ts';
import { rankAlliances } from '../result-ranking.ts';
import { drawTable } from './draw-table.ts';
import type { PdfCanvas } from './pdf-canvas.ts';

export const PUBLICATION_TITLE = '考核优秀联盟公示名单';

export function drawPublicationList(canvas: PdfCanvas, input: ResultDocumentsInput): void {
  const { result, rubric } = input;
  const excellent = rankAlliances(result.alliances).filter(({ alliance }) => alliance.grade === 'excellent');
  canvas.y += 20;
  canvas.paragraph(`${result.year} 年度合肥市产业技术创新战略联盟`, { size: 16, weight: 'bold' }, { align: 'center', after: 2 });
  canvas.paragraph(PUBLICATION_TITLE, { size: 16, weight: 'bold' }, { align: 'center', after: 14 });
  if (excellent.length === 0) {
    canvas.paragraph(`${result.year} 年度没有考核等级为优秀的联盟。`, { size: 11 }, { after: 12 });
  } else {
    canvas.paragraph(
      `经专家组评审，以下 ${excellent.length} 家联盟 ${result.year} 年度考核等级为优秀（专家组得分 ${rubric.grades.excellent} 分及以上），按得分排列：`,
      { size: 11 },
      { after: 8 },
    );
    drawTable(
      canvas,
      [
        { header: '序号', width: 40, align: 'center' },
        { header: '联盟名称', flex: 1 },
        { header: '联盟编号', width: 80, align: 'center' },
        { header: '考核得分', width: 70, align: 'right' },
        { header: '等级', width: 50, align: 'center' },
      ],
      excellent.map(({ alliance }, i) => [
        String(i + 1),
        alliance.name,
        alliance.allianceId,
        scoreText(alliance.total, { fixed: true }),
        '优秀',
      ]),
      { size: 11, padding: 5 },
    );
  }
  canvas.y += 40;
  canvas.paragraph('合肥市科学技术局', { size: 12 }, { align: 'right', after: 2 });
  canvas.paragraph(dateText(input.generatedAt), { size: 12 }, { align: 'right' });
}
