/**
 * 专家组意见 (the panel's opinion on one alliance): the result for the alliance, every expert's
 * comment and override on it gathered (a recusal with its reason), the chair's note, and the
 * panel's conclusion, with the 组长's line to sign.
 *
 * - conclusion: the panel's own words when the chair recorded them (`procedure.panelConclusions`);
 *   otherwise the conclusion the result states (score, grade, consequence), said to be that.
 */
import type { AllianceResult } from '../../../shared/panel/types.ts';
import type { ResultDocumentsInput, ResultIndex } from '../result-documents-input.ts';
import { awardText, consequenceText, dateText, gradeText, scoreText } from '../result-labels.ts';
import { rankAlliances } from '../result-ranking.ts';
import { drawTable } from './draw-table.ts';
import type { PdfCanvas } from './pdf-canvas.ts';
import { membersOf } from './procedure-members.ts';

export const OPINION_TITLE = '专家组意见';

export function drawPanelOpinion(canvas: PdfCanvas, input: ResultDocumentsInput, index: ResultIndex, alliance: AllianceResult): void {
  const rank = rankAlliances(input.result.alliances).find((r) => r.alliance.allianceId === alliance.allianceId)?.rank ?? null;
  canvas.paragraph(`${input.result.year} 年度联盟考核${OPINION_TITLE}`, { size: 16, weight: 'bold' }, { align: 'center', after: 4 });
  canvas.paragraph(`${alliance.name}（${alliance.allianceId}）`, { size: 12.5, weight: 'bold' }, { align: 'center', after: 6 });
  canvas.facts(
    [
      `专家组得分：${scoreText(alliance.total, { fixed: true })}`,
      `名次：${rank === null ? '—' : `第 ${rank} 名（共 ${input.result.alliances.length} 个）`}`,
      `等级：${gradeText(alliance.grade)}`,
      `结果运用：${consequenceText(alliance.consequence)}`,
      ...(alliance.award === null ? [] : [`奖励：${awardText(alliance.award)} 元`]),
    ],
    { size: 9.5 },
    { align: 'center', after: 12 },
  );

  canvas.paragraph('一、专家意见', { size: 12, weight: 'bold' }, { after: 4 });
  const rows: string[][] = [];
  for (const expert of alliance.experts) {
    const review = index.reviewOf(expert.id, alliance.allianceId);
    const who = `${index.expertName(expert.id)}（${expert.id}）`;
    if (expert.recused) {
      rows.push([who, `回避：${review?.comment?.trim() ?? ''}`]);
      continue;
    }
    const parts: string[] = [];
    const comment = review?.comment?.trim() ?? '';
    if (comment !== '') parts.push(comment);
    for (const [indicatorId, override] of Object.entries(review?.overrides ?? {})) parts.push(`改判 ${indicatorId} 为 ${scoreText(override.score)} 分：${override.reason}`);
    rows.push([who, parts.length === 0 ? '（未写评审意见）' : parts.join('\n')]);
  }
  drawTable(canvas, [{ header: '专家', width: 130 }, { header: '意见', flex: 1 }], rows, { size: 9.5, padding: 4 });

  canvas.ensureRoom(22 + 3 * 10.5 * 1.4);
  canvas.y += 10;
  canvas.paragraph('二、专家组结论', { size: 12, weight: 'bold' }, { after: 4 });
  const own = input.procedure?.panelConclusions?.[alliance.allianceId]?.trim() ?? '';
  const scoring = alliance.experts.filter((e) => !e.recused).length;
  const stated =
    `经专家组 ${scoring} 位专家按评分细则逐项审核，${alliance.name}专家组得分 ${scoreText(alliance.total, { fixed: true })} 分，` +
    `考核等级为${gradeText(alliance.grade)}${alliance.consequence === null ? '' : `，结果运用：${consequenceText(alliance.consequence)}`}。`;
  canvas.paragraph(own === '' ? stated : own, { size: 10.5 }, { after: 4 });
  if (own === '') canvas.paragraph('（按考核结果写明；专家组的结论以组长签字为准。）', { size: 8, color: '#555555' }, { after: 4 });
  const note = input.chairNotes?.[alliance.allianceId]?.trim() ?? '';
  if (note !== '') canvas.paragraph(`组长意见：${note}`, { size: 10.5 }, { after: 4 });

  canvas.ensureRoom(70);
  canvas.y += 24;
  const leader = membersOf(input, index).find((m) => m.leader);
  const leaderName = leader?.name ?? (input.chairName?.trim() || '');
  canvas.paragraph(
    `专家组组长：${leaderName === '' ? '________________' : leaderName}\u3000\u3000签字：________________\u3000\u3000日期：${dateText(input.generatedAt)}`,
    { size: 10.5 },
    { align: 'right' },
  );
}
